// Builds the real whatsapp-web.js Client: the system Chromium (CHROMIUM_PATH; puppeteer never
// downloads one, see .puppeteerrc.cjs), and the login kept by LocalAuth under the data folder so a
// restart does not ask for the QR code again. Loaded only when WhatsApp is enabled (it pulls in puppeteer).
import path from 'node:path';
import wwebjs from 'whatsapp-web.js';
import { clientPort, type WhatsAppPort } from './port';

const { Client, LocalAuth, MessageMedia } = wwebjs;

/** Chromium flags for a server: no sandbox (often unavailable in containers), small /dev/shm, no GPU. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--no-default-browser-check'];

export interface ClientOptions {
  chromiumPath: string;
  dataDir: string;
}

export function createWhatsAppClient(options: ClientOptions): InstanceType<typeof Client> {
  const root = path.join(options.dataDir, 'whatsapp');
  return new Client({
    // LocalAuth stores the session in <root>/session (no clientId).
    authStrategy: new LocalAuth({ dataPath: root }),
    // The WhatsApp Web page is cached here rather than in the working directory.
    webVersionCache: { type: 'local', path: path.join(root, 'web-cache') },
    // panelbot handles the signals and stops WhatsApp itself (releasing the outbox lease); puppeteer's
    // own handlers would exit the process first (process.exit(130) on Ctrl+C).
    puppeteer: { executablePath: options.chromiumPath, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false },
  });
}

export function createWhatsAppPort(options: ClientOptions): WhatsAppPort {
  return clientPort(createWhatsAppClient(options), MessageMedia);
}
