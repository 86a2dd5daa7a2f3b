// The days people come to the venue (events with a place, not the online sessions): childcare is
// asked for these days, and a hotel night is the night between two days of the same event.
import type { Db } from '../../db/client';
import type { PanelConfig } from '../panel/config';
import { effectiveEvents, eventDays, type ScheduledEvent } from '../panel/calendar';

export interface VenueDay {
  day: string;
  event: ScheduledEvent;
  /** True when the next day belongs to the same event (a hotel night follows this day). */
  nightAfter: boolean;
}

export function venueEvents(db: Db, config: PanelConfig): ScheduledEvent[] {
  return effectiveEvents(db, config).filter((e) => e.place !== undefined && e.audience.includes('selected'));
}

export function venueDays(db: Db, config: PanelConfig): VenueDay[] {
  return venueEvents(db, config).flatMap((event) => {
    const days = eventDays(event, config.panel.timezone);
    return days.map((day, i) => ({ day, event, nightAfter: i < days.length - 1 }));
  });
}

/** Whether the panel has any overnight stay to offer (a weekend rather than single days). */
export function hasHotelNights(db: Db, config: PanelConfig): boolean {
  return venueDays(db, config).some((d) => d.nightAfter);
}
