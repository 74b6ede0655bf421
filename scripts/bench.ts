// npm run bench — prints the figures issues set targets for: solver time per example variant and
// for the generated 100 MW campus, each with every hall's airflow field (targets ≤ 100 ms a hall, ≤ 500 ms the campus), the thermal field on the check grid (default
// hall ≤ 60 ms, five-hall campus ≤ 350 ms), draw calls per frame of the app for the default
// hall and the campus (target: the same small number), the bundle size, and the app's figures in
// the browser (first verdict, variant switch, frames per second while the camera moves, report).
// Solver times are medians over repeated runs in this Node process (one core).
// Writes the figures to .bench/results.json as well.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { builtInCatalog } from '../src/model/catalog'
import { parseSceneText } from '../src/model/parse'
import { campusScene } from '../src/model/generate/examples'
import type { Scene } from '../src/model/sceneSchema'
import { solveVariant } from '../src/solver'
import { clearFieldMemo } from '../src/solver/thermal/hallField'

const catalog = builtInCatalog()
/** Full check including every hall's airflow field (issue 11): the default hall ≤ 100 ms, the campus ≤ 500 ms. */
const HALL_CHECK_TARGET_MS = 100
const CAMPUS_TARGET_MS = 500

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Each run solves its airflow fields cold: the memo of solved fields is emptied before it. */
function timeMs(fn: () => void, runs: number): { medianMs: number; maxMs: number } {
  for (let i = 0; i < 3; i++) fn() // warm-up: JIT, catalog lookups
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    clearFieldMemo()
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return { medianMs: median(times), maxMs: Math.max(...times) }
}

function parseOrDie(text: string): Scene {
  const r = parseSceneText(text, catalog)
  if (!r.ok) throw new Error(`bench scene is invalid: ${JSON.stringify(r.issues.slice(0, 3))}`)
  return r.scene
}

const fmt = (ms: number) => `${ms.toFixed(2).padStart(8)} ms`
const results: Record<string, unknown> = {}

console.log('Full check: power, N-1 cases, cooling plant, airflow field, typical year, economics (Node, one core, median of 20 runs)')
const siberiaText = readFileSync('scenes/siberia-20mw.json', 'utf8')
const siberia = parseOrDie(siberiaText)
const variants: Record<string, number> = {}
for (const v of siberia.variants) {
  const t = timeMs(() => solveVariant(siberia, v.id, catalog), 20)
  variants[v.id] = t.medianMs
  const r = solveVariant(siberia, v.id, catalog)
  const cases = r.power.groups.reduce((s, g) => s + g.contingencies.length, 0)
  console.log(`  siberia-20mw / ${v.id.padEnd(22)} ${fmt(t.medianMs)}  (${r.nodes.length} power nodes, ${cases} N-1 cases; target ≤ ${HALL_CHECK_TARGET_MS} ms: ${t.medianMs <= HALL_CHECK_TARGET_MS ? 'met' : 'MISSED'})`)
}
results.solverMsByVariant = variants

const campusText = JSON.stringify(campusScene(catalog, 30_000))
const campus = parseOrDie(campusText)
const campusReport = solveVariant(campus, 'asic-baseline', catalog)
const solveOnly = timeMs(() => solveVariant(campus, 'asic-baseline', catalog), 20)
const parseAndSolve = timeMs(() => solveVariant(parseOrDie(campusText), 'asic-baseline', catalog), 10)
const campusCases = campusReport.power.groups.reduce((s, g) => s + g.contingencies.length, 0)
console.log(
  `  campus ${campusReport.totals.deviceCount} miners, ${(campusReport.totals.itKW / 1000).toFixed(0)} MW, ` +
    `${campusReport.nodes.length} power nodes, ${campusCases} N-1 cases, ${campusReport.checks.length} checks:`,
)
console.log(`    solve                           ${fmt(solveOnly.medianMs)}  (max ${solveOnly.maxMs.toFixed(2)} ms; target < ${CAMPUS_TARGET_MS} ms: ${solveOnly.medianMs < CAMPUS_TARGET_MS ? 'met' : 'MISSED'})`)
console.log(`    parse + validate + solve        ${fmt(parseAndSolve.medianMs)}`)
results.campus = { miners: campusReport.totals.deviceCount, powerNodes: campusReport.nodes.length, n1Cases: campusCases, solveMs: solveOnly.medianMs, parseAndSolveMs: parseAndSolve.medianMs, targetMs: CAMPUS_TARGET_MS }

// Thermal field (src/solver/thermal): the check grid the design checks read, per variant of the
// default hall and for the five-hall campus scene, and the fine grid of the app's heat map.
{
  const { solveThermalField } = await import('../src/solver/thermal')
  const CHECK_TARGET_MS = 60
  const CAMPUS_CHECK_TARGET_MS = 350
  const FINE_TARGET_MS = 200
  const check = { grid: 'check' } as const
  const byVariant: Record<string, number> = {}
  for (const v of siberia.variants) {
    const field = solveThermalField(siberia, v.id, catalog, check).halls[0]!
    const t = timeMs(() => solveThermalField(siberia, v.id, catalog, check), 20)
    byVariant[v.id] = t.medianMs
    console.log(
      `${v === siberia.variants[0] ? '\n' : ''}Thermal field, check grid (default hall, ${v.id}, ${field.nx} × ${field.ny}): ${t.medianMs.toFixed(1)} ms ` +
        `(max ${t.maxMs.toFixed(1)} ms; target ≤ ${CHECK_TARGET_MS} ms: ${t.medianMs <= CHECK_TARGET_MS ? 'met' : 'MISSED'}; ` +
        `${field.iterations.flow} CG iterations, ${field.iterations.temperature} sweeps, balance ${field.balanceErrorPct.toFixed(4)} %)`,
    )
  }
  const campusFile = parseOrDie(readFileSync('scenes/campus-100mw.json', 'utf8'))
  const campusVariant = campusFile.variants[0]!.id
  const halls = solveThermalField(campusFile, campusVariant, catalog, check).halls.length
  const c = timeMs(() => solveThermalField(campusFile, campusVariant, catalog, check), 10)
  console.log(
    `Thermal field, check grid (campus-100mw, ${halls} halls): ${c.medianMs.toFixed(1)} ms ` +
      `(max ${c.maxMs.toFixed(1)} ms; target ≤ ${CAMPUS_CHECK_TARGET_MS} ms: ${c.medianMs <= CAMPUS_CHECK_TARGET_MS ? 'met' : 'MISSED'})`,
  )
  const fine = solveThermalField(siberia, 'asic-baseline', catalog, { grid: 'fine' }).halls[0]!
  const f = timeMs(() => solveThermalField(siberia, 'asic-baseline', catalog, { grid: 'fine' }), 10)
  console.log(
    `Thermal field, fine grid (halltwin thermal --grid fine) (default hall, ${fine.nx} × ${fine.ny}): ${f.medianMs.toFixed(1)} ms ` +
      `(max ${f.maxMs.toFixed(1)} ms; target < ${FINE_TARGET_MS} ms: ${f.medianMs < FINE_TARGET_MS ? 'met' : 'MISSED'}; ` +
      `${fine.iterations.flow} CG iterations, ${fine.iterations.temperature} sweeps)`,
  )
  results.thermal = {
    checkMsByVariant: byVariant,
    checkTargetMs: CHECK_TARGET_MS,
    campusCheckMs: c.medianMs,
    campusCheckTargetMs: CAMPUS_CHECK_TARGET_MS,
    fine: { nx: fine.nx, ny: fine.ny, medianMs: f.medianMs, maxMs: f.maxMs, targetMs: FINE_TARGET_MS },
  }
}

// The typical year on its own (8,760 hours through the hall's plant), default hall and campus.
{
  const { simulateYear } = await import('../src/solver/year/year')
  const { variantLoads } = await import('../src/solver/loads')
  const { hallPlant } = await import('../src/solver/cooling/plant/plant')
  const { resolveParams } = await import('../src/model/params')
  const climate = catalog.climates.get(siberia.site.climateId)!
  for (const [label, scene] of [['default hall', siberia], ['campus', campus]] as const) {
    const v = scene.variants[0]!
    const params = resolveParams(scene.params, v.params)
    const loads = variantLoads(v, catalog, params)
    const plants = v.halls.map((hall) => hallPlant(hall, loads.rows.filter((r) => r.hall === hall), catalog))
    const itKW = loads.rows.reduce((s, r) => s + r.rowKW, 0)
    const t = timeMs(() => simulateYear(plants, plants.map(() => []), itKW, { fixedKW: 0, variableKWAtDesign: 300, designLoadKW: itKW }, climate, params), 20)
    console.log(`Year simulation (${label}, ${v.halls.length} hall(s) × 8760 h): ${fmt(t.medianMs)}  (target < 50 ms: ${t.medianMs < 50 ? 'met' : 'MISSED'})`)
    results[`yearMs_${label.replace(' ', '_')}`] = t.medianMs
  }
}

// Bundle size of the built app (dist/ from `vite build`): the entry (the store, which starts the
// solver worker), what the app needs to start (the entry, the app chunk, three.js, React DOM), and
// everything (workers, the views loaded when opened, the diagram layout).
if (existsSync('dist/assets')) {
  const sizes = { entryKB: 0, entryGzipKB: 0, initialKB: 0, initialGzipKB: 0, totalKB: 0, totalGzipKB: 0 }
  for (const f of readdirSync('dist/assets')) {
    if (!f.endsWith('.js') && !f.endsWith('.css')) continue
    const buf = readFileSync(join('dist/assets', f))
    const kb = statSync(join('dist/assets', f)).size / 1024
    const gz = gzipSync(buf).length / 1024
    sizes.totalKB += kb
    sizes.totalGzipKB += gz
    if (f.startsWith('index-')) {
      sizes.entryKB += kb
      sizes.entryGzipKB += gz
    }
    if (/^(index|App|three|react-dom|rolldown-runtime)-/.test(f)) {
      sizes.initialKB += kb
      sizes.initialGzipKB += gz
    }
  }
  console.log(
    `\nBundle                            entry ${sizes.entryKB.toFixed(0)} kB (${sizes.entryGzipKB.toFixed(0)} kB gzip); ` +
      `app start ${sizes.initialKB.toFixed(0)} kB (${sizes.initialGzipKB.toFixed(0)} kB gzip); ` +
      `all assets ${sizes.totalKB.toFixed(0)} kB (${sizes.totalGzipKB.toFixed(0)} kB gzip)`,
  )
  results.bundle = sizes
} else {
  console.log('\nBundle: dist/ missing (run `npm run build` first)')
}

// Draw calls in the real app (Chromium, software WebGL), default hall and campus.
if (existsSync('dist/index.html') && existsSync('/usr/bin/chromium')) {
  writeFileSync('dist/bench-campus.json', campusText)
  const { startPreview } = await import('../test/e2e/browser')
  const { measureDrawCalls } = await import('../test/e2e/drawcalls')
  const server = await startPreview()
  try {
    const hall = await measureDrawCalls(`${server.url}/`)
    const big = await measureDrawCalls(`${server.url}/?scene=/bench-campus.json`)
    console.log(`\nDraw calls per frame              default hall ${hall.calls} (${hall.triangles} triangles); campus ${big.calls} (${big.triangles} triangles)`)
    console.log(`  target: the same small number for both: ${hall.calls === big.calls ? 'met' : 'MISSED'}`)
    results.drawCalls = { hall, campus: big }
  } finally {
    server.stop()
  }
} else {
  console.log('\nDraw calls: needs dist/ (npm run build) and /usr/bin/chromium')
}

// The app in the browser (issue 13): headless Chromium, software WebGL, 1280 × 800, against the
// built app served by `vite preview` (test/e2e/appFigures.ts takes the times inside the page).
await benchApp()

async function benchApp(): Promise<void> {
  if (!existsSync('dist/index.html') || !existsSync('/usr/bin/chromium')) {
    console.log('\nApp figures: need dist/ (npm run build) and /usr/bin/chromium')
    return
  }
  const { loadavg } = await import('node:os')
  const { launchBrowser, startPreview } = await import('../test/e2e/browser')
  const app = await import('../test/e2e/appFigures')
  const TARGETS = { firstVerdictMs: 1500, switchMs: 300, fps: 15, reportMs: 5000 }
  const verdict = (ok: boolean) => (ok ? 'ok' : 'over')
  const server = await startPreview()
  const browser = await launchBrowser()
  try {
    console.log(`\nApp (headless Chromium, software WebGL, 1280 × 800; load average ${loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`)
    const url = `${server.url}/`
    const firsts: number[] = []
    for (let i = 0; i < 3; i++) firsts.push((await app.measureFirstVerdict(browser, url)).ms)
    const first = median(firsts)
    console.log(`  navigation → first verdict on screen   ${fmt(first)}  (median of 3: ${firsts.map((x) => x.toFixed(0)).join(', ')} ms; target ≤ ${TARGETS.firstVerdictMs} ms: ${verdict(first <= TARGETS.firstVerdictMs)})`)
    const switches = await app.measureVariantSwitches(browser, url)
    const worst = Math.max(...switches.map((x) => x.ms))
    const mid = median(switches.map((x) => x.ms))
    console.log(`  variant switch → new verdict on screen ${fmt(mid)}  (median of ${switches.length}, slowest ${worst.toFixed(0)} ms; target ≤ ${TARGETS.switchMs} ms: ${verdict(worst <= TARGETS.switchMs)})`)
    const fps = await app.measureDragFps(browser, url)
    const fpsLine = (label: string, f: typeof fps) =>
      console.log(`  ${label.padEnd(39)}${f.fps.toFixed(1).padStart(8)} fps (${f.frames} frames in ${f.seconds.toFixed(1)} s, ${f.movedFrames} with the camera moved, ${f.movesPerSecond.toFixed(0)} pointer moves/s; ${f.cpuMsPerFrame === null ? '' : `Chromium CPU ${f.cpuMsPerFrame.toFixed(0)} ms a frame; `}load ${f.loadAverage.map((x) => x.toFixed(1)).join(' → ')}; target ≥ ${TARGETS.fps}: ${verdict(f.fps >= TARGETS.fps)})`)
    fpsLine('frames per second, camera dragged', fps)
    const campusFps = await app.measureDragFps(browser, `${url}?scene=/scenes/campus-100mw.json`)
    fpsLine('  the same on the 100 MW campus', campusFps)
    const report = await app.measureReport(browser, url)
    console.log(`  printable report (every variant)       ${fmt(report)}  (target ≤ ${TARGETS.reportMs} ms: ${verdict(report <= TARGETS.reportMs)})`)
    results.app = { firstVerdictMs: firsts, switches, fps, campusFps, reportMs: report, targets: TARGETS, loadAverage: loadavg()[0] }
  } finally {
    await browser.close()
    server.stop()
  }
}

// Layout editor: from an edit (a command applied, the new scene validated) to the updated report
// of the default hall, in Node — what the store does before the worker answers (src/store/historySlice.ts).
{
  const { moveRow } = await import('../src/editor/commands')
  const { parseScene } = await import('../src/model/parse')
  const EDIT_TARGET_MS = 100
  const v0 = siberia.variants[0]!
  const row = v0.halls[0]!.rows[0]!
  let flip = false
  const edit = timeMs(() => {
    flip = !flip
    const next = moveRow(v0.id, row.id, { x: row.position.x + (flip ? 0.5 : 0), y: row.position.y }).execute(siberia)
    if (!parseScene(next, catalog).ok) throw new Error('bench edit made the scene invalid')
    solveVariant(next, v0.id, catalog)
  }, 50)
  console.log(`
Edit → report (default hall): ${edit.medianMs.toFixed(2)} ms  (median; max ${edit.maxMs.toFixed(2)} ms; target ${EDIT_TARGET_MS} ms: ${edit.medianMs < EDIT_TARGET_MS ? 'met' : 'MISSED'})`)
  results.editToReport = { medianMs: edit.medianMs, maxMs: edit.maxMs, targetMs: EDIT_TARGET_MS }
}

// Structures the scene format allows (test/unit/solver/structures.test.ts solves the same kinds):
// a 10,000-deep chain, N+1 groups of 10,000 members, every row at 1,000,000 racks. Target < 2 s each.
{
  const { parseScene } = await import('../src/model/parse')
  const STRUCTURE_TARGET_MS = 2000
  const figures: Record<string, number> = {}
  const report = (label: string, ms: number) => {
    figures[label] = ms
    console.log(`  ${label.padEnd(62)} ${fmt(ms)}  (target < ${STRUCTURE_TARGET_MS} ms: ${ms < STRUCTURE_TARGET_MS ? 'met' : 'MISSED'})`)
  }
  console.log('\nStructures (asic-baseline of the default hall, grown; median of 3)')
  const grown = (grow: (v: Scene['variants'][number]) => void): Scene => {
    const s = structuredClone(siberia)
    grow(s.variants[0]!)
    return s
  }
  const deep = grown((v) => {
    let parent = 'LV-1.1'
    for (let i = 0; i < 10_000; i++) {
      v.power.push({ id: `D${i}`, kind: 'board', parent })
      parent = `D${i}`
    }
    v.halls[0]!.rows[0]!.feed = parent
  })
  report('10,000 boards in series: parse + validate', timeMs(() => parseScene(deep, catalog), 3).medianMs)
  report('10,000 boards in series: solve', timeMs(() => solveVariant(deep, 'asic-baseline', catalog), 3).medianMs)
  for (const ownBoards of [false, true]) {
    const group = grown((v) => {
      for (let i = 0; i < 10_000; i++) {
        const parent = ownBoards ? `B${i}` : 'LV-1.1'
        if (ownBoards) v.power.push({ id: parent, kind: 'board', parent: 'LV-1.1' })
        v.power.push({ id: `M${i}`, kind: 'ups', parent, ratingKVA: 2500, efficiency: 0.96, redundancy: { group: 'BIG', scheme: 'N+1' } })
      }
      v.halls[0]!.rows[0]!.feed = 'M0'
    })
    report(`N+1 group of 10,000 UPS modules${ownBoards ? ', each on its board' : ''}: solve`, timeMs(() => solveVariant(group, 'asic-baseline', catalog), 3).medianMs)
  }
  const racks = structuredClone(siberia)
  for (const v of racks.variants) {
    for (const r of v.halls.flatMap((h) => h.rows)) {
      r.rackCount = 1_000_000
      delete r.rackFeeds
      delete r.rackFeedsB
    }
  }
  for (const v of racks.variants) report(`every row at 10⁶ racks, ${v.id}: solve`, timeMs(() => solveVariant(racks, v.id, catalog), 3).medianMs)
  results.structuresMs = figures
}

// The 3-D airflow model (src/solver/thermal3d, issue 12): the default hall to its steady state
// on the default grid (target ≤ 10 s) and the coarse preview (target ≤ 1 s), with cells ×
// steps per second, and a warm start after a small edit (one row moved 0.5 m). One run each:
// these take seconds, not milliseconds. CPU time of this process is printed beside the wall time
// (on a shared machine the wall time includes other processes' turns).
async function bench3d(): Promise<Record<string, unknown>> {
  const { solveAirflow3d } = await import('../src/solver/thermal3d')
  const PREVIEW_TARGET_MS = 1000
  const DEFAULT_TARGET_MS = 10_000
  const out: Record<string, unknown> = {}
  console.log('\n3-D airflow model (FFD), default hall, asic-baseline (Node, one run each)')
  for (const [grid, target] of [['preview', PREVIEW_TARGET_MS], ['default', DEFAULT_TARGET_MS]] as const) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const r = solveAirflow3d(siberia, 'asic-baseline', catalog, { grid })
    const ms = performance.now() - t0
    const cpuMs = process.cpuUsage(cpu0).user / 1000
    const h = r.halls[0]!
    const cells = h.nx * h.ny * h.nz
    console.log(
      `  ${grid.padEnd(8)} ${h.nx} × ${h.ny} × ${h.nz} = ${cells} cells, ${h.steps} steps${h.converged ? ' (steady)' : ' (step cap)'}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU ` +
        `(target ≤ ${target} ms: wall ${ms <= target ? 'met' : 'MISSED'}, CPU ${cpuMs <= target ? 'met' : 'MISSED'}); ` +
        `${((cells * h.steps) / (cpuMs / 1000) / 1e6).toFixed(2)} M cells × steps per CPU second (${(h.cellStepsPerS / 1e6).toFixed(2)} M per wall second); ` +
        `${h.pressureIterations} CG iterations; balance ${h.balanceErrorPct.toFixed(3)} %; max inlet ${Math.max(...Object.values(h.rackInletC).flat()).toFixed(1)} °C`,
    )
    out[grid] = { nx: h.nx, ny: h.ny, nz: h.nz, cells, steps: h.steps, converged: h.converged, wallMs: ms, cpuMs, targetMs: target, cellStepsPerS: h.cellStepsPerS, balanceErrorPct: h.balanceErrorPct }
    if (grid === 'preview') {
      // Time-step independence (docs/airflow3d.md): the same hall at half the pseudo-time step,
      // run to its steady state; the steady answer must not move.
      const half = solveAirflow3d(siberia, 'asic-baseline', catalog, { grid, dtS: 0.75, maxSteps: 120 }).halls[0]!
      const hot = (x: typeof h) => Math.max(...Object.values(x.rackInletC).flat())
      const meanAir = (x: typeof h) => {
        let s = 0
        let n = 0
        x.tempC.forEach((t, c) => {
          if (!x.solid[c]) ((s += t), n++)
        })
        return s / n
      }
      console.log(
        `  preview at Δt 0.75 s instead of 1.5 s: hottest inlet ${hot(half).toFixed(2)} vs ${hot(h).toFixed(2)} °C (Δ ${(hot(half) - hot(h)).toFixed(2)} K), ` +
          `hall air mean ${meanAir(half).toFixed(2)} vs ${meanAir(h).toFixed(2)} °C (Δ ${(meanAir(half) - meanAir(h)).toFixed(2)} K)`,
      )
      out.previewHalfStep = { hottestC: hot(half), hottestRefC: hot(h), hallMeanC: meanAir(half), hallMeanRefC: meanAir(h) }
      const moved = structuredClone(siberia)
      const row = moved.variants[0]!.halls[0]!.rows[0]!
      row.position = { x: row.position.x + 0.5, y: row.position.y }
      const cpu1 = process.cpuUsage()
      const t1 = performance.now()
      const w = solveAirflow3d(moved, 'asic-baseline', catalog, { grid, warm: { [h.hallId]: h.state } }).halls[0]!
      const wms = performance.now() - t1
      const wcpu = process.cpuUsage(cpu1).user / 1000
      console.log(`  preview after an edit, warm start: ${wms.toFixed(0)} ms wall, ${wcpu.toFixed(0)} ms CPU, ${w.steps} steps${w.converged ? ' (steady)' : ' (step cap)'}`)
      out.previewWarm = { wallMs: wms, cpuMs: wcpu, steps: w.steps, converged: w.converged }
    }
  }
  // Validation runs too long for the unit suite (docs/airflow3d.md, validation): the IEA Annex 20
  // room with the zero-equation closure (the halls') and with a small constant eddy viscosity.
  const { runAnnex20, ANNEX20 } = await import('../src/solver/thermal3d/annex20')
  for (const [label, turbulence] of [['zero-equation', { kind: 'zero-equation' }], ['ν_t = 2e-4 m²/s', { kind: 'constant', nuTM2s: 2e-4 }]] as const) {
    const t0 = performance.now()
    const a = runAnnex20({ cellsPerH: 36, maxSteps: 400, turbulence })
    const H = ANNEX20.heightM
    const peak = (x: number) => Math.max(...a.zs.map((z) => a.uAt(x, z)))
    const ceiling = [1, 3, 6].map((x) => a.uAt(x, H - ANNEX20.slotM / 2).toFixed(2)).join(' / ')
    console.log(
      `  Annex 20 room, ${label}: max u/U0 ${peak(H).toFixed(2)} at x = H, ${peak(2 * H).toFixed(2)} at 2H; ceiling line ${ceiling} at x = 1 / 3 / 6 m; ` +
        `floor line ${a.uAt(7, ANNEX20.slotM / 2).toFixed(2)} at 7 m (${(performance.now() - t0).toFixed(0)} ms)`,
    )
    out[`annex20 ${label}`] = { peakH: peak(H), peak2H: peak(2 * H) }
  }
  return out
}
results.airflow3d = await bench3d()

// ── CLI (issue 13): cold starts of the built CLI, each figure against its target, wall and CPU
// time, npx's own cost measured two ways (scripts/bench-cli.ts).
const { benchCli } = await import('./bench-cli')
results.cli = await benchCli()

mkdirSync('.bench', { recursive: true })
writeFileSync('.bench/results.json', `${JSON.stringify(results, null, 2)}\n`)
