// A person registered by chat, drawn, who confirms: the needs questions come next.
import { eq } from 'drizzle-orm';
import type { TestPanel, TestUser } from '../helpers/chat';
import { identities, people } from '../../src/db/schema/index';
import { recordOutcome } from '../../src/core/selection/outcome';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import type { ChannelSender } from '../../src/core/outbox/ports';
import type { Outbound } from '../../src/core/conversation/messages';
import { renderPlain } from '../../src/bots/render-text';
import { registrationState } from '../../src/core/registration/window';

export interface Registrant {
  lang: 'fr' | 'nl' | 'de' | 'en';
  firstName: string;
  lastName: string;
  birthDate: string;
  postcode: string;
}

/** A registration typed with numbers for every choice (the same in every language). */
export function register(panel: TestPanel, userId: string, r: Registrant): TestUser {
  const [code] = panel.invite(1, r.lang === 'en' ? 'nl+fr' : r.lang);
  const user = panel.user(userId);
  const languageWord = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' }[r.lang];
  const answers = [languageWord, code!, '1', '1', r.firstName, r.lastName, r.birthDate, '1', r.postcode, '6', '1', '1', '2', '2', '2', '2', '1', '0470 12 34 56', '1'];
  // Registered while registration was open (the story then goes on at the panel's own moment).
  const at = panel.clock.now();
  const outside = registrationState(panel.app.services.config, at) !== 'open';
  if (outside) panel.clock.set('2027-01-20T10:00:00+01:00');
  for (const a of answers) user.says(a);
  if (outside) panel.clock.set(at);
  return user;
}

export function personOf(panel: TestPanel, userId: string): { id: number; pseudonym: string } {
  const row = panel.app.db
    .select({ id: people.id, pseudonym: people.pseudonym })
    .from(identities)
    .innerJoin(people, eq(people.id, identities.personId))
    .where(eq(identities.userId, userId))
    .get();
  if (!row) throw new Error(`no person for ${userId}`);
  return row;
}

/** Drawn and told (as `panelbot selection import` and the outbox do); returns the message sent. The person's next answer confirms. */
export async function drawn(panel: TestPanel, userId: string): Promise<string> {
  recordOutcome(panel.app.db, personOf(panel, userId).id, 'selected', panel.clock.now());
  const sent: string[] = [];
  const terminal: ChannelSender = {
    channel: 'console',
    isReady: () => true,
    async send(to: string, message: Outbound) {
      if (to === userId) sent.push(renderPlain(message));
      return { ok: true };
    },
  };
  await new Dispatcher({ services: panel.app.services, senders: [terminal] }).tick();
  return sent.join('\n');
}
