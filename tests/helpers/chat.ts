// Conversation tests that read like a chat: `alice.says('1')` returns what panelbot answered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/app';
import { ManualClock } from '../../src/core/panel/clock';
import type { PanelConfig } from '../../src/core/panel/config';
import type { Logger } from '../../src/core/conversation/logger';
import type { ChannelKind, InboundContent, Outbound } from '../../src/core/conversation/messages';
import { renderPlain } from '../../src/bots/render-text';
import { invitations } from '../../src/db/schema/index';
import { generateCode } from '../../src/core/registration/invitation-code';

export function tempDbPath(name = 'test'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-'));
  return path.join(dir, `${name}.db`);
}

export interface TestPanel {
  app: App;
  clock: ManualClock;
  dbPath: string;
  user(id: string, channel?: ChannelKind): TestUser;
  /** Adds invitation codes (as if imported from the letters' file) and returns them. */
  invite(count: number, languages?: string): string[];
  reopen(): TestPanel;
  close(): void;
}

export interface TestUser {
  /** Sends a text and returns the replies as one string, choices as a numbered list. */
  says(text: string): string;
  presses(choiceLabel: string): string;
  sends(content: InboundContent): string;
  /**
   * Sends a text (or any content: a /start, a button) the way the adapters do (engine.submit, then replySent for each reply and
   * delivered) and returns each reply on its own, choices as a numbered list: a test can say which
   * reply says what, and in which order.
   */
  tells(text: string | InboundContent): Promise<string[]>;
  /** The raw replies of the last message. */
  last: Outbound[];
}

export function testPanel(options: { dbPath?: string; now?: string; clock?: ManualClock; log?: Logger; config?: PanelConfig } = {}): TestPanel {
  const dbPath = options.dbPath ?? tempDbPath();
  const clock = options.clock ?? new ManualClock(options.now ?? '2027-01-15T10:00:00+01:00');
  const app = createApp({ dbPath, clock, log: options.log, ...(options.config ? { config: options.config } : {}) });
  let seq = 0;
  const panel: TestPanel = {
    app,
    clock,
    dbPath,
    user(id, channel = 'console') {
      const user: TestUser = {
        last: [],
        sends(content) {
          // People take a few seconds between messages (and the flood limit counts per minute).
          clock.advance(3000);
          const inbound = { address: { channel, userId: id }, messageId: `${id}-${Date.now()}-${++seq}`, content };
          user.last = app.engine.handle(inbound);
          app.engine.delivered(inbound);
          return user.last.map(renderPlain).join('\n\n');
        },
        says: (text) => user.sends({ kind: 'text', text }),
        async tells(text) {
          clock.advance(3000);
          const content: InboundContent = typeof text === 'string' ? { kind: 'text', text } : text;
          const inbound = { address: { channel, userId: id }, messageId: `${id}-${Date.now()}-${++seq}`, content };
          user.last = await app.engine.submit(inbound);
          for (const reply of user.last) app.engine.replySent(inbound, reply);
          app.engine.delivered(inbound);
          return user.last.map(renderPlain);
        },
        presses(label) {
          const choice = user.last.flatMap((o) => o.choices ?? []).find((c) => c.label === label);
          if (!choice) throw new Error(`no button "${label}" in: ${user.last.map(renderPlain).join(' | ')}`);
          return user.sends({ kind: 'choice', choiceId: choice.id });
        },
      };
      return user;
    },
    invite(count, languages = 'fr') {
      const codes = Array.from({ length: count }, () => generateCode());
      app.db
        .insert(invitations)
        .values(codes.map((code) => ({ code, languages, importedAt: clock.now() })))
        .run();
      return codes;
    },
    reopen() {
      app.close();
      return testPanel({ dbPath, clock, log: options.log, ...(options.config ? { config: options.config } : {}) });
    },
    close: () => app.close(),
  };
  return panel;
}
