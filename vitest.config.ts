import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{engine,model,properties,counterexamples,cli,lib,render,explorer,history,interchange,bench,scripts}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'scratch/**', 'reports/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
