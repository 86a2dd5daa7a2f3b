// `panelbot find QUERY [--json]`: a person by name, invitation code, pseudonym or phone number, with
// their contact details and statuses, to call them back (the selection message promises it).
// Audited without the query (it may be a name).
import { has, UsageError } from './args';
import type { CliContext } from './context';
import { findPeople, formatFound } from '../core/organisers/find-person';
import { audit } from '../db/repos/audit';
import { operator } from './operator';
import { panelJson } from '../core/panel/panel-time';

export async function findCommand(ctx: CliContext): Promise<number> {
  const query = ctx.args.positionals.join(' ').trim();
  if (!query) throw new UsageError('find needs a name, an invitation code, a pseudonym or a phone number');
  const app = ctx.openApp();
  const found = findPeople(app.db, query, { contact: true });
  audit(app.db, operator(), 'find', `results:${found.length}`, app.services.clock.now());
  ctx.out(has(ctx.args, 'json') ? panelJson(found, app.services.config.panel.timezone) : formatFound(found));
  return found.length ? 0 : 1;
}
