// One person across channels, in the real page: a conversation begun on the web continues on
// Telegram with a one-time link code, and the outbox then writes to Telegram, the app used last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { enqueue } from '../../src/db/repos/outbox';
import { findPersonByAddress } from '../../src/db/repos/people';
import { telegramHarness, type TelegramHarness } from '../helpers/telegram';
import { HAS_CHROMIUM, launchChromium, webHarness, WebPerson, type WebHarness } from '../helpers/web';

describe.skipIf(!HAS_CHROMIUM)('a web session continued on Telegram', { timeout: 120_000 }, () => {
  let browser: Browser;
  let tg: TelegramHarness;
  let h: WebHarness;
  beforeAll(async () => {
    browser = await launchChromium();
    tg = await telegramHarness();
    h = await webHarness({ panel: tg.panel });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.web.stop();
    await tg?.close();
  });

  it('moves the conversation to Telegram with a link code, and later messages go there', async () => {
    const { panel } = tg;
    const t = (key: string, params?: Record<string, unknown>) => panel.app.services.i18n.t('nl', key, params);
    const [code] = panel.invite(1, 'nl');
    const context = await browser.newContext({ locale: 'nl-BE' });
    const page = await WebPerson.open(context, panel, `${h.base}/r/${code}`);
    await page.presses('Nederlands');
    await page.page.locator('#message').focus();
    await page.types('1');
    expect(await page.types('ja')).toContain(t('registration:firstName.ask'));
    const shown = await page.types('koppelen');
    const linkCode = /\b([2-9A-Z]{4}-[2-9A-Z]{4})\b/.exec(shown)?.[1];
    expect(linkCode, shown).toBeDefined();

    const lotte = tg.user(5150, 'nl');
    const onTelegram = await lotte.says(linkCode!);
    expect(onTelegram).toContain(t('linking:linked'));
    // The same question, where the web page left it.
    expect(onTelegram).toContain(t('registration:firstName.ask'));
    expect(await lotte.says('Lotte')).toContain(t('registration:lastName.ask'));

    // A later message goes to Telegram (used last), not to the page still open.
    const { db, clock } = panel.app.services;
    const person = findPersonByAddress(db, { channel: 'telegram', userId: '5150' })!;
    enqueue(db, { personId: person.id, kind: 'system', payload: { outbound: { text: 'Tot binnenkort!' } }, dueAt: clock.now(), idempotencyKey: 'after-link' }, clock.now());
    const senders = [h.web.sender, tg.bot.sender];
    expect((await new Dispatcher({ services: panel.app.services, senders, channel: 'web' }).tick()).sent).toBe(0);
    expect((await new Dispatcher({ services: panel.app.services, senders, channel: 'telegram' }).tick()).sent).toBe(1);
    expect(tg.fake.sentTo(5150).at(-1)?.text).toBe('Tot binnenkort!');
    expect(await page.page.getByText('Tot binnenkort!').count()).toBe(0);
    await context.close();
  });
});
