import { describe, expect, it } from 'vitest';
import { panelDateTimeWithZone, panelIso, parsePanelDay, parsePanelTime } from '../../src/core/panel/panel-time';

const TZ = 'Europe/Brussels';
const iso = (d: Date | undefined) => d?.toISOString();

describe('dates typed by organisers mean panel time', () => {
  it('reads a date-time without an offset on the panel clock (winter and summer)', () => {
    expect(iso(parsePanelTime('2026-12-08T09:30', TZ))).toBe('2026-12-08T08:30:00.000Z');
    expect(iso(parsePanelTime('2026-12-08 09:30', TZ))).toBe('2026-12-08T08:30:00.000Z');
    expect(iso(parsePanelTime('2027-06-05T09:30', TZ))).toBe('2027-06-05T07:30:00.000Z');
  });
  it('reads day-first dates as written in Belgium', () => {
    expect(iso(parsePanelTime('5/12/2026', TZ))).toBe('2026-12-04T23:00:00.000Z');
    expect(iso(parsePanelTime('05.12.2026 14:00', TZ))).toBe('2026-12-05T13:00:00.000Z');
    expect(iso(parsePanelTime('5-12-2026 14h00', TZ))).toBe('2026-12-05T13:00:00.000Z');
    expect(parsePanelDay('5/12/2026', TZ)).toBe('2026-12-05');
  });
  it('takes an explicit offset as written', () => {
    expect(iso(parsePanelTime('2026-12-08T09:30:00+01:00', TZ))).toBe('2026-12-08T08:30:00.000Z');
    expect(iso(parsePanelTime('2026-12-08T09:30Z', TZ))).toBe('2026-12-08T09:30:00.000Z');
  });
  it('a date alone can mean the start of the next day (an exclusive end)', () => {
    expect(iso(parsePanelTime('2026-12-08', TZ, { dateOnly: 'next_day' }))).toBe('2026-12-08T23:00:00.000Z');
  });
  it('refuses what is not a date', () => {
    for (const bad of ['31/2/2027', '2027-13-01', 'tomorrow', '2027-02-27T25:00', '']) expect(parsePanelTime(bad, TZ)).toBeUndefined();
  });
  it('prints panel time with its offset, never UTC', () => {
    const instant = new Date('2026-12-08T08:30:00Z');
    expect(panelDateTimeWithZone(instant, TZ)).toBe('2026-12-08 09:30 +01:00');
    expect(panelIso(instant, TZ)).toBe('2026-12-08T09:30:00+01:00');
    expect(iso(parsePanelTime(panelDateTimeWithZone(instant, TZ), TZ))).toBe(instant.toISOString());
  });
});
