// The two pages, as small HTML documents: the code page (GET /) and the chat (GET /chat). Every
// text comes from locales/<lng>/web.json; the page loads one stylesheet and one script of
// panelbot's own (no inline script: the Content-Security-Policy forbids it).
import type { Translator } from '../../core/conversation/i18n';
import type { Language, PanelConfig } from '../../core/panel/config';

export interface Assets {
  css: string;
  js: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

interface PageContext {
  lang: Language;
  i18n: Translator;
  config: PanelConfig;
  assets: Assets;
}

function head(ctx: PageContext, extra = ''): string {
  const t = (key: string) => ctx.i18n.t(ctx.lang, `web:${key}`, { panel: ctx.config.panel.name[ctx.lang] ?? '' });
  return `<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('title'))}</title>
<link rel="stylesheet" href="${ctx.assets.css}">
${extra}</head>`;
}

export function codePage(ctx: PageContext & { csrf: string; error?: string }): string {
  const t = (key: string) => escapeHtml(ctx.i18n.t(ctx.lang, `web:${key}`));
  return `${head(ctx)}
<body>
<main id="main" class="page">
<h1>${t('codePage.heading')}</h1>
<p>${t('codePage.intro')}</p>
${ctx.error ? `<p class="error" role="alert"><strong>${escapeHtml(ctx.error)}</strong></p>` : ''}
<form method="post" action="/start" class="code-form">
<input type="hidden" name="csrf" value="${escapeHtml(ctx.csrf)}">
<label for="code">${t('codePage.label')}</label>
<p id="code-hint" class="hint">${t('codePage.hint')}</p>
<div class="row">
<input id="code" name="code" type="text" inputmode="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="32" required aria-describedby="code-hint">
<button type="submit">${t('codePage.submit')}</button>
</div>
</form>
<p><a href="/chat">${t('codePage.noCode')}</a></p>
</main>
</body>
</html>
`;
}

/** The texts the script needs (status lines, labels), handed over in a data attribute. */
export function uiTexts(i18n: Translator, lang: Language): Record<string, string> {
  const keys = ['you', 'bot', 'inputLabel', 'hint', 'send', 'choices', 'sending', 'offline', 'tooFast', 'expired', 'download', 'heading', 'log'];
  return Object.fromEntries(keys.map((k) => [k, i18n.t(lang, `web:chat.${k}`, k === 'download' ? { file: '{{file}}' } : undefined)]));
}

export function chatPage(ctx: PageContext & { csrf: string; start?: string }): string {
  const t = (key: string) => escapeHtml(ctx.i18n.t(ctx.lang, `web:${key}`));
  const ui = escapeHtml(JSON.stringify(uiTexts(ctx.i18n, ctx.lang)));
  return `${head(ctx, `<meta name="csrf-token" content="${escapeHtml(ctx.csrf)}">\n<script src="${ctx.assets.js}" defer></script>\n`)}
<body>
<a class="skip" href="#message">${t('skip')}</a>
<main id="chat" class="page chat" data-ui="${ui}"${ctx.start ? ` data-start="${escapeHtml(ctx.start)}"` : ''}>
<h1 id="heading">${t('chat.heading')}</h1>
<noscript><p class="error">${t('chat.noScript')}</p></noscript>
<div id="log" class="log" role="log" aria-live="polite" aria-relevant="additions" aria-labelledby="log-label" tabindex="-1">
<h2 id="log-label" class="visually-hidden">${t('chat.log')}</h2>
</div>
<p id="status" class="status" role="status" aria-live="polite"></p>
<form id="send-form" class="send-form" autocomplete="off">
<label id="message-label" for="message">${t('chat.inputLabel')}</label>
<p id="message-hint" class="hint">${t('chat.hint')}</p>
<div class="row">
<input id="message" name="message" type="text" maxlength="2000" aria-describedby="message-hint" enterkeyhint="send">
<button id="send" type="submit">${t('chat.send')}</button>
</div>
</form>
</main>
</body>
</html>
`;
}

export function messagePage(ctx: PageContext & { message: string }): string {
  const t = (key: string) => escapeHtml(ctx.i18n.t(ctx.lang, `web:${key}`));
  return `${head(ctx)}
<body>
<main id="main" class="page">
<h1>${escapeHtml(ctx.message)}</h1>
<p><a href="/">${t('errors.home')}</a></p>
</main>
</body>
</html>
`;
}
