// The login QR code in the terminal. No QR library is installed (whatsapp-web.js does not bring
// qrcode-terminal), so the code's text is printed with the command that draws it (Debian's qrencode).
// The code lives for about 20 seconds; WhatsApp then shows a new one, printed again.

export function qrInstructions(qr: string, first: boolean): string[] {
  const draw = `  qrencode -t ANSIUTF8 '${qr.replace(/'/g, '')}'`;
  if (!first) return ['panelbot: new WhatsApp login QR code (the previous one expired):', draw];
  return [
    'panelbot: WhatsApp needs a login. On the panel\'s phone open WhatsApp > Settings > Linked devices > Link a device, and scan the QR code.',
    'panelbot: to see the QR code, run this in another terminal (apt-get install qrencode), then scan it:',
    draw,
    'panelbot: the code changes about every 20 seconds and the new one is printed here; see docs/whatsapp.md.',
  ];
}
