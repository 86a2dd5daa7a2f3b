// Shortfalls seen while registration is open: per feature value, the registrations against what a
// feasible and fair draw needs, the projection at the close from the pace so far, and where extra letters
// would help most, from the response seen so far per letter language and region. Pure: counts in, report out.
//
// The aim: `draw.aimPerMinimumSeat` registrants (default 5) for each seat a quota's minimum must fill. At
// the minimum itself the draw is feasible but has no choice: everyone in the group is drawn, whatever the
// lottery. Several people per seat give the lottery a real choice in every group.
import type { Feature, QuotaRow } from '../selection/features';

const DAY = 86_400_000;

export interface RegistrationPoint {
  at: Date;
  values: Partial<Record<Feature, string>>;
  /** The letter's cell: its language set and region ("nl+fr · brussels"). */
  cell: string;
}

export interface ShortfallInput {
  now: Date;
  opens: Date;
  closes: Date;
  quotas: QuotaRow[];
  aimPerMinimumSeat: number;
  registrations: RegistrationPoint[];
  /** Letters sent per cell (from the imported invitations). */
  letters: Map<string, number>;
  /** The pace's window in days (default 7). */
  windowDays?: number;
}

export interface ShortfallRow {
  feature: Feature;
  value: string;
  min: number;
  aim: number;
  registered: number;
  projected: number;
  /** Registrations still missing to reach the aim at the close, by the projection (0: none). */
  short: number;
  /** Below the quota's minimum now: the draw would be infeasible today. */
  infeasibleNow: boolean;
  /** The letters to add where they yield most for this value, or undefined when none is needed or none can be said. */
  letters?: { cell: string; letters: number; perHundred: number };
}

export interface ShortfallReport {
  aimPerMinimumSeat: number;
  closes: Date;
  daysLeft: number;
  /** How the pace was read: 'early' (too few days: the average pace so far) or 'decay' (the last two windows). */
  method: 'early' | 'decay' | 'closed';
  rows: ShortfallRow[];
  /** Extra letters per cell: the most any short value asks of that cell. */
  suggestions: Array<{ cell: string; letters: number; for: string[] }>;
}

/**
 * Registrations expected between now and the close. With two full windows behind, the pace of the last window
 * goes on shrinking (or growing, capped at steady) by the ratio between the last two windows, window after
 * window: a decaying response (most people answer in the first days after the letter) is not over-projected.
 * Before that, the average pace so far goes on.
 */
export function projectedGain(times: number[], opens: number, now: number, closes: number, windowDays = 7): { gain: number; method: ShortfallReport['method'] } {
  if (now >= closes) return { gain: 0, method: 'closed' };
  const w = windowDays * DAY;
  const left = (closes - now) / w;
  const count = (from: number, to: number) => times.filter((t) => t > from && t <= to).length;
  if (now - opens < 2 * w) {
    const elapsed = Math.max(now - opens, DAY) / w;
    return { gain: (count(-Infinity, now) / elapsed) * left, method: 'early' };
  }
  const last = count(now - w, now);
  const before = count(now - 2 * w, now - w);
  const r = before > 0 ? Math.min(1, last / before) : 1;
  // last × (r + r² + ... ) over `left` windows, the fractional window counted in part.
  const whole = Math.floor(left);
  const frac = left - whole;
  const sum = r === 1 ? left : (r * (1 - r ** whole)) / (1 - r) + frac * r ** (whole + 1);
  return { gain: last * sum, method: 'decay' };
}

export function computeShortfall(input: ShortfallInput): ShortfallReport {
  const { now, opens, closes, quotas, aimPerMinimumSeat, registrations, letters } = input;
  const windowDays = input.windowDays ?? 7;
  const times = registrations.map((r) => r.at.getTime());
  const total = projectedGain(times, opens.getTime(), now.getTime(), closes.getTime(), windowDays);
  // Each value takes its share of the projected registrations as it had it lately (the last two windows),
  // so that a small group's projection follows the overall pace instead of its own few registrations.
  const recentFrom = now.getTime() - 2 * windowDays * DAY;
  const recent = registrations.filter((r) => r.at.getTime() > recentFrom && r.at.getTime() <= now.getTime());
  const basis = recent.length ? recent : registrations;
  const rows: ShortfallRow[] = quotas.map((q) => {
    const mine = registrations.filter((r) => r.values[q.feature] === q.value);
    const share = basis.length ? basis.filter((r) => r.values[q.feature] === q.value).length / basis.length : 0;
    const projected = Math.round(mine.length + total.gain * share);
    const aim = Math.ceil(q.min * aimPerMinimumSeat);
    const short = Math.max(0, aim - projected);
    const row: ShortfallRow = { feature: q.feature, value: q.value, min: q.min, aim, registered: mine.length, projected, short, infeasibleNow: mine.length < q.min };
    if (short > 0) {
      // Where a letter brought most registrants of this value so far.
      const best = [...letters]
        .filter(([, sent]) => sent > 0)
        .map(([cell, sent]) => ({ cell, perLetter: mine.filter((r) => r.cell === cell).length / sent }))
        .filter((c) => c.perLetter > 0)
        .sort((a, b) => b.perLetter - a.perLetter || a.cell.localeCompare(b.cell))[0];
      if (best) row.letters = { cell: best.cell, letters: Math.ceil(short / best.perLetter), perHundred: Math.round(best.perLetter * 1000) / 10 };
    }
    return row;
  });
  const byCell = new Map<string, { letters: number; for: string[] }>();
  for (const r of rows) {
    if (!r.letters) continue;
    const c = byCell.get(r.letters.cell) ?? { letters: 0, for: [] };
    c.letters = Math.max(c.letters, r.letters.letters);
    c.for.push(`${r.feature}=${r.value}`);
    byCell.set(r.letters.cell, c);
  }
  return {
    aimPerMinimumSeat,
    closes,
    daysLeft: Math.max(0, Math.ceil((closes.getTime() - now.getTime()) / DAY)),
    method: total.method,
    rows,
    suggestions: [...byCell].map(([cell, c]) => ({ cell, ...c })).sort((a, b) => b.letters - a.letters),
  };
}

export function formatShortfall(r: ShortfallReport): string {
  const head =
    r.method === 'closed'
      ? 'Shortfalls (registration closed):'
      : `Shortfalls: aim ${r.aimPerMinimumSeat} registrants per seat of each quota's minimum; projection at the close (${r.daysLeft} day(s) left) from the pace so far (${r.method === 'early' ? 'average pace: under two weeks of data' : 'last week, shrinking as it did from the week before'}):`;
  const lines = [head, `  ${'feature/value'.padEnd(30)} ${'min'.padStart(4)} ${'aim'.padStart(5)} ${'now'.padStart(6)} ${'close'.padStart(6)}  `];
  for (const row of r.rows) {
    const flag = row.infeasibleNow ? 'below the minimum: the draw is infeasible today' : row.short > 0 ? `short by ${row.short}` : 'ok';
    const where = row.letters ? `; ${row.letters.letters} more letters to ${row.letters.cell} (${row.letters.perHundred} per 100 letters so far)` : row.short > 0 ? '; no letter has brought one yet' : '';
    lines.push(`  ${`${row.feature}/${row.value}`.padEnd(30)} ${String(row.min).padStart(4)} ${String(row.aim).padStart(5)} ${String(row.registered).padStart(6)} ${String(row.projected).padStart(6)}  ${flag}${where}`);
  }
  lines.push(
    r.suggestions.length
      ? `Extra letters suggested: ${r.suggestions.map((s) => `${s.letters} to ${s.cell} (for ${s.for.join(', ')})`).join('; ')}`
      : 'Extra letters suggested: none',
  );
  return lines.join('\n');
}
