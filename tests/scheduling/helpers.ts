// A panel on a temp database with the scheduler's parts driven by hand: people written straight to
// the store, a sender that records what reached "the platform", and a clock moved in steps.
import { createApp, type App } from '../../src/app';
import { ManualClock } from '../../src/core/panel/clock';
import { loadPanelConfig, EXAMPLE_CONFIG } from '../../src/config/panel';
import type { PanelConfig } from '../../src/core/panel/config';
import type { Outbound } from '../../src/core/conversation/messages';
import type { ChannelSender, DeliveryResult } from '../../src/core/outbox/ports';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { planReminders } from '../../src/core/reminders/plan-reminders';
import { identities, invitations, people, registrations } from '../../src/db/schema/index';
import { renderPlain } from '../../src/bots/render-text';
import { tempDbPath } from '../helpers/chat';

export interface Delivered {
  at: Date;
  userId: string;
  text: string;
  message: Outbound;
}

/** Stands for the platform: keeps every message, or fails as told. */
export class RecordingSender implements ChannelSender {
  readonly channel = 'console' as const;
  readonly delivered: Delivered[] = [];
  ready = true;
  failWith: DeliveryResult | undefined;
  constructor(private readonly clock: ManualClock) {}
  isReady() {
    return this.ready;
  }
  async send(userId: string, message: Outbound): Promise<DeliveryResult> {
    if (this.failWith) return this.failWith;
    this.delivered.push({ at: this.clock.now(), userId, text: renderPlain(message), message });
    return { ok: true };
  }
  to(userId: string) {
    return this.delivered.filter((d) => d.userId === userId);
  }
}

export interface PersonSpec {
  user: string;
  language?: 'fr' | 'nl' | 'de' | 'en';
  selection?: 'pending' | 'selected' | 'reserve' | 'not_selected';
  gender?: string;
  birthDate?: string;
  region?: string;
}

export interface SchedulingPanel {
  app: App;
  dbPath: string;
  clock: ManualClock;
  platform: RecordingSender;
  dispatcher: Dispatcher;
  add(spec: PersonSpec): number;
  /** Moves the clock in steps up to `until`, planning and dispatching at each step. */
  runUntil(until: string, stepMinutes?: number): Promise<void>;
  tick(): Promise<void>;
  close(): void;
}

export function schedulingPanel(options: { now: string; config?: (c: PanelConfig) => PanelConfig }): SchedulingPanel {
  const base = loadPanelConfig(EXAMPLE_CONFIG);
  const config = options.config ? options.config(structuredClone(base)) : base;
  const clock = new ManualClock(options.now);
  const dbPath = tempDbPath('scheduling');
  const app = createApp({ dbPath, clock, config });
  const platform = new RecordingSender(clock);
  const dispatcher = new Dispatcher({ services: app.services, senders: [platform] });
  let n = 0;
  const tick = async () => {
    planReminders(app.services, clock.now());
    await dispatcher.tick();
  };
  return {
    app,
    dbPath,
    clock,
    platform,
    dispatcher,
    add(spec) {
      const db = app.db;
      const now = clock.now();
      const person = db.insert(people).values({ pseudonym: `P-${spec.user.toUpperCase()}`, language: spec.language ?? 'en', createdAt: now }).returning({ id: people.id }).get();
      db.insert(identities).values({ channel: 'console', userId: spec.user, personId: person.id, firstSeenAt: now, lastSeenAt: now }).run();
      const code = `CODE-${++n}-${spec.user}`;
      db.insert(invitations).values({ code, languages: spec.language ?? 'fr', importedAt: now, claimedBy: person.id, claimedAt: now }).run();
      db.insert(registrations)
        .values({
          personId: person.id,
          invitationCode: code,
          status: 'registered',
          gender: spec.gender ?? 'woman',
          birthDate: spec.birthDate ?? '1980-05-05',
          region: spec.region ?? 'flanders',
          education: 'university',
          registeredAt: now,
          selection: spec.selection ?? 'selected',
        })
        .run();
      // At rest in the conversation, as after a finished registration.
      app.engine.handle({ address: { channel: 'console', userId: spec.user }, messageId: `setup-${spec.user}`, content: { kind: 'start' } });
      return person.id;
    },
    tick,
    async runUntil(until, stepMinutes = 15) {
      const end = new Date(until).getTime();
      while (clock.now().getTime() < end) {
        await tick();
        clock.advance(stepMinutes * 60_000);
      }
      clock.set(until);
      await tick();
    },
    close: () => app.close(),
  };
}

/** Local Brussels time of a delivery, as "2027-02-13 10:00". */
export function brussels(d: Date): string {
  return d.toLocaleString('sv-SE', { timeZone: 'Europe/Brussels' }).slice(0, 16);
}
