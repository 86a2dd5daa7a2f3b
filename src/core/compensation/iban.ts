// Bank account numbers, checked with ibantools. Any valid IBAN of a SEPA country is accepted: a SEPA
// credit transfer in euro reaches them all at the same cost (participants may bank in NL, DE, LU…).
import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, validateIBAN, ValidationErrorsIBAN } from 'ibantools';

export type IbanCheck = { ok: true; iban: string } | { ok: false; reason: 'format' | 'checksum' | 'not_sepa' };

export function checkIban(input: string): IbanCheck {
  const iban = electronicFormatIBAN(input.replace(/^IBAN[:\s]*/i, '')) ?? '';
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return { ok: false, reason: 'format' };
  const result = validateIBAN(iban, { allowQRIBAN: false });
  if (!result.valid) {
    const checksum = result.errorCodes.some((c) => c === ValidationErrorsIBAN.WrongIBANChecksum || c === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
    return { ok: false, reason: checksum ? 'checksum' : 'format' };
  }
  if (!isSEPACountry(iban.slice(0, 2))) return { ok: false, reason: 'not_sepa' };
  return { ok: true, iban };
}

/** Groups of four, as printed on cards and statements (shown to the account holder only). */
export function formatIban(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}

/** What organisers see: the country, the check digits and the last four characters. */
export function maskIban(iban: string): string {
  const flat = electronicFormatIBAN(iban) ?? iban;
  const middle = Math.max(1, Math.ceil((flat.length - 8) / 4));
  return [flat.slice(0, 4), ...Array.from({ length: middle }, () => '****'), flat.slice(-4)].join(' ');
}
