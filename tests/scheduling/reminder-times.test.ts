// Due times in Brussels local time, across both daylight-saving changes, and quiet hours.
import { describe, expect, it } from 'vitest';
import { plainDueAt, reminderTimes } from '../../src/core/reminders/reminder-times';

const TZ = 'Europe/Brussels';
const QUIET = { start: '21:00', end: '08:00' };
const at = (iso: string) => new Date(iso);

describe('reminder times', () => {
  it('a week before at 10:00 lands at 10:00 local time on the other side of the March change', () => {
    // Weekend on Saturday 3 April 2027 (summer time); the reminder falls on 27 March (winter time).
    const t = reminderTimes(at('2027-04-03T09:30:00+02:00'), { hoursBefore: 168, deliveryHour: 10, toleranceHours: 6 }, QUIET, TZ);
    expect(t.dueAt).toEqual(at('2027-03-27T10:00:00+01:00'));
    expect(t.expiresAt).toEqual(at('2027-03-27T16:00:00+01:00'));
  });

  it('"168 hours" is a week at the same wall-clock time, even on the day the clocks change', () => {
    expect(plainDueAt(at('2027-04-04T09:30:00+02:00'), { hoursBefore: 168 }, TZ)).toEqual(at('2027-03-28T09:30:00+02:00'));
    expect(plainDueAt(at('2027-10-31T09:30:00+01:00'), { hoursBefore: 24 }, TZ)).toEqual(at('2027-10-30T09:30:00+02:00'));
    // The rest below a day is real hours: 26 h = a day and 2 hours.
    expect(plainDueAt(at('2027-10-31T09:30:00+01:00'), { hoursBefore: 26 }, TZ)).toEqual(at('2027-10-30T07:30:00+02:00'));
  });

  it('a day before at 17:00 on the October change day is 17:00 local', () => {
    const t = reminderTimes(at('2027-11-01T09:30:00+01:00'), { hoursBefore: 24, deliveryHour: 17, toleranceHours: 6 }, QUIET, TZ);
    expect(t.dueAt).toEqual(at('2027-10-31T17:00:00+01:00'));
    // Tolerance stops at the start of quiet hours: never sent at night.
    expect(t.expiresAt).toEqual(at('2027-10-31T21:00:00+01:00'));
  });

  it('moves a reminder due in quiet hours to the end of them when that is still before the event', () => {
    const t = reminderTimes(at('2027-02-20T09:30:00+01:00'), { hoursBefore: 2, toleranceHours: 1 }, QUIET, TZ);
    expect(t.moved).toBe('quiet_later');
    expect(t.dueAt).toEqual(at('2027-02-20T08:00:00+01:00'));
    expect(t.expiresAt).toEqual(at('2027-02-20T09:00:00+01:00'));
  });

  it('moves it to the evening before when the end of quiet hours would be too late', () => {
    const t = reminderTimes(at('2027-02-20T08:15:00+01:00'), { hoursBefore: 2, toleranceHours: 1 }, QUIET, TZ);
    expect(t.moved).toBe('quiet_earlier');
    expect(t.dueAt).toEqual(at('2027-02-19T20:30:00+01:00'));
    expect(t.expiresAt).toEqual(at('2027-02-19T21:00:00+01:00'));
  });

  it('never lets a reminder expire after the event has started', () => {
    const t = reminderTimes(at('2027-02-20T14:00:00+01:00'), { hoursBefore: 2, toleranceHours: 6 }, QUIET, TZ);
    expect(t.dueAt).toEqual(at('2027-02-20T12:00:00+01:00'));
    expect(t.expiresAt).toEqual(at('2027-02-20T14:00:00+01:00'));
  });
});
