// Telegram conversation tests: a panel on a temp DB, the real bot (grammY) against the fake Bot API,
// and people who type, press buttons and send photos. Each call waits until the bot confirmed the
// update (its next getUpdates offset), then returns what the bot sent to that chat meanwhile.
import type { Message } from 'grammy/types';
import { startTelegram, type RunningTelegram, type TelegramOptions } from '../../src/bots/telegram';
import { readSettings } from '../../src/config/settings';
import { FAKE_TOKEN, FakeBotApi, type SentMessage, type UpdateBody } from '../fakes/telegram-bot-api';
import { VirtualTiming } from '../fakes/virtual-timing';
import { testPanel, type TestPanel } from './chat';

export interface TelegramHarness {
  fake: FakeBotApi;
  panel: TestPanel;
  bot: RunningTelegram;
  timing: VirtualTiming;
  reported: string[];
  user(id: number, languageCode?: string): TgUser;
  /** Stops the bot and closes the store (as a crash or a deploy would), then starts both again. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function telegramHarness(options: { fake?: FakeBotApi; env?: Record<string, string>; bot?: TelegramOptions } = {}): Promise<TelegramHarness> {
  const fake = options.fake ?? (await FakeBotApi.start());
  const timing = new VirtualTiming();
  const reported: string[] = [];
  const settings = readSettings({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, ...options.env });
  const start = (panel: TestPanel) =>
    startTelegram(panel.app, settings, { err: (line) => reported.push(line) }, { timing, pollTimeoutSeconds: 5, webhookHost: '127.0.0.1', ...options.bot });
  const harness: TelegramHarness = {
    fake,
    panel: testPanel(),
    bot: undefined as unknown as RunningTelegram,
    timing,
    reported,
    user: (id, languageCode) => new TgUser(harness, id, languageCode),
    async restart() {
      await harness.bot.stop();
      harness.panel = harness.panel.reopen();
      harness.bot = await start(harness.panel);
    },
    async close() {
      await harness.bot.stop();
      harness.panel.close();
      if (!options.fake) await fake.close();
    },
  };
  harness.bot = await start(harness.panel);
  return harness;
}

/** What the bot sent, as a person sees it: texts, buttons as [label], files as 📎 name. */
export function show(messages: SentMessage[]): string {
  return messages
    .map((m) => {
      const buttons = (m.replyMarkup?.inline_keyboard ?? []).map((row) => row.map((b) => `[${b.text}]`).join(' ')).join('\n');
      const file = m.document ? `📎 ${m.document.filename}` : '';
      return [m.text, buttons, file].filter(Boolean).join('\n');
    })
    .join('\n\n');
}

let messageSeq = 100;

export class TgUser {
  /** What the bot sent after the last thing this person did. */
  last: SentMessage[] = [];

  constructor(
    private readonly harness: TelegramHarness,
    readonly id: number,
    private readonly languageCode?: string,
  ) {}

  private get from() {
    return { id: this.id, is_bot: false, first_name: 'Test', ...(this.languageCode ? { language_code: this.languageCode } : {}) };
  }

  /** A message in the private chat, with any content (text, photo, voice…). */
  message(fields: Partial<Message>): UpdateBody {
    return { message: { message_id: ++messageSeq, date: 1, chat: { id: this.id, type: 'private', first_name: 'Test' }, from: this.from, ...fields } } as UpdateBody;
  }

  /** Sends an update and waits until the bot has handled it; returns what it answered. */
  async does(body: UpdateBody): Promise<string> {
    const { fake } = this.harness;
    const before = fake.sent.length;
    const updateId = fake.push(body);
    await fake.handled(updateId);
    this.last = fake.sent.slice(before).filter((m) => m.chatId === this.id);
    return show(this.last);
  }

  says(text: string): Promise<string> {
    return this.does(this.message({ text }));
  }

  sends(fields: Partial<Message>): Promise<string> {
    return this.does(this.message(fields));
  }

  /** Presses the button with this label on the latest message that shows it. */
  presses(label: string): Promise<string> {
    const { fake } = this.harness;
    // Buttons carry their number ("2. Nederlands"): a label matches with or without it.
    const is = (text: string) => text === label || text.replace(/^\d+\. /, '') === label;
    const message = [...fake.sentTo(this.id)].reverse().find((m) => m.replyMarkup?.inline_keyboard.some((row) => row.some((b) => is(b.text))));
    if (!message) throw new Error(`no button "${label}" in: ${show(this.last)}`);
    const button = message.replyMarkup!.inline_keyboard.flat().find((b) => is(b.text))!;
    return this.does(this.pressing(message, 'callback_data' in button ? button.callback_data! : ''));
  }

  pressing(message: SentMessage, data: string): UpdateBody {
    return {
      callback_query: { id: `cb-${this.id}-${++messageSeq}`, from: this.from, chat_instance: `ci-${this.id}`, data, message: this.harness.fake.messageFor(message) },
    } as UpdateBody;
  }

  /** The buttons under the last message, by label. */
  get buttons(): string[] {
    return this.last.flatMap((m) => m.replyMarkup?.inline_keyboard.flat().map((b) => b.text) ?? []);
  }
}
