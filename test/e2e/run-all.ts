// Runs every browser test file (test/e2e/*.e2e.ts) against the built app, one after another, and
// sums their closing "N passed, N failed" lines into one: "e2e: N passed, N failed".
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const files = readdirSync('test/e2e').filter((f) => f.endsWith('.e2e.ts')).sort()
let passed = 0
let failed = 0
for (const file of files) {
  console.log(`\n${file}`)
  // node itself, not npx: npx does not pass the time limit's SIGTERM on, so a hung file went on
  // running with its browser and preview; the file's withApp closes both on it.
  const run = spawnSync(process.execPath, ['--import', 'tsx', `test/e2e/${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 })
  process.stdout.write(run.stdout ?? '')
  const m = /(\d+) passed, (\d+) failed\s*$/.exec(run.stdout ?? '')
  if (m) {
    passed += Number(m[1])
    failed += Number(m[2])
  }
  if (!m || (run.status !== 0 && Number(m[2]) === 0)) {
    failed++
    console.log(`  ✗ ${file} did not finish cleanly (exit ${run.status ?? run.signal}${run.error ? `, ${run.error.message}` : ''})`)
  }
}
console.log(`e2e: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
