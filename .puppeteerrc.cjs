// whatsapp-web.js pulls in puppeteer; its install must never download a browser.
// At run time panelbot uses the system Chromium (CHROMIUM_PATH).
module.exports = { skipDownload: true };
