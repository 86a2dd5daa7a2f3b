// `panelbot alerts [--all] [--json]` and `panelbot alerts ack ID… | all`: the organisers' alerts
// without Slack (an urgent message, a withdrawal, WhatsApp trouble…). Without --all: those not
// acknowledged here, whether Slack got them or not (a post in a channel is not someone reading
// it); acknowledging here does not keep them from Slack. Acknowledging is audited.
import { has, UsageError } from './args';
import type { CliContext } from './context';
import { acknowledgeAlert, alertById, recentAlerts, unacknowledgedAlerts } from '../db/repos/alerts';
import { describeAlert } from '../core/organisers/alert-text';
import { panelDateTimeWithZone, panelJson } from '../core/panel/panel-time';
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
    const targets = ids[0] === 'all' ? unacknowledgedAlerts(db).map((a) => a.id) : ids.map((raw) => Number(raw.replace(/^#/, '')));
    const unknown = targets.filter((id) => !Number.isInteger(id) || !alertById(db, id));
    if (unknown.length) {
      ctx.err(`panelbot: no alert ${ids.filter((_, i) => unknown.includes(targets[i]!)).join(', ')}`);
      return 1;
    }
    const actor = operator();
    for (const id of targets) {
      acknowledgeAlert(db, id, actor, now);
      audit(db, actor, 'alert.ack', `alert:${id}`, now);
    }
    ctx.out(`${plural(targets.length, 'alert')} acknowledged.`);
    return 0;
  }
  if (sub !== undefined) throw new UsageError('use "alerts [--all] [--json]" or "alerts ack ID… | all"');
  const rows = has(ctx.args, 'all') ? recentAlerts(db, 200) : unacknowledgedAlerts(db);
  audit(db, operator(), 'alert.list', null, now);
  const shown = rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    at: a.createdAt,
    acknowledged: a.acknowledgedAt !== null,
    acknowledgedBy: a.acknowledgedBy,
    postedToSlack: a.postedAt !== null,
    text: describeAlert(a.kind, a.payload).replace(/^:[a-z_]+: /, ''),
  }));
  if (has(ctx.args, 'json')) {
    // Panel time with its offset, as everywhere an organiser reads a time (never UTC's "Z").
    ctx.out(panelJson(shown, tz));
    return 0;
  }
  if (!shown.length) ctx.out(has(ctx.args, 'all') ? 'No alerts.' : 'No new alerts.');
  for (const a of shown) ctx.out(`#${a.id}  ${panelDateTimeWithZone(a.at, tz)}  ${a.acknowledged ? 'acked' : 'NEW  '} ${a.text}${a.postedToSlack ? '  (in Slack)' : ''}`);
  if (!has(ctx.args, 'all') && shown.length) ctx.out(`Seen them? panelbot alerts ack ${shown.length === 1 ? shown[0]!.id : 'all'}`);
  return 0;
}
