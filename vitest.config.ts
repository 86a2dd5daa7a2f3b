import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Generous: some tests start real panelbot processes, and a 2-core machine under load runs
    // them several times slower. A timeout here is a hang detector, not a speed target (bench/).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
