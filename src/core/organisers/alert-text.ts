// One line per alert for organisers (English: organisers only). Payloads hold pseudonyms and
// counts; unknown kinds are shown as they are so that no alert is ever dropped.
type Payload = Record<string, unknown>;

const TEXTS: Record<string, (p: Payload) => string> = {
  registration_milestone: (p) => `:tada: ${p.registrations} registrations reached.`,
  selection_declined: (p) =>
    `:warning: Selected person ${p.person} declined.${p.proposedReserve ? ` Best reserve to ask: ${p.proposedReserve}.` : ' No reserve left that fits.'}`,
  withdrawal: (p) => `:wave: ${p.person} withdrew from the panel.`,
  urgent_message: (p) => `:rotating_light: Urgent message from ${p.person} (ticket #${p.ticket}): lost, late, ill or cannot come. Answer them now.`,
  wrong_code_burst: (p) => `:rotating_light: ${p.count} wrong invitation codes in ${p.minutes} minutes: someone may be guessing codes.`,
  needs_changed_late: (p) =>
    `:pushpin: ${p.person} changed their needs late${p.event ? ` for ${p.event}` : ''}${p.category ? ` (${p.category})` : ''}: check the logistics.`,
  whatsapp_login_needed: (p) =>
    `:iphone: WhatsApp needs a login: on the panel's phone open WhatsApp > Settings > Linked devices > Link a device and scan the QR code ` +
    `(drawn in panelbot's terminal${p.picture ? `, and as a picture: ${p.picture}` : ''}). It changes about every 20 seconds: for the current one run \`npx panelbot whatsapp qr\` on the server (docs/whatsapp.md).`,
  whatsapp_trouble: (p) =>
    p.state === 'recovered'
      ? `:white_check_mark: WhatsApp is connected again; waiting messages are going out.`
      : p.state === 'still_down'
        ? `:rotating_light: WhatsApp is still down after ${p.attempts} tries${p.reason ? ` (${p.reason})` : ''}: check the server, or delete the session folder and scan again (docs/whatsapp.md).`
        : `:electric_plug: WhatsApp session trouble: ${p.state}${p.reason ? ` (${p.reason})` : ''}. panelbot is reconnecting; messages wait in the outbox.`,
  whatsapp_session: (p) => `:electric_plug: WhatsApp session: ${p.state ?? p.status ?? 'trouble'}${p.reason ? ` (${p.reason})` : ''}.`,
  retention_erased: (p) => `:wastebasket: Retention: ${p.people} people erased${p.unpaidClaims ? `, ${p.unpaidClaims} with unpaid claims` : ''}.`,
};

export function describeAlert(kind: string, payloadJson: string): string {
  let payload: Payload = {};
  try {
    payload = JSON.parse(payloadJson) as Payload;
  } catch {
    payload = {};
  }
  const text = TEXTS[kind];
  if (text) return text(payload);
  const details = Object.entries(payload)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
  return `:bell: ${kind}${details ? ` (${details})` : ''}`;
}
