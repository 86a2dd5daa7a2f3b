// The payment list for the bank: a SEPA credit transfer initiation (pain.001.001.09) made with the
// sepa library, and a CSV overview for the team in which account numbers are masked.
import { Document as SepaDocument } from 'sepa';
import type { Db } from '../../db/client';
import { insertPaymentBatch, markExported, paymentBatch } from '../../db/repos/compensation';
import type { PanelConfig } from '../panel/config';
import { localDate } from '../panel/time';
import { checkIban, maskIban } from './iban';
import { unpaidClaims } from '../../db/repos/compensation';

export const PAIN_FORMAT = 'pain.001.001.09';

/** SEPA's Latin character set: accents dropped, anything else outside the set replaced by a space. */
export function sepaText(text: string, max = 70): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

export interface PaymentBatch {
  /** The pain.001 message id, also stored on each claim. */
  batch: string;
  count: number;
  totalCents: number;
  references: string[];
  xml: string;
  csv: { header: string[]; rows: Array<Array<string | number>> };
  /** The earlier batch this one replaces (`--again`). */
  againOf?: string;
}

export class PaymentFileError extends Error {}

export interface BatchOptions {
  /**
   * Export again the unpaid payments of this earlier batch (the bank refused or lost its file), in a
   * new batch that replaces it. Without it, a payment once exported is never exported again.
   */
  again?: string;
}

/** Claims confirmed, not paid, and already in an exported batch: waiting for `mark-paid`. */
export function exportedUnpaid(db: Db): Array<{ batch: string; count: number }> {
  const byBatch = new Map<string, number>();
  for (const c of unpaidClaims(db)) if (c.batch) byBatch.set(c.batch, (byBatch.get(c.batch) ?? 0) + 1);
  return [...byBatch].map(([batch, count]) => ({ batch, count }));
}

/** A batch id no earlier export used (two exports in the same second get -2, -3, …). */
function newBatchId(db: Db, now: Date): string {
  const base = `PANEL-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
  let id = base;
  for (let n = 2; paymentBatch(db, id); n++) id = `${base}-${n}`;
  return id;
}

export function buildPaymentBatch(db: Db, config: PanelConfig, now: Date, options: BatchOptions = {}): PaymentBatch {
  const debtor = config.compensation.debtor;
  if (!debtor) throw new PaymentFileError('compensation.debtor (name, iban, bic) is missing from the panel configuration');
  const debtorIban = checkIban(debtor.iban);
  if (!debtorIban.ok) throw new PaymentFileError(`compensation.debtor.iban is not a valid SEPA IBAN (${debtorIban.reason})`);
  let claims = unpaidClaims(db);
  if (options.again) {
    if (!paymentBatch(db, options.again)) throw new PaymentFileError(`${options.again} is not a batch panelbot exported`);
    claims = claims.filter((c) => c.batch === options.again);
    if (claims.length === 0) throw new PaymentFileError(`batch ${options.again} has no payment left unpaid: nothing to export again`);
  } else {
    claims = claims.filter((c) => c.batch === null);
  }
  const batch = newBatchId(db, now);

  const doc = new SepaDocument(PAIN_FORMAT);
  doc.grpHdr.id = batch;
  doc.grpHdr.created = now;
  doc.grpHdr.initiatorName = sepaText(debtor.name);
  const info = doc.createPaymentInfo();
  info.requestedExecutionDate = new Date(`${localDate(now, config.panel.timezone)}T12:00:00Z`);
  info.debtorName = sepaText(debtor.name);
  info.debtorIBAN = debtorIban.iban;
  if (debtor.bic) info.debtorBIC = debtor.bic;
  doc.addPaymentInfo(info);

  let totalCents = 0;
  for (const claim of claims) {
    const tx = info.createTransaction();
    tx.creditorName = sepaText(claim.holder) || claim.pseudonym;
    tx.creditorIBAN = claim.iban;
    tx.amount = claim.amountCents / 100;
    tx.currency = claim.currency;
    tx.end2endId = claim.reference;
    tx.remittanceInfo = sepaText(`${config.compensation.remittance} ${claim.reference}`, 140);
    info.addTransaction(tx);
    totalCents += claim.amountCents;
  }
  const xml = claims.length > 0 ? doc.toString() : '';
  const header = ['reference', 'pseudonym', 'holder', 'iban', 'amount', 'currency', 'batch'];
  const rows = claims.map((c) => [c.reference, c.pseudonym, c.holder, maskIban(c.iban), (c.amountCents / 100).toFixed(2), c.currency, batch]);
  return { batch, count: claims.length, totalCents, references: claims.map((c) => c.reference), xml, csv: { header, rows }, againOf: options.again };
}

/**
 * Records a written batch and marks its claims as exported in it (a claim cannot be changed by chat
 * after that, and is not exported again unless asked). Call in the transaction that audits it.
 */
export function recordExport(db: Db, batch: PaymentBatch, now: Date): void {
  if (batch.references.length === 0) return;
  insertPaymentBatch(db, { id: batch.batch, createdAt: now, count: batch.count, totalCents: batch.totalCents, againOf: batch.againOf ?? null });
  markExported(db, batch.batch, batch.references, now);
}
