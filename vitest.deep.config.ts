import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm run test:deep`: the agreement checks that search whole graphs (the explorer against its
// reference search and the model, the engine against every path of the model's graphs), and the
// tests that run the command line in processes of their own (faults injected into writes,
// signals, a closed or full stdout) or draw 250,000-event traces. They take minutes, so `npm test`
// leaves them out; CI (.ci/run) runs both.
export default defineConfig({
  test: {
    // And cli/reportSchemas.test.ts, which runs every command once, and render/reportCommand.test.ts,
    // which writes whole reports (vitest.config.ts leaves both out).
    include: ['**/*.deep.test.ts', 'cli/reportSchemas.test.ts', 'render/reportCommand.test.ts'],
    exclude: ['**/node_modules/**', 'scratch/**', 'reports/**'],
    maxWorkers: availableParallelism(),
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
