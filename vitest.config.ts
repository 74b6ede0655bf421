import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

/** Tests that are pure functions of their inputs (model, solver, properties, the CLI's main() with
 *  its output captured, the single-line and hover views, Compare's pairing of two reports, weather,
 *  formats) share one module graph per worker instead of importing the solver and the catalog again
 *  for every file (a third of the suite's CPU); the CLI files also share the solver's memo of solved
 *  fields, so the example scene's fields are solved once per worker, not once per file. A module
 *  cache they share (the catalog, that memo) changes no result: the memo is exact by construction
 *  (src/solver/thermal/memo.ts). So do the store's tests that make their own stores (below).
 *  Everything else runs isolated, one fresh module graph per file: what drives the app's store
 *  singleton, and the built CLI (it may rebuild dist-cli). */
const SHARED = [
  ...['solver', 'thermal', 'year', 'property', 'economics', 'capacity', 'model', 'sld', 'viewport', 'weather', 'format', 'worker', 'thermal3d', 'calibration', 'ui'].map((d) => `test/unit/${d}/**/*.test.ts`),
  // In these folders, all but the files with globals: the store singleton (the tour clock) and the
  // build the built CLI may redo.
  'test/unit/cli/**/!(built).test.ts',
  'test/unit/editor/**/*.test.ts',
  'test/unit/report/**/!(tourClock).test.ts',
  // The store files that touch no module-level state: the autosave's envelope and backups (each
  // test its own MemoryStorage), the ?scene= policy and fetch (fetch stubbed per test, unstubbed
  // after it), and the as-built guard (a fresh createAppStore per test, its solver stubbed on the
  // instance, never connectSolver).
  // Also the files that build their own stores (createAppStore, never the useStore singleton) on a
  // solver port they connect themselves before any store asks it (as the 3-D airflow store's test
  // in viewport/ does): the autosave and its tabs (each test its own MemoryStorage, its own listen
  // function, the autosave stopped), start-up (bootScene on a fresh store and storage, location and
  // fetch stubbed per test and unstubbed after it) and which answers an edit makes stale. Isolated,
  // each paid ~1.3 s of CPU to import the store, the model and the solver again.
  // The store's own test and editor/history's drive a store of their own in the same way (a
  // createAppStore each, the app's useStore being one more); only report/tourClock drives the
  // useStore singleton (the tour store reads it).
  'test/unit/store/**/*.test.ts',
]

// Unit and property tests run in Node; the browser tests in test/e2e have their own runner.
export default defineConfig({
  test: {
    environment: 'node',
    // Transformed modules are kept on disk between runs (node_modules/.experimental-vitest-cache,
    // keyed by each file's content): a second run does not transform the sources again. Three
    // alternating pairs on this 2-core machine: 88.0 / 88.0 / 89.5 s CPU and 51.0 / 48.5 / 48.3 s
    // wall without it, 82.5 / 81.1 / 79.8 s and 47.5 / 43.1 / 42.2 s with it (the first run after a
    // clone, as in CI, transforms everything as before).
    experimental: { fsModuleCache: true },
    // CPU-bound tests (solves, fast-check runs) may take several times longer on a busy 2-core
    // machine; a test fails on its assertions, not on how loaded the machine happens to be.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One worker per core (vitest's default leaves one core idle: on this 2-core machine a
    // single worker, 58 s instead of 40 s).
    maxWorkers: Math.max(1, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'shared', include: SHARED, isolate: false } },
      // A fresh module graph per file in a worker thread rather than a child process: the same
      // isolation (own globals, own module cache) for less start-up (these 19 files: 21.5 s of
      // CPU instead of 23.8 s, 25.0 s -> 21.6 s in a second pair of runs).
      { extends: true, test: { name: 'isolated', include: ['test/unit/**/*.test.ts'], exclude: SHARED, pool: 'threads' } },
    ],
  },
})
