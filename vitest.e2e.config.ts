import { defineConfig } from 'vitest/config';

// End-to-end tests drive the *built* extension (npm run build) in real browsers
// against the local replay server; one file at a time, since they share port 443.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
