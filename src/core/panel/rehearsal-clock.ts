// Rehearsal (`--now ISO`, PANELBOT_NOW): the panel runs as if it were that moment, and time moves on
// from there at the real pace, so an organiser can walk a copy of a panel through its phases.
import type { Clock } from './clock';

export class RehearsalClock implements Clock {
  private offsetMs = 0;
  /** Starts the rehearsal at this moment (from now on, time moves on from there). */
  startAt(moment: Date): void {
    this.offsetMs = moment.getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
