// `invitations generate|import … --qr DIR`: for each code, the web chat's link and its QR code as
// SVG (for print) and PNG, plus letters.csv for a printing house's mail merge (code, language,
// link, image file). Its own file: the invitations command only hands it the codes.
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { SettingsError, type Settings } from '../config/settings';
import { formatCode } from '../core/registration/invitation-code';
import { toCsv } from './csv';

export interface LetterCode {
  code: string;
  language: string;
}

/** The address a letter prints: PANELBOT_PUBLIC_URL + /r/<code> (the code as the chat reads it). */
export function webLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/r/${code}`;
}

export function publicUrlFor(settings: Settings): string {
  if (!settings.PANELBOT_PUBLIC_URL) throw new SettingsError('PANELBOT_PUBLIC_URL: needed for --qr (the web chat address printed on the letters)');
  return settings.PANELBOT_PUBLIC_URL;
}

/** Writes DIR/<CODE>.svg, DIR/<CODE>.png and DIR/letters.csv; returns the CSV's path. */
export async function writeLetterQrCodes(dir: string, publicUrl: string, codes: readonly LetterCode[]): Promise<string> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const rows: string[][] = [];
  for (const { code, language } of codes) {
    const link = webLink(publicUrl, code);
    // M: a letter folded or a little smudged still scans; the quiet zone of 4 modules the standard asks.
    const options = { errorCorrectionLevel: 'M' as const, margin: 4 };
    const svg = await QRCode.toString(link, { ...options, type: 'svg' });
    const png = await QRCode.toBuffer(link, { ...options, type: 'png', width: 600 });
    fs.writeFileSync(path.join(dir, `${code}.svg`), svg, { mode: 0o600 });
    fs.writeFileSync(path.join(dir, `${code}.png`), png, { mode: 0o600 });
    rows.push([formatCode(code), language, link, `${code}.png`, `${code}.svg`]);
  }
  const csv = path.join(dir, 'letters.csv');
  fs.writeFileSync(csv, toCsv(['code', 'language', 'link', 'image', 'image_svg'], rows), { mode: 0o600 });
  return csv;
}
