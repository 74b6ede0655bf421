import { defineConfig } from 'vitest/config'

// Unit and property tests run in Node; the browser tests in test/e2e have their own runner.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
})
