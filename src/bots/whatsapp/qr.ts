// The login QR code, drawn in the terminal (two rows of modules per line, with half blocks) and
// written as a PNG beside the session (mode 600), so that an organiser can scan it from the screen
// or open the picture; `panelbot whatsapp qr` shows the current one again. The code lives for about
// 20 seconds; WhatsApp then shows a new one, drawn again. Its text is never logged.
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';

/** The QR code as terminal lines: dark modules on a light background, a quiet zone around. */
export function drawQr(text: string): string[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const size = modules.size;
  const quiet = 2;
  const dark = (r: number, c: number) => r >= 0 && c >= 0 && r < size && c < size && modules.get(r, c) === 1;
  const lines: string[] = [];
  for (let r = -quiet; r < size + quiet; r += 2) {
    let line = '';
    for (let c = -quiet; c < size + quiet; c++) {
      const top = dark(r, c);
      const bottom = dark(r + 1, c);
      // Light is drawn, dark is left blank: phones read a light-on-dark terminal this way too.
      line += top ? (bottom ? ' ' : '▄') : bottom ? '▀' : '█';
    }
    lines.push(line);
  }
  return lines;
}

/** Where the current login QR code is kept (the PNG and its text for `whatsapp qr`). */
export function qrFiles(dataDir: string): { png: string; text: string } {
  return { png: path.join(dataDir, 'whatsapp', 'login-qr.png'), text: path.join(dataDir, 'whatsapp', 'login-qr.txt') };
}

/** Keeps the current code for `whatsapp qr` and as a picture; errors only cost the picture. */
export async function saveQr(qr: string, dataDir: string): Promise<string> {
  const files = qrFiles(dataDir);
  fs.mkdirSync(path.dirname(files.png), { recursive: true });
  fs.writeFileSync(files.text, qr, { mode: 0o600 });
  await QRCode.toFile(files.png, qr, { width: 480, margin: 2 });
  fs.chmodSync(files.png, 0o600);
  return files.png;
}

/** Once logged in, the code is useless: removed. */
export function forgetQr(dataDir: string): void {
  const files = qrFiles(dataDir);
  fs.rmSync(files.png, { force: true });
  fs.rmSync(files.text, { force: true });
}

export function qrInstructions(qr: string, first: boolean, pngFile?: string): string[] {
  const picture = pngFile ? [`panelbot: the same QR code as a picture: ${pngFile} (or run: npx panelbot whatsapp qr)`] : [];
  if (!first) return ['panelbot: new WhatsApp login QR code (the previous one expired):', ...drawQr(qr), ...picture];
  return [
    'panelbot: WhatsApp needs a login. On the panel\'s phone open WhatsApp > Settings > Linked devices > Link a device, and scan this QR code:',
    ...drawQr(qr),
    ...picture,
    'panelbot: the code changes about every 20 seconds and the new one is drawn here; see docs/whatsapp.md.',
  ];
}
