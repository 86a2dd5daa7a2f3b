// French typography: a no-break space before the colon ("Ligne d'aide : 02 …", added where a text
// has none) and before ? ! ; where the text has a space, so that the sign never starts a line on a
// narrow phone screen. Times (09:30) and links (https://) are left alone: their colon is not
// followed by a space.
const NBSP = '\u00a0';

export function frenchTypography(text: string): string {
  return text.replace(/(?<=\S)[ \u00a0]?:(?=\s|$)/g, `${NBSP}:`).replace(/ ([?!;])/g, `${NBSP}$1`);
}
