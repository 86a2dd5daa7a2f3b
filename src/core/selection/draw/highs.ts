// HiGHS (WebAssembly build of the open-source LP/MILP solver), loaded once per process.
import type { Highs } from 'highs';

let loading: Promise<Highs> | undefined;

export function loadHighs(): Promise<Highs> {
  loading ??= import('highs').then((m) => (m.default)());
  return loading;
}

export function highsVersion(highs: Highs): string {
  return `HiGHS ${highs.version.string} (WebAssembly, npm highs)`;
}
