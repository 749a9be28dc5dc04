import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only contend for them.
    maxWorkers: 2,
    // Files in a worker share one module graph: importing the whole app once per file took a third of
    // the run (177 s of 567 s on PGlite). Each file still builds its own app and database, and no test
    // mocks modules or changes the environment.
    isolate: false,
  },
});
