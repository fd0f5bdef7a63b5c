/**
 * Test files that run whole matrices or reports: `npm run test:deep` runs them
 * (vitest.deep.config.ts) and `npm test` leaves them out (vitest.config.ts), so that npm test keeps
 * under 3 minutes on 2 cores. Stryker's cli set still names them (vitest.mutation.config.ts).
 */
export const WHOLE_RUNS = [
  // every command run once, the matrix and the report among them
  'cli/reportSchemas.test.ts',
  'render/reportCommand.test.ts',
  'cli/reportCommand.test.ts',
  'cli/matrixJunitCommand.test.ts',
];
