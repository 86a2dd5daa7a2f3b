// `panelbot invitations import FILE.csv` and `panelbot invitations generate --count N --language L [--out FILE.csv]`;
// `--qr DIR` adds the web chat's link and QR code per code (invitation-qr.ts).
import fs from 'node:fs';
import { UsageError, one } from './args';
import type { CliContext } from './context';
import { readCsvFile, toCsv } from './csv';
import { addInvitation, setInvitationEasyRead } from '../db/repos/invitations';
import { checkCode, formatCode, generateCode, normalizeCode, ownCodes } from '../core/registration/invitation-code';
import { LANGUAGES } from '../core/panel/config';
import { inTransaction } from '../db/client';
import { telegramBotUsername } from './telegram-username';
import { publicUrlFor, writeLetterQrCodes, type LetterCode } from './invitation-qr';
import { freeInvitation } from '../db/repos/invitations';
import { audit } from '../db/repos/audit';
import { operator } from './operator';
import { plural } from '../core/organisers/plural';

/** The optional easy_read column: the letter was sent in easy-read, its conversation starts so. */
const EASY_YES = new Set(['yes', 'y', '1', 'true', 'oui', 'ja', 'x']);
const EASY_NO = new Set(['', 'no', 'n', '0', 'false', 'non', 'nee', 'nein']);

const LANGUAGE_VALUE = new RegExp(`^(${LANGUAGES.join('|')})(\\+(${LANGUAGES.join('|')}))?$`);

export async function invitationsCommand(ctx: CliContext): Promise<number> {
  const sub = ctx.args.positionals[0];
  if (sub === 'import') return importInvitations(ctx);
  if (sub === 'generate') return generateInvitations(ctx);
  if (sub === 'free') return freeCode(ctx);
  throw new UsageError('use "invitations import FILE.csv [--qr DIR]", "invitations generate --count N --language L [--out FILE.csv] [--qr DIR]" or "invitations free CODE"');
}

/** `invitations free CODE`: the code can be typed again by its owner. Audited. */
function freeCode(ctx: CliContext): number {
  const raw = ctx.args.positionals[1];
  if (!raw) throw new UsageError('invitations free needs a CODE');
  const code = normalizeCode(raw) ?? raw.toUpperCase().replace(/[\s-]/g, '');
  const app = ctx.openApp();
  const now = app.services.clock.now();
  const result = inTransaction(app.db, () => {
    const r = freeInvitation(app.db, code);
    if (r.freed) audit(app.db, operator(), 'invitation.free', `invitation:${code}`, now);
    return r;
  });
  if (result.freed) {
    ctx.out(`Code ${formatCode(code)} is free again: its owner can type it to register.`);
    return 0;
  }
  if (result.reason === 'not_found') ctx.err(`panelbot: no invitation with code ${formatCode(code)}`);
  else if (result.reason === 'not_claimed') ctx.out(`Code ${formatCode(code)} was not taken: nothing to free.`);
  else if (result.reason === 'registration') ctx.err(`panelbot: code ${formatCode(code)} belongs to the registration of ${result.pseudonym} (${result.status}); it was not freed`);
  return result.reason === 'not_claimed' ? 0 : 1;
}

async function importInvitations(ctx: CliContext): Promise<number> {
  const file = ctx.args.positionals[1];
  if (!file) throw new UsageError('invitations import needs a CSV file');
  if (!fs.existsSync(file)) {
    ctx.err(`panelbot: ${file} does not exist`);
    return 1;
  }
  const { rows } = readCsvFile(file, { required: ['code'], known: ['language', 'postcode', 'household', 'easy_read'] });
  const qrDir = one(ctx.args, 'qr');
  const publicUrl = qrDir ? publicUrlFor(ctx.settings) : undefined;
  const app = ctx.openApp();
  const now = app.services.clock.now();
  const problems: string[] = [];
  const letters: LetterCode[] = [];
  let added = 0;
  let already = 0;
  const seen = new Set<string>();
  // panelbot's own codes keep their check-character diagnosis; another service's codes (4 to 16
  // letters and digits, case and dashes ignored) are taken as printed.
  const own = ownCodes(rows.map((r) => normalizeCode(r.values.code ?? '')).filter((c): c is string => c !== undefined));
  inTransaction(app.db, () => {
    for (const row of rows) {
      const raw = row.values.code ?? '';
      const code = normalizeCode(raw);
      if (!code) {
        problems.push(`line ${row.line}: "${raw}" is not a code (4 to 16 letters and digits; dashes and spaces are ignored)`);
        continue;
      }
      if (own && checkCode(code) === 'checksum') {
        problems.push(`line ${row.line}: "${raw}" has a wrong check character: a typing mistake? (panelbot's codes, see "invitations generate")`);
        continue;
      }
      const language = (row.values.language ?? '').toLowerCase().replace(/\s/g, '');
      if (!LANGUAGE_VALUE.test(language)) {
        problems.push(`line ${row.line}: language "${row.values.language ?? ''}" should be fr, nl, de, en, or two joined by + (e.g. nl+fr)`);
        continue;
      }
      const postcode = row.values.postcode || null;
      if (postcode && !/^\d{4}$/.test(postcode)) {
        problems.push(`line ${row.line}: postcode "${postcode}" should have 4 digits`);
        continue;
      }
      const easyValue = (row.values.easy_read ?? '').trim().toLowerCase();
      if (!EASY_YES.has(easyValue) && !EASY_NO.has(easyValue)) {
        problems.push(`line ${row.line}: easy_read "${row.values.easy_read ?? ''}" should be yes or no (1 or 0; empty is no)`);
        continue;
      }
      const easyRead = EASY_YES.has(easyValue);
      if (seen.has(code)) {
        problems.push(`line ${row.line}: code ${formatCode(code)} appears twice in the file`);
        continue;
      }
      seen.add(code);
      letters.push({ code, language });
      const inserted = addInvitation(app.db, { code, languages: language, postcode, household: row.values.household || null, easyRead }, now);
      if (inserted) added++;
      else {
        already++;
        // A file with the column sets the flag of letters imported before without it.
        if (row.values.easy_read !== undefined) setInvitationEasyRead(app.db, code, easyRead);
      }
    }
  });
  for (const p of problems) ctx.err(p);
  ctx.out(`${plural(added, 'invitation')} imported, ${already} already known, ${plural(problems.length, 'row')} with a problem.`);
  if (qrDir && publicUrl) ctx.err(`QR codes of ${plural(letters.length, 'letter')} written; mail merge: ${await writeLetterQrCodes(qrDir, publicUrl, letters)}`);
  return problems.length > 0 ? 1 : 0;
}

async function generateInvitations(ctx: CliContext): Promise<number> {
  const count = Number(one(ctx.args, 'count'));
  const language = (one(ctx.args, 'language') ?? '').toLowerCase();
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError('--count must be a whole number from 1 to 1000000');
  if (!LANGUAGE_VALUE.test(language)) throw new UsageError('--language must be fr, nl, de, en, or two joined by + (e.g. nl+fr)');
  const qrDir = one(ctx.args, 'qr');
  const publicUrl = qrDir ? publicUrlFor(ctx.settings) : undefined;
  const app = ctx.openApp();
  const now = app.services.clock.now();
  const bot = await telegramBotUsername(ctx.settings);
  const waNumber = ctx.settings.WHATSAPP_NUMBER?.replace(/\D/g, '');
  const codes: string[] = [];
  inTransaction(app.db, () => {
    while (codes.length < count) {
      const code = generateCode();
      const inserted = addInvitation(app.db, { code, languages: language }, now);
      if (inserted) codes.push(code);
    }
  });
  const header = ['code', 'language', ...(bot ? ['telegram_link'] : []), ...(waNumber ? ['whatsapp_link'] : [])];
  const rows = codes.map((code) => [
    formatCode(code),
    language,
    ...(bot ? [`https://t.me/${bot}?start=${code}`] : []),
    ...(waNumber ? [`https://wa.me/${waNumber}?text=${code}`] : []),
  ]);
  const csv = toCsv(header, rows);
  const out = one(ctx.args, 'out');
  if (out) {
    fs.writeFileSync(out, csv, { mode: 0o600 });
    ctx.err(`${plural(codes.length, 'code')} created and written to ${out}.`);
  } else process.stdout.write(csv);
  if (qrDir && publicUrl) ctx.err(`QR codes written; mail merge: ${await writeLetterQrCodes(qrDir, publicUrl, codes.map((code) => ({ code, language })))}`);
  return 0;
}
