// The payment list for the bank: a SEPA credit transfer initiation (pain.001.001.09) made with the
// sepa library, and a CSV overview for the team in which account numbers are masked.
import { Document as SepaDocument } from 'sepa';
import type { Db } from '../../db/client';
import { markExported } from '../../db/repos/compensation';
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
}

export class PaymentFileError extends Error {}

export function buildPaymentBatch(db: Db, config: PanelConfig, now: Date): PaymentBatch {
  const debtor = config.compensation.debtor;
  if (!debtor) throw new PaymentFileError('compensation.debtor (name, iban, bic) is missing from the panel configuration');
  const debtorIban = checkIban(debtor.iban);
  if (!debtorIban.ok) throw new PaymentFileError(`compensation.debtor.iban is not a valid SEPA IBAN (${debtorIban.reason})`);
  const claims = unpaidClaims(db);
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  const batch = `PANEL-${stamp}`;

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
  return { batch, count: claims.length, totalCents, references: claims.map((c) => c.reference), xml, csv: { header, rows } };
}

/** Marks the claims of a written batch as exported (a claim cannot be changed by chat after that). */
export function recordExport(db: Db, batch: PaymentBatch, now: Date): void {
  if (batch.references.length === 0) return;
  markExported(db, batch.batch, batch.references, now);
}
