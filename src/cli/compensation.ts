// `panelbot compensation export [--out DIR] [--again BATCH]`: the payment list (CSV, IBANs masked)
// and the SEPA credit transfer file (pain.001) for the bank. A payment once exported is never in a
// later export unless `--again BATCH` asks for that batch's unpaid payments explicitly.
// `panelbot compensation mark-paid FILE`: records the payments of an exported CSV (its lines may be
// a subset) and tells each person; a file whose batch or references do not match an export exactly
// is refused whole.
import { panelJson } from '../core/panel/panel-time';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, has, one } from './args';
import type { CliContext } from './context';
import { readCsvFile, toCsv } from './csv';
import { inTransaction } from '../db/client';
import { buildPaymentBatch, exportedUnpaid, PaymentFileError, recordExport } from '../core/compensation/payment-file';
import { entitledPeople, markPaid, unpaidClaims } from '../core/compensation/compensation';
import { maskIban } from '../core/compensation/iban';
import { audit } from '../db/repos/audit';
import { operator } from './operator';
import { plural } from '../core/organisers/plural';

export async function compensationCommand(ctx: CliContext): Promise<number> {
  const sub = ctx.args.positionals[0];
  if (sub === 'export') return exportPayments(ctx);
  if (sub === 'mark-paid') return markPaidFrom(ctx, ctx.args.positionals[1]);
  if (sub === 'list') return list(ctx);
  throw new UsageError('use "compensation export [--out DIR] [--again BATCH]", "compensation mark-paid FILE" or "compensation list [--json]"');
}

function list(ctx: CliContext): number {
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  const claims = unpaidClaims(db);
  audit(db, operator(), 'compensation_list', null, clock.now());
  if (has(ctx.args, 'json')) {
    const unpaid = claims.map((c) => ({ reference: c.reference, iban: maskIban(c.iban), amount: c.amountCents / 100, currency: c.currency, batch: c.batch ?? null }));
    ctx.out(panelJson({ rule: config.compensation.rule, entitled: entitledPeople(db, config).length, unpaid }, config.panel.timezone));
    return 0;
  }
  ctx.out(`Entitled under rule ${config.compensation.rule}: ${entitledPeople(db, config).length}; bank details confirmed and not paid: ${claims.length}`);
  for (const c of claims) ctx.out(`  ${c.reference}  ${maskIban(c.iban)}  ${(c.amountCents / 100).toFixed(2)} ${c.currency}${c.batch ? `  exported in ${c.batch}` : ''}`);
  return 0;
}

function exportPayments(ctx: CliContext): number {
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  const now = clock.now();
  const dir = one(ctx.args, 'out') ?? '.';
  const again = one(ctx.args, 'again');
  let batch;
  try {
    batch = buildPaymentBatch(db, config, now, { again });
  } catch (err) {
    if (err instanceof PaymentFileError) {
      ctx.err(`panelbot: ${err.message}`);
      return 2;
    }
    throw err;
  }
  const waiting = again ? [] : exportedUnpaid(db);
  for (const w of waiting) {
    ctx.out(`${plural(w.count, 'payment')} already exported in ${w.batch} and not marked paid: not exported again (if the bank did not execute that file: compensation export --again ${w.batch}).`);
  }
  if (batch.count === 0) {
    ctx.out('No confirmed bank details waiting for export: nothing written.');
    return 0;
  }
  fs.mkdirSync(dir, { recursive: true });
  const csvFile = path.join(dir, `${batch.batch}.csv`);
  const xmlFile = path.join(dir, `${batch.batch}.pain.001.xml`);
  // Bank details: readable by the owner only, like the database.
  fs.writeFileSync(csvFile, toCsv(batch.csv.header, batch.csv.rows), { mode: 0o600 });
  fs.writeFileSync(xmlFile, batch.xml, { mode: 0o600 });
  inTransaction(db, () => {
    recordExport(db, batch, now);
    audit(db, operator(), 'compensation_export', `${batch.batch}:${batch.count}${again ? `:again:${again}` : ''}`, now);
  });
  if (again) ctx.out(`Batch ${batch.batch} replaces ${again}: give the bank only the new file; the old one can no longer be marked paid.`);
  ctx.out(`${plural(batch.count, 'payment')}, ${(batch.totalCents / 100).toFixed(2)} ${config.compensation.currency} in all.`);
  ctx.out(`  list (IBANs masked): ${csvFile}`);
  ctx.out(`  SEPA credit transfer for the bank: ${xmlFile}`);
  ctx.out(`Once the bank has executed it: panelbot compensation mark-paid ${csvFile}`);
  return 0;
}

function markPaidFrom(ctx: CliContext, file: string | undefined): number {
  if (!file) throw new UsageError('compensation mark-paid needs the FILE of payments made (the exported CSV)');
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist`);
  // The CSV that "compensation export" wrote, or some of its lines.
  const { rows } = readCsvFile(file, { required: ['reference', 'batch'], known: ['pseudonym', 'holder', 'iban', 'amount', 'currency'] });
  const app = ctx.openApp();
  const { db, clock } = app.services;
  const now = clock.now();
  const entries = rows.map((r) => ({ reference: r.values.reference ?? '', batch: r.values.batch ?? '', line: r.line }));
  const result = inTransaction(db, () => {
    const r = markPaid(db, entries, now);
    const batches = [...new Set(entries.map((e) => e.batch))].join('+');
    audit(db, operator(), r.problems.length ? 'compensation_mark_paid_refused' : 'compensation_mark_paid', `${path.basename(file)}:${batches}:${r.paid.length}`, now);
    return r;
  });
  if (result.problems.length) {
    ctx.err(`panelbot: ${file} refused, nothing recorded:`);
    for (const p of result.problems) ctx.err(`  ${p}`);
    return 1;
  }
  ctx.out(`${plural(result.paid.length, 'payment')} recorded; each person will be told.`);
  if (result.alreadyPaid.length) ctx.out(`${result.alreadyPaid.length} already recorded before (nothing changed).`);
  return 0;
}
