// The web chat in Debian's Chromium: registrations by keyboard alone and by tapping, a message of
// the outbox arriving live, and accessibility checked by axe-core in the page.
// Functions passed to page.evaluate run in the browser, where these exist.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { userIdOf } from '../../src/bots/web/session';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { enqueue } from '../../src/db/repos/outbox';
import { generateCode } from '../../src/core/registration/invitation-code';
import { identities, invitations, registrations } from '../../src/db/schema/index';
import { HAS_CHROMIUM, launchChromium, webHarness, WebPerson, type WebHarness } from '../helpers/web';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is now. */
async function axeFindings(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact}: ${v.id} (${v.nodes})`);
}

async function tabTo(page: Page, accept: (el: { id: string; text: string }) => boolean): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '' }));
    if (accept(el)) return;
  }
  throw new Error('Tab never reached the element');
}

function registrationCount(h: WebHarness): number {
  return h.panel.app.db.select().from(registrations).all().length;
}

// A real browser on a shared two-core machine: a registration takes several seconds.
describe.skipIf(!HAS_CHROMIUM)('the web chat in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let h: WebHarness;
  beforeAll(async () => {
    browser = await launchChromium();
    h = await webHarness();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });
  const t = (lng: 'fr' | 'nl' | 'en', key: string, params?: Record<string, unknown>) => h.panel.app.services.i18n.t(lng, key, params);

  it('registers a person in French from /r/<code> with the keyboard alone', async () => {
    const [code] = h.panel.invite(1, 'fr');
    const context = await browser.newContext({ locale: 'fr-BE' });
    const response = await context.request.get(`${h.base}/r/${code}`, { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    const p = await WebPerson.open(context, h.panel, `${h.base}/r/${code!.toLowerCase()}`);
    // The code is not kept in the address bar (nor sent on as a referrer).
    expect(p.page.url()).toBe(`${h.base}/chat`);
    expect(await p.page.getAttribute('html', 'lang')).toBe('fr');
    expect((await p.botMessages()).join()).toContain('Bienvenue');

    // The first choice button is reached with Tab and pressed with Enter; focus goes to the box.
    await tabTo(p.page, (el) => el.text.includes('Français'));
    expect(await p.waitFor(() => p.page.keyboard.press('Enter'))).toContain(t('fr', 'registration:code.accepted', { code: `${code!.slice(0, 3)}-${code!.slice(3, 6)}-${code!.slice(6)}` }));
    expect(await p.page.evaluate(() => document.activeElement?.id)).toBe('message');
    expect(await p.page.getAttribute('html', 'lang')).toBe('fr');
    expect(await p.page.locator('label[for=message]').textContent()).toBe(t('fr', 'web:chat.inputLabel'));

    expect(await p.types('1')).toContain(t('fr', 'registration:consent.ask'));
    expect(await p.types('oui')).toContain(t('fr', 'registration:firstName.ask'));
    expect(await p.types('Élodie')).toContain(t('fr', 'registration:lastName.ask'));
    await p.types('Dupont');
    await p.types('14-07-1985');
    expect(await p.types('2')).toContain(t('fr', 'registration:postcode.ask'));
    await p.types('4730');
    await p.types('4');
    await p.types('1');
    await p.types('1');
    for (let i = 0; i < 4; i++) await p.types('non');
    expect(await p.types('oui')).toContain(t('fr', 'registration:contact.ask'));
    const summary = await p.types('+32 470 98 76 54');
    expect(summary).toContain('Élodie');
    expect(await p.types('1')).toContain(t('fr', 'registration:done', { drawDate: '' }).slice(0, 20));
    expect(registrationCount(h)).toBe(1);
    await context.close();
  });

  it('registers a person in Dutch by tapping the choices on a 320 px phone at 200 % text', async () => {
    const [code] = h.panel.invite(1, 'nl');
    const context = await browser.newContext({ locale: 'nl-BE', hasTouch: true, isMobile: true, viewport: { width: 320, height: 640 } });
    const p = await WebPerson.open(context, h.panel, `${h.base}/r/${code}`);
    expect(await p.page.getAttribute('html', 'lang')).toBe('nl');
    await p.page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const before = registrationCount(h);

    await p.taps('Nederlands');
    await p.taps('1.');
    expect(await p.taps('1.')).toContain(t('nl', 'registration:firstName.ask'));
    const box = p.page.locator('#message');
    const typeIn = (text: string) => p.waitFor(async () => {
      await box.tap();
      await box.fill(text);
      await p.page.locator('#send').tap();
    });
    await typeIn('Lotte');
    await typeIn('Peeters');
    expect(await typeIn('03/05/1992')).toContain(t('nl', 'registration:gender.ask'));
    await p.taps('1.');
    await typeIn('9000');
    await p.taps('6.');
    await p.taps('1.');
    expect(await p.taps('1.')).toContain(t('nl', 'registration:exclusion.office'));
    for (let i = 0; i < 4; i++) await p.taps('2.');
    expect(await p.taps('1.')).toContain(t('nl', 'registration:contact.ask'));
    expect(await typeIn('lotte@example.be')).toContain('Lotte');
    // Nothing is cut off or needs sideways scrolling at 320 px with text twice the size.
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await p.taps('1.')).toContain(t('nl', 'registration:done', { drawDate: '' }).slice(0, 20));
    expect(registrationCount(h)).toBe(before + 1);
    await context.close();
  });

  it('shows a message of the outbox live, while the page is open', async () => {
    const context = await browser.newContext({ locale: 'en' });
    const p = await WebPerson.open(context, h.panel, `${h.base}/chat`);
    await p.page.waitForFunction(() => document.querySelectorAll('.msg-bot').length > 0);
    const { db, clock } = h.panel.app.services;
    // This page's person: the web identity of its session cookie.
    const sessionId = (await context.cookies()).find((c) => c.name === 'panelbot')!.value.split('.')[0]!;
    const identity = db.select().from(identities).where(and(eq(identities.channel, 'web'), eq(identities.userId, userIdOf(sessionId)))).get()!;
    enqueue(db, { personId: identity.personId, kind: 'broadcast', payload: { outbound: { text: 'The venue changed: Egmont Palace, room 2.' } }, dueAt: clock.now(), idempotencyKey: 'live-1' }, clock.now());
    const dispatcher = new Dispatcher({ services: h.panel.app.services, senders: [h.web.sender], channel: 'web' });
    // The page's stream may still be connecting: the row waits for it, as for a closed page.
    await expect.poll(async () => (await dispatcher.tick()).sent, { timeout: 10_000 }).toBe(1);
    await p.page.getByText('The venue changed: Egmont Palace, room 2.').waitFor();
    await context.close();
  });

  it('shows the question again when an answer was lost on the way, and applies the message once', async () => {
    const [code] = h.panel.invite(1, 'en');
    const context = await browser.newContext({ locale: 'en' });
    const p = await WebPerson.open(context, h.panel, `${h.base}/r/${code}`);
    await p.presses('English');
    await p.page.locator('#message').focus();
    await p.types('1');
    expect(await p.types('yes')).toContain(t('en', 'registration:firstName.ask'));
    // The next answer reaches panelbot, but its reply is lost (a proxy drops the connection).
    let lost = 0;
    await p.page.route('**/api/message', async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    const after = await p.types('Ann');
    // The page sent it again with the same id (answered once), then asked where it is: the next question.
    expect(after).toContain(t('en', 'registration:lastName.ask'));
    expect(after).not.toContain(t('en', 'registration:firstName.ask'));
    expect(await p.types('Peeters')).toContain(t('en', 'registration:birthDate.ask'));
    await context.close();
  });

    it('answers a wrong code as the chat does, and refuses posts without the CSRF token', async () => {
    const context = await browser.newContext({ locale: 'en' });
    // A code of the right form that no letter carries.
    const unknown = generateCode();
    const p = await WebPerson.open(context, h.panel, `${h.base}/r/${unknown}`);
    expect(await p.presses('English')).toContain(t('en', 'registration:code.unknown'));
    expect(h.panel.app.db.select().from(invitations).where(eq(invitations.code, unknown)).all()).toEqual([]);
    // A typing mistake is named as such, as in the chat.
    expect(await p.types('ABC-DEF-GHJ')).toContain(t('en', 'registration:code.typo'));

    const inboundBefore = h.panel.app.db.$client.prepare('SELECT count(*) AS n FROM inbound_log').get() as { n: number };
    // The page's own cookie, but no token: refused, and nothing reaches the conversation.
    const noToken = await context.request.post(`${h.base}/api/message`, { data: { id: 'abcdefgh1234', kind: 'text', text: 'yes' } });
    expect(noToken.status()).toBe(403);
    const wrongToken = await context.request.post(`${h.base}/api/message`, { data: { id: 'abcdefgh1235', kind: 'text', text: 'yes' }, headers: { 'X-CSRF-Token': 'forged' } });
    expect(wrongToken.status()).toBe(403);
    const form = await context.request.post(`${h.base}/start`, { form: { code: 'ABC-DEF-GHJ' }, maxRedirects: 0 });
    expect(form.status()).toBe(403);
    // A right token from another site's page: refused by its origin.
    const token = await p.page.getAttribute('meta[name=csrf-token]', 'content');
    const crossSite = await context.request.post(`${h.base}/api/message`, { data: { id: 'abcdefgh1236', kind: 'text', text: 'yes' }, headers: { 'X-CSRF-Token': token!, Origin: 'https://evil.example' } });
    expect(crossSite.status()).toBe(403);
    const inboundAfter = h.panel.app.db.$client.prepare('SELECT count(*) AS n FROM inbound_log').get() as { n: number };
    expect(inboundAfter.n).toBe(inboundBefore.n);
    await context.close();
  });

  it('finds no serious or critical accessibility violation on the code page, a question with choices and the summary', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await page.goto(`${h.base}/`);
    expect(await axeFindings(page)).toEqual([]);

    const [code] = h.panel.invite(1, 'fr');
    // The code page's form, by keyboard: type the code, Enter.
    await page.locator('#code').focus();
    await page.keyboard.type(code!);
    const p = new WebPerson(page, h.panel);
    await Promise.all([page.waitForURL(`${h.base}/chat`), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => document.querySelectorAll('.msg-bot').length > 0);
    expect(await page.locator('ol.choices button').count()).toBeGreaterThan(1);
    expect(await axeFindings(page)).toEqual([]);

    await page.locator('#message').focus();
    for (const answer of ['1', '1', 'oui', 'Jean', 'Martin', '01/02/1970', '2', '1000', '6', '1', '1', 'non', 'non', 'non', 'non', 'oui']) await p.types(answer);
    expect(await p.types('jean@example.be')).toContain('Jean');
    expect(await axeFindings(page)).toEqual([]);
    await context.close();
  });
});
