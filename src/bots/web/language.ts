// Which language a page is shown in before the conversation knows: the person's own, else the
// letter's, else the browser's Accept-Language among the panel's languages, else the panel's first.
import type { Language } from '../../core/panel/config';

export function negotiate(accept: string | undefined, offered: readonly Language[]): Language {
  const wanted = (accept ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lng: (tag ?? '').slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const w of wanted) if ((offered as readonly string[]).includes(w.lng)) return w.lng as Language;
  return offered[0] ?? 'en';
}
