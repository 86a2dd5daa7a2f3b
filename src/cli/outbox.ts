// `panelbot outbox preview [--from DATE] [--to DATE] [--json]`: what will be sent, per day, kind and
// channel, and to how many people. `panelbot outbox status [--json]`: pending, sent, failed, skipped,
// with reasons.
import { panelJson } from '../core/panel/panel-time';
import { InputError, UsageError, has } from './args';
import type { CliContext } from './context';
import { countRetrying, outboxStatusCounts, unsentBetween } from '../db/repos/outbox';
import { addressesOf } from '../db/repos/people';
import { planReminders } from '../core/reminders/plan-reminders';
import { localDate, zonedInstant } from '../core/panel/time';
import { addDays } from '../core/reminders/reminder-times';
import { dayOption } from './dates';
import { plural } from '../core/organisers/plural';


export async function outboxCommand(ctx: CliContext): Promise<number> {
  const sub = ctx.args.positionals[0];
  if (sub === 'preview') return preview(ctx);
  if (sub === 'status') return status(ctx);
  throw new UsageError('use "outbox preview [--from DATE] [--to DATE] [--json]" or "outbox status [--json]"');
}

function preview(ctx: CliContext): number {
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  const tz = config.panel.timezone;
  const now = clock.now();
  const from = dayOption(ctx.args, 'from', tz) ?? localDate(now, tz);
  const to = dayOption(ctx.args, 'to', tz) ?? addDays(from, 30);
  if (to < from) throw new InputError(`--to ${to} is before --from ${from}`);
  // The reminders the scheduler would plan are planned first (idempotent), so they show here too.
  planReminders(app.services, now);
  const rows = unsentBetween(db, zonedInstant(from, 0, 0, tz), zonedInstant(addDays(to, 1), 0, 0, tz));
  const channelOf = new Map<number, string>();
  const groups = new Map<string, { messages: number; people: Set<number> }>();
  for (const row of rows) {
    let channel = row.channel;
    if (!channel && row.personId !== null) {
      if (!channelOf.has(row.personId)) channelOf.set(row.personId, addressesOf(db, row.personId).find((a) => a.reachable)?.channel ?? 'unreachable');
      channel = channelOf.get(row.personId)!;
    }
    const key = `${localDate(row.dueAt, tz)}\t${row.kind}\t${channel ?? '?'}`;
    const g = groups.get(key) ?? { messages: 0, people: new Set<number>() };
    g.messages++;
    if (row.personId !== null) g.people.add(row.personId);
    groups.set(key, g);
  }
  if (has(ctx.args, 'json')) {
    const list = [...groups].map(([key, g]) => {
      const [day, kind, channel] = key.split('\t');
      return { day, kind, channel, messages: g.messages, people: g.people.size };
    });
    ctx.out(panelJson({ from, to, timeZone: tz, messages: rows.length, groups: list }, tz));
    return 0;
  }
  ctx.out(`Outbox from ${from} to ${to} (${tz}): ${plural(rows.length, 'message')} to send`);
  if (groups.size === 0) return 0;
  ctx.out(['day', 'kind', 'channel', 'messages', 'people'].join('\t'));
  for (const [key, g] of groups) ctx.out(`${key}\t${g.messages}\t${g.people.size}`);
  return 0;
}

function status(ctx: CliContext): number {
  const app = ctx.openApp();
  const rows = outboxStatusCounts(app.db);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.status, (totals.get(r.status) ?? 0) + r.n);
  const STATUSES = ['pending', 'claimed', 'sent', 'failed', 'skipped', 'cancelled'];
  if (has(ctx.args, 'json')) {
    const details = rows.filter((r) => !['sent', 'pending', 'claimed'].includes(r.status)).map((r) => ({ status: r.status, kind: r.kind, reason: r.reason || null, messages: r.n }));
    ctx.out(panelJson({ totals: Object.fromEntries(STATUSES.map((s) => [s, totals.get(s) ?? 0])), retrying: countRetrying(app.db), details }, app.services.config.panel.timezone));
    return 0;
  }
  ctx.out(STATUSES.map((s) => `${s}: ${totals.get(s) ?? 0}`).join('  '));
  const retrying = countRetrying(app.db);
  if (retrying > 0) ctx.out(`waiting for a retry: ${retrying}`);
  const detailed = rows.filter((r) => r.status !== 'sent' && r.status !== 'pending' && r.status !== 'claimed');
  if (detailed.length > 0) {
    ctx.out('');
    ctx.out(['status', 'kind', 'reason', 'messages'].join('\t'));
    for (const r of detailed) ctx.out(`${r.status}\t${r.kind}\t${r.reason || '-'}\t${r.n}`);
  }
  return 0;
}
