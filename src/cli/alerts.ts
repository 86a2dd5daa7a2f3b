// `panelbot alerts [--all] [--json]` and `panelbot alerts ack ID… | all`: the organisers' alerts
// without Slack (an urgent message, a withdrawal, WhatsApp trouble…). Without --all: those nobody
// has seen yet (not posted to Slack, not acknowledged here). Acknowledging is audited.
import { has, UsageError } from './args';
import type { CliContext } from './context';
import { alertById, markAlertPosted, recentAlerts, unpostedAlerts } from '../db/repos/alerts';
import { describeAlert } from '../core/organisers/alert-text';
import { panelDateTimeWithZone } from '../core/panel/panel-time';
import { audit } from '../db/repos/audit';
import { operator } from './operator';
import { plural } from '../core/organisers/plural';

export async function alertsCommand(ctx: CliContext): Promise<number> {
  const [sub, ...ids] = ctx.args.positionals;
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  const now = clock.now();
  const tz = config.panel.timezone;
  if (sub === 'ack') {
    if (!ids.length) throw new UsageError('alerts ack needs the alert numbers (or "all")');
    const targets = ids[0] === 'all' ? unpostedAlerts(db).map((a) => a.id) : ids.map((raw) => Number(raw.replace(/^#/, '')));
    const unknown = targets.filter((id) => !Number.isInteger(id) || !alertById(db, id));
    if (unknown.length) {
      ctx.err(`panelbot: no alert ${ids.filter((_, i) => unknown.includes(targets[i]!)).join(', ')}`);
      return 1;
    }
    for (const id of targets) {
      if (!alertById(db, id)!.postedAt) markAlertPosted(db, id, now);
      audit(db, operator(), 'alert.ack', `alert:${id}`, now);
    }
    ctx.out(`${plural(targets.length, 'alert')} acknowledged.`);
    return 0;
  }
  if (sub !== undefined) throw new UsageError('use "alerts [--all] [--json]" or "alerts ack ID… | all"');
  const rows = has(ctx.args, 'all') ? recentAlerts(db, 200) : unpostedAlerts(db);
  audit(db, operator(), 'alert.list', null, now);
  const shown = rows.map((a) => ({ id: a.id, kind: a.kind, at: a.createdAt, seen: a.postedAt !== null, text: describeAlert(a.kind, a.payload).replace(/^:[a-z_]+: /, '') }));
  if (has(ctx.args, 'json')) {
    ctx.out(JSON.stringify(shown, null, 2));
    return 0;
  }
  if (!shown.length) ctx.out(has(ctx.args, 'all') ? 'No alerts.' : 'No new alerts.');
  for (const a of shown) ctx.out(`#${a.id}  ${panelDateTimeWithZone(a.at, tz)}  ${a.seen ? 'seen ' : 'NEW  '} ${a.text}`);
  if (!has(ctx.args, 'all') && shown.length) ctx.out(`Seen them? panelbot alerts ack ${shown.length === 1 ? shown[0]!.id : 'all'}`);
  return 0;
}
