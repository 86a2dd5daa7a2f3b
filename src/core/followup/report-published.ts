// Whether the final report is out: its links are configured, the panel's last event is over (on the
// effective calendar, moves included), and followUp.publishedOn, when set, has come. Before that a
// citizen who types "report" is told it will come, and nobody is sent it.
import type { Db } from '../../db/client';
import type { Language, PanelConfig } from '../panel/config';
import { panelCalendar } from '../panel/calendar';
import { zonedInstant } from '../panel/time';

export function publishedReport(db: Db, config: PanelConfig, now: Date): Record<Language, string> | undefined {
  const links = config.followUp.finalReport;
  if (!links) return undefined;
  if (!panelCalendar(db, config).isOver(now)) return undefined;
  const on = config.followUp.publishedOn;
  if (on && now < zonedInstant(on, 0, 0, config.panel.timezone)) return undefined;
  return links;
}
