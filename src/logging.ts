// Structured logs (pino) on standard error. Log ids, pseudonyms and counts; never personal data.
import pino from 'pino';
import type { Logger } from './core/conversation/logger';

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: { app: 'panelbot' },
      // A last guard: fields that may hold personal data are never written, whoever logs them.
      redact: { paths: ['text', '*.text', 'phone', '*.phone', 'email', '*.email', 'name', '*.name', 'iban', '*.iban'], censor: '[redacted]' },
    },
    destination,
  ) as unknown as Logger;
}
