import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests of pure rules, integration tests on a real
// SQLite file and a real HTTP server on loopback, and end-to-end tests driving
// Debian's Chromium against a running hub (they build the UI once first).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30000 } },
      { test: { name: 'reliability', include: ['tests/reliability/**/*.test.ts'], environment: 'node', testTimeout: 120000, hookTimeout: 60000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120000,
          hookTimeout: 180000,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
