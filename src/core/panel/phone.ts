// Phone numbers as people read them: grouped the Belgian way ("+32 470 12 34 56", "+32 2 000 00 00"),
// not as stored (+32470123456). A number that cannot be read is shown as given.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export function formatPhone(raw: string): string {
  const parsed = parsePhoneNumberFromString(raw, 'BE');
  return parsed?.isValid() ? parsed.formatInternational() : raw;
}
