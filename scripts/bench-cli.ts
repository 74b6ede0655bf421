// The CLI figures of issue 13, each against its target: cold starts of the built CLI through npx
// and without it, and the campus check's solve time in a cold process. Part of `npm run bench`
// (scripts/bench.ts); alone: `node scripts/build-cli.mjs && npx tsx scripts/bench-cli.ts`.
//
// Every run is a new process (the OS file cache and V8's code cache of the bundles are warm, the
// JIT is not), as a user runs it from the second run on. Beside the
// wall time (median) each figure has its CPU time (mean user + system time of the process and all
// it started, from /proc/self/stat of this process): on a machine shared with other work the wall
// time counts other processes' turns and the CPU time does not, so compare CPU time between runs
// and read the wall time with the load average printed above the figures.
//
// What "npx alone" is. The issue measured `npx --version`: npm starting and printing its version.
// Running a command does more before any of its code runs: npm loads its exec machinery, looks for
// the command (the project's package.json `bin` first, then node_modules/.bin) and starts it
// through sh. A bin the project declares in package.json costs far more (npx loads the whole
// dependency tree with @npmcli/arborist and links the project into its npx cache, ≈ 0.4 s), so
// the project declares none: `prepare` links node_modules/.bin/halltwin instead
// (scripts/build-cli.mjs, linkBin). The bench measures npx's own cost with a command that does
// nothing (a shell script in node_modules/.bin, so no Node start either): `npx halltwin` can never
// be faster than that, whatever the CLI does. Each npx target is shown both ways: the issue's
// (npx --version + budget) and the budget above npx's own machinery.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { freshBuild } from '../bin/built.mjs'

/** The checkout measured: this one, or HALLTWIN_BENCH_ROOT (another checkout, e.g. an older commit to compare with). */
const ROOT = resolve(process.env.HALLTWIN_BENCH_ROOT ?? resolve(import.meta.dirname, '..'))
const HELP_BUDGET_MS = 300
const CHECK_BUDGET_MS = 600
const CAMPUS_COLD_TARGET_MS = 50

/** CPU time, ms, this process has collected from the children it waited for (user + system). */
function childrenCpuMs(): number | null {
  try {
    // Fields after the command name: state is field 3, so cutime/cstime (16, 17) are at 13, 14.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS
  } catch {
    return null
  }
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100

export interface CliFigure {
  wallMs: number
  /** Mean CPU time per run, ms (null where /proc is not there). */
  cpuMs: number | null
  runs: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Runs a command `runs` times after one unmeasured run; its stdout of the last run too. */
function measure(cmd: string, args: string[], runs: number, cwd = ROOT): CliFigure & { stdout: string[] } {
  const once = () => {
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })
    if (r.status !== 0 && r.status !== 1) throw new Error(`bench: ${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
    return r.stdout
  }
  once() // the npx cache, the OS file cache, V8's code cache of the bundles (bin/codeCache.mjs: a user's first run writes it too)
  const walls: number[] = []
  const stdout: string[] = []
  const cpu0 = childrenCpuMs()
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    stdout.push(once())
    walls.push(performance.now() - t0)
  }
  const cpu1 = childrenCpuMs()
  return { wallMs: median(walls), cpuMs: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / runs, runs, stdout }
}

/** A package with a command in node_modules/.bin that does nothing, found the way `npx halltwin`
 *  is (no package.json `bin`): what npx costs before that command's first instruction. */
function npxBaselinePackage(): { dir: string; bin: string } {
  const dir = join(ROOT, '.bench/npx-baseline')
  const bin = 'halltwin-npx-baseline'
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: bin, version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`)
  writeFileSync(join(dir, 'noop.sh'), '#!/bin/sh\nexit 0\n')
  chmodSync(join(dir, 'noop.sh'), 0o755)
  const link = join(dir, 'node_modules/.bin', bin)
  if (!existsSync(link)) symlinkSync(join('..', '..', 'noop.sh'), link)
  return { dir, bin }
}

const ms = (v: number) => `${v.toFixed(0).padStart(5)} ms`
const cpu = (f: CliFigure) => (f.cpuMs === null ? '   n/a CPU' : `${ms(f.cpuMs)} CPU`)
const verdict = (v: number, target: number) => (v <= target ? 'met' : 'OVER')

export async function benchCli(runs = 7): Promise<Record<string, unknown>> {
  const built = freshBuild(ROOT)
  const load = loadavg()
  console.log(
    `\nCLI, cold: a new process per run; wall: median of ${runs}, CPU: mean user + system of the process and its children ` +
      `(load average ${load.map((l) => l.toFixed(1)).join(' / ')} over 1 / 5 / 15 min on ${cpus().length} cores)`,
  )
  console.log(`  built CLI: ${built ? 'dist-cli/, up to date' : 'MISSING or stale: tsx runs the sources (npm run build:cli)'}`)
  const row = (label: string, f: CliFigure, note = '') => console.log(`  ${label.padEnd(56)} ${ms(f.wallMs)} wall ${cpu(f)}${note ? `  ${note}` : ''}`)

  const node = measure('node', ['-e', '0'], runs)
  row('node -e 0 (Node alone)', node)
  const npxVersion = measure('npx', ['--version'], runs)
  row('npx --version (npx alone, as the issue measured it)', npxVersion)
  const base = npxBaselinePackage()
  const npxExec = measure('npx', [base.bin], runs, base.dir)
  row("npx <a no-op local bin> (npx's own machinery)", npxExec, '(same node_modules; the bin is `exit 0` in sh)')

  const nodeHelp = measure('node', ['bin/halltwin.mjs', 'help'], runs)
  // Beside Node alone in CPU time only: a difference of two noisy wall times means little.
  row('node bin/halltwin.mjs help', nodeHelp, nodeHelp.cpuMs !== null && node.cpuMs !== null ? `(Node + ${(nodeHelp.cpuMs - node.cpuMs).toFixed(0)} ms CPU)` : '')
  const checkArgs = ['check', 'scenes/siberia-20mw.json', '--json']
  const nodeCheck = measure('node', ['bin/halltwin.mjs', ...checkArgs], runs)
  row(`node bin/halltwin.mjs ${checkArgs.join(' ')}`, nodeCheck)

  const targets = (label: string, f: CliFigure, budget: number) => {
    const issue = npxVersion.wallMs + budget
    const machinery = npxExec.wallMs + budget
    row(label, f)
    console.log(`      target ≤ npx + ${budget} ms, npx as the issue measured it: ${ms(issue)} wall → ${verdict(f.wallMs, issue)}` + (f.cpuMs !== null && npxVersion.cpuMs !== null ? `; CPU ${ms(f.cpuMs)} vs ${ms(npxVersion.cpuMs + budget)} → ${verdict(f.cpuMs, npxVersion.cpuMs + budget)}` : ''))
    console.log(`      target ≤ npx + ${budget} ms, npx's own machinery to run a local bin: ${ms(machinery)} wall → ${verdict(f.wallMs, machinery)}` + (f.cpuMs !== null && npxExec.cpuMs !== null ? `; CPU ${ms(f.cpuMs)} vs ${ms(npxExec.cpuMs + budget)} → ${verdict(f.cpuMs, npxExec.cpuMs + budget)}` : ''))
    return { ...f, targetIssueMs: issue, targetMachineryMs: machinery }
  }
  const npxHelp = targets('npx halltwin help', measure('npx', ['halltwin', 'help'], runs), HELP_BUDGET_MS)
  const npxCheck = targets(`npx halltwin ${checkArgs.join(' ')}`, measure('npx', ['halltwin', ...checkArgs], runs), CHECK_BUDGET_MS)
  if (npxExec.wallMs > npxVersion.wallMs + HELP_BUDGET_MS) {
    console.log(
      `      npx's own machinery (${npxExec.wallMs.toFixed(0)} ms wall) exceeds \`npx --version\` + ${HELP_BUDGET_MS} ms by itself: ` +
        `no CLI, however small, meets the help target as the issue set it through npx; \`node bin/halltwin.mjs\` (or the bin on PATH) skips npx.`,
    )
  }

  const campus = measure('node', ['bin/halltwin.mjs', 'check', 'scenes/campus-100mw.json', '--json'], Math.max(3, Math.ceil(runs / 2)))
  const solveMs = campus.stdout.map((s) => (JSON.parse(s) as { meta: { solveMs: number } }).meta.solveMs)
  const campusSolveMs = median(solveMs)
  console.log(
    `  ${'campus check, meta.solveMs in a cold process'.padEnd(56)} ${ms(campusSolveMs)} (median of ${solveMs.length}: ${solveMs.map((s) => s.toFixed(0)).join(', ')}; ` +
      `target ≤ ${CAMPUS_COLD_TARGET_MS} ms → ${verdict(campusSolveMs, CAMPUS_COLD_TARGET_MS)}); the whole process ${ms(campus.wallMs)} wall ${cpu(campus)}`,
  )
  const fig = ({ wallMs, cpuMs, runs }: CliFigure): CliFigure => ({ wallMs, cpuMs, runs })
  return {
    loadAverage: load,
    node: fig(node),
    npxVersion: fig(npxVersion),
    npxExec: fig(npxExec),
    nodeHelp: fig(nodeHelp),
    nodeCheck: fig(nodeCheck),
    npxHelp: { ...fig(npxHelp), targetIssueMs: npxHelp.targetIssueMs, targetMachineryMs: npxHelp.targetMachineryMs },
    npxCheck: { ...fig(npxCheck), targetIssueMs: npxCheck.targetIssueMs, targetMachineryMs: npxCheck.targetMachineryMs },
    campus: { solveMs, medianSolveMs: campusSolveMs, targetMs: CAMPUS_COLD_TARGET_MS, process: { wallMs: campus.wallMs, cpuMs: campus.cpuMs } },
  }
}

if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) {
  const results = await benchCli(Number(process.env.RUNS) || 7)
  mkdirSync(join(ROOT, '.bench'), { recursive: true })
  writeFileSync(join(ROOT, '.bench/cli.json'), `${JSON.stringify(results, null, 2)}\n`)
}
