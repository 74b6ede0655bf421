import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

/** Folders whose tests are pure functions of their inputs (model, solver, properties): they share
 *  one module graph per worker instead of importing the solver and the catalog again for every
 *  file (a third of the suite's CPU). A module cache they share (the catalog, the solver's memo of
 *  solved fields) changes no result. Everything else, the store and the CLI with their globals
 *  and any folder not listed, runs isolated, one fresh module graph per file. */
const SHARED = ['solver', 'thermal', 'year', 'property', 'economics', 'capacity', 'model'].map((d) => `test/unit/${d}/**/*.test.ts`)
const SHARED_FILES = ['test/unit/report/format.test.ts', 'test/unit/report/report.test.ts', 'test/unit/report/timeline.test.ts']

// Unit and property tests run in Node; the browser tests in test/e2e have their own runner.
export default defineConfig({
  test: {
    environment: 'node',
    // CPU-bound tests (solves, fast-check runs) may take several times longer on a busy 2-core
    // machine; a test fails on its assertions, not on how loaded the machine happens to be.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One worker per core (vitest's default leaves one core idle: on this 2-core machine a
    // single worker, 58 s instead of 40 s).
    maxWorkers: Math.max(1, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'shared', include: [...SHARED, ...SHARED_FILES], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ['test/unit/**/*.test.ts'], exclude: [...SHARED, ...SHARED_FILES] } },
    ],
  },
})
