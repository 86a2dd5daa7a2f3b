// Letters with QR codes: `invitations generate|import --qr DIR` writes, per code, the web chat's
// link as SVG and PNG, and a mail-merge CSV a printing house can use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { panelbot } from '../helpers/run-cli';
import { tempDbPath } from '../helpers/chat';
import { formatCode, generateCode } from '../../src/core/registration/invitation-code';

const PUBLIC = 'https://panel.example.be';

function letters(dir: string): string[][] {
  return fs
    .readFileSync(path.join(dir, 'letters.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
}

async function expectQrOf(dir: string, code: string): Promise<void> {
  const link = `${PUBLIC}/r/${code}`;
  // The image is the QR code of the link (as qrcode draws it), in both formats.
  expect(fs.readFileSync(path.join(dir, `${code}.svg`), 'utf8')).toBe(await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));
  expect(fs.readFileSync(path.join(dir, `${code}.png`)).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

// Each test runs the real command (a child process) once or twice.
describe('invitations --qr', { timeout: 120_000 }, () => {
  it('writes each generated code\'s link, its QR code as SVG and PNG, and the mail-merge CSV', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-qr-'));
    const run = panelbot(['--db', tempDbPath(), 'invitations', 'generate', '--count', '3', '--language', 'nl+fr', '--qr', dir], { env: { PANELBOT_PUBLIC_URL: `${PUBLIC}/` } });
    expect(run.stderr).toContain('letters.csv');
    expect(run.code).toBe(0);
    const [header, ...rows] = letters(dir);
    expect(header).toEqual(['code', 'language', 'link', 'image', 'image_svg']);
    expect(rows).toHaveLength(3);
    for (const [printed, language, link, png, svg] of rows as string[][]) {
      const code = printed!.replace(/-/g, '');
      expect(printed).toBe(formatCode(code));
      expect(language).toBe('nl+fr');
      expect(link).toBe(`${PUBLIC}/r/${code}`);
      expect([png, svg]).toEqual([`${code}.png`, `${code}.svg`]);
      await expectQrOf(dir, code);
    }
  });

  it('does the same for imported codes, and needs the public address', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-qr-'));
    const csv = path.join(dir, 'codes.csv');
    const codes = [generateCode(), generateCode()];
    fs.writeFileSync(csv, `code,language\n${formatCode(codes[0]!)},fr\n${codes[1]},de\nX!,fr\n`);
    const db = tempDbPath();
    const out = path.join(dir, 'letters');
    const refused = panelbot(['--db', db, 'invitations', 'import', csv, '--qr', out]);
    expect(refused.stderr).toContain('PANELBOT_PUBLIC_URL');
    expect(refused.code).not.toBe(0);
    const run = panelbot(['--db', db, 'invitations', 'import', csv, '--qr', out], { env: { PANELBOT_PUBLIC_URL: PUBLIC } });
    expect(run.stdout).toContain('2 invitations imported');
    const [, ...rows] = letters(out);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [formatCode(codes[0]!), 'fr', `${PUBLIC}/r/${codes[0]}`],
      [formatCode(codes[1]!), 'de', `${PUBLIC}/r/${codes[1]}`],
    ]);
    await expectQrOf(out, codes[1]!);
  });
});
