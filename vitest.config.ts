import { defineConfig } from 'vitest/config'

// Unit and property tests run in Node; the browser tests in test/e2e have their own runner.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // CPU-bound tests (solves, fast-check runs) may take several times longer on a busy 2-core
    // machine; a test fails on its assertions, not on how loaded the machine happens to be.
    testTimeout: 60_000,
  },
})
