// The composition root: configuration → store → core. Channels and the scheduler are added by `serve`.
import { closeDb, openDb, type Db } from './db/client';
import { loadPanelConfig, EXAMPLE_CONFIG } from './config/panel';
import { createTranslator } from './core/conversation/i18n';
import { createEngine } from './core/conversation/create-engine';
import type { Engine } from './core/conversation/engine';
import type { Services } from './core/conversation/flow';
import { systemClock, type Clock } from './core/panel/clock';
import { silentLogger, type Logger } from './core/conversation/logger';
import type { PanelConfig } from './core/panel/config';

export const DEFAULT_DB = './data/panelbot.db';

export interface AppOptions {
  dbPath?: string;
  configPath?: string;
  config?: PanelConfig;
  clock?: Clock;
  log?: Logger;
  /** How long a write waits for another writer before the person is told to try again. */
  busyTimeoutMs?: number;
  /** Told when the example configuration is used because none was given. */
  onExampleConfig?: (file: string) => void;
}

export interface App {
  db: Db;
  services: Services;
  engine: Engine;
  close(): void;
}

export function resolveConfigPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): { file: string; example: boolean } {
  const file = explicit ?? env.PANELBOT_CONFIG;
  return file ? { file, example: false } : { file: EXAMPLE_CONFIG, example: true };
}

export function createApp(options: AppOptions = {}): App {
  let config = options.config;
  if (!config) {
    const { file, example } = resolveConfigPath(options.configPath);
    config = loadPanelConfig(file);
    if (example) options.onExampleConfig?.(file);
  }
  const db = openDb(options.dbPath ?? process.env.PANELBOT_DB ?? DEFAULT_DB, { busyTimeoutMs: options.busyTimeoutMs });
  const services: Services = {
    db,
    config,
    i18n: createTranslator(),
    clock: options.clock ?? systemClock,
    log: options.log ?? silentLogger,
  };
  const engine = createEngine(services);
  return {
    db,
    services,
    engine,
    close() {
      engine.drainQueue();
      engine.flushDeliveries();
      closeDb(db);
    },
  };
}
