// Browser test of the 3-D airflow view (issue 12, points 4–5) in the built app (headless Chromium,
// software WebGL). Needs dist/ (npx vite build). Run: npx tsx test/e2e/airflow3d.e2e.ts — prints
// "N passed, N failed" last. Screenshots go to $AIRFLOW3D_SHOTS (default /tmp/halltwin-airflow3d).
// The preview grid takes ≈ 1–5 s in the worker on a busy 2-core machine; every wait is on a
// condition with a generous timeout.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { builtInCatalog } from '../../src/model/catalog'
import { rowRackBoxes } from '../../src/model/layout'
import { parseSceneText } from '../../src/model/parse'
import { snapToCell } from '../../src/viewport/airflow3d/sliceDrag'
import { collectErrors, drawFrames, restingDrawCalls } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'

const GPU_HOT = 'gpu-h100-air'
const SHOTS = process.env.AIRFLOW3D_SHOTS ?? '/tmp/halltwin-airflow3d'
mkdirSync(SHOTS, { recursive: true })

/** Warm on the turbo ramp: red well above blue, green not dominant (thermal.e2e.ts). */
const isWarm = (r: number, g: number, b: number): boolean => r > 170 && r > b + 80 && g < r

async function canvasStats(page: Page, file?: string): Promise<{ warm: number; colours: number; img: PNG }> {
  const png = await page.locator('canvas').screenshot(file ? { path: file } : {})
  const img = PNG.sync.read(png)
  let warm = 0
  const colours = new Set<number>()
  for (let i = 0; i < img.data.length; i += 4) {
    const r = img.data[i] ?? 0
    const g = img.data[i + 1] ?? 0
    const b = img.data[i + 2] ?? 0
    colours.add((r << 16) | (g << 8) | b)
    if (isWarm(r, g, b)) warm++
  }
  return { warm, colours: colours.size, img }
}

const panel = '[data-testid=airflow3d-panel]'
await withApp(async ({ server, browser, errors }) => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  collectErrors(page, errors)
  await page.goto(`${server.url}/?variant=${GPU_HOT}`)
  await page.waitForSelector(`[data-testid=verdict][data-variant="${GPU_HOT}"]`, { timeout: 60_000 })
  await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 0, undefined, { timeout: 60_000 })
  await drawFrames(page, 2)
  const before = await canvasStats(page, join(SHOTS, '0-before.png'))
  const callsBefore = await restingDrawCalls(page)
  let clickedAt = 0

  await test('the 3-D airflow toggle starts a run with a progress bar that moves', async () => {
    clickedAt = Date.now()
    await page.click('[data-testid=airflow3d-toggle]')
    await page.waitForSelector(`${panel}[data-status=running]`, { timeout: 30_000 })
    // The bar shows the solver's steps (preview grid first, then the default grid's).
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=airflow3d-progress]')?.getAttribute('data-fraction') ?? 0) > 0, undefined, { timeout: 60_000, polling: 50 })
    const text = await page.locator(panel).innerText()
    expect(/grid: step \d+\/\d+/.test(text), `panel says: ${text}`)
    expect(/inlet checks and the verdict use the 2-D plan field/i.test(text), `the model note is missing: ${text}`)
  })

  await test('the preview grid arrives first, with cold- and hot-aisle figures', async () => {
    await page.waitForSelector(`${panel}[data-grid=preview]`, { timeout: 120_000 })
    const ms = Date.now() - clickedAt
    const aisles = page.locator('[data-testid=airflow3d-aisles]')
    const cold = Number(await aisles.getAttribute('data-cold'))
    const hot = Number(await aisles.getAttribute('data-hot'))
    expect(Number.isFinite(cold) && Number.isFinite(hot) && hot > cold, `cold ${cold}, hot ${hot}`)
    const timings = await page.locator('[data-testid=airflow3d-timings]').innerText()
    expect(/preview \d+(\.\d)? s/.test(timings), `timings say: ${timings}`)
    console.log(`    preview grid on screen ${ms} ms after the click; panel: ${timings}`)
  })

  await test('the slices, streamlines, handle, particles and racks are drawn: warm pixels, six more draw calls', async () => {
    await drawFrames(page, 3)
    const after = await canvasStats(page, join(SHOTS, '1-preview.png'))
    await page.screenshot({ path: join(SHOTS, '1-preview-page.png') })
    const calls = await restingDrawCalls(page)
    expect(after.warm > before.warm + 2000, `${after.warm} warm pixels with the 3-D view, ${before.warm} without`)
    expect(after.colours > 10, `${after.colours} colours on the canvas`)
    // Inlet slice + row slice + streamlines + slice handle + particles for the one hall, and the
    // racks by inlet: one each, whatever the number of particles.
    expect(calls === callsBefore + 6, `${calls} draw calls with the 3-D view, ${callsBefore} without`)
    const particles = await page.evaluate(() => window.__airflow3dProbe?.particles() ?? 0)
    expect(particles > 100, `${particles} particles in the scene`)
    console.log(`    draw calls ${callsBefore} → ${calls} with the 3-D view; ${particles} particles`)
  })

  await test('the particles play: the canvas draws frame after frame with nothing asking for one', async () => {
    // No __invalidate here: only the particles' own animation loop asks for frames.
    const f0 = await page.evaluate(() => window.__gl?.info.render.frame ?? 0)
    const t0 = Date.now()
    await page.waitForFunction((f0) => (window.__gl?.info.render.frame ?? 0) >= f0 + 6, f0, { timeout: 120_000, polling: 50 })
    const frames = (await page.evaluate(() => window.__gl?.info.render.frame ?? 0)) - f0
    const calls = await page.evaluate(() => window.__gl?.info.render.calls ?? 0)
    console.log(`    ${frames} frames in ${Date.now() - t0} ms while the particles play (${((frames * 1000) / (Date.now() - t0)).toFixed(1)} fps, ${calls} draw calls a frame)`)
    expect((await page.getAttribute('[data-testid=airflow3d-particles]', 'aria-pressed')) === 'true', 'the particles are not shown as playing')
  })

  await test('the vertical slice follows the slider', async () => {
    const first = await canvasStats(page)
    const slider = page.locator('[data-testid=airflow3d-slice]')
    const min = Number(await slider.getAttribute('min'))
    await slider.fill(String(min + 6))
    await page.waitForFunction((x) => document.querySelector('[data-testid=airflow3d-panel]')?.textContent?.includes(`x = ${x.toFixed(1)} m`), min + 6, { timeout: 60_000 })
    await drawFrames(page, 3)
    const moved = await canvasStats(page, join(SHOTS, '2-slice-moved.png'))
    let differ = 0
    for (let i = 0; i < moved.img.data.length; i += 4) if (moved.img.data[i] !== first.img.data[i] || moved.img.data[i + 1] !== first.img.data[i + 1]) differ++
    expect(differ > 1000, `${differ} pixels changed when the slice moved`)
  })

  await test('dragging the slice handle moves the slice along the hall: slider, readout and picture follow, the camera stays', async () => {
    const slider = page.locator('[data-testid=airflow3d-slice]')
    const readAt = async () => Number(await page.getAttribute('[data-testid=airflow3d-slice-at]', 'data-at'))
    const at0 = await readAt()
    const camera0 = await page.evaluate(() => window.__editorProbe?.camera() ?? null)
    const first = await canvasStats(page)
    const h = await page.evaluate(() => window.__airflow3dProbe?.handle() ?? null)
    expect(h !== null, 'no slice handle on screen')
    // Drag it 160 px to the right on screen: down the hall, towards larger x in this view.
    const to = { x: h!.x + 160, y: h!.y + 40 }
    await page.mouse.move(h!.x, h!.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: 8 })
    await page.waitForFunction((at0) => Number(document.querySelector('[data-testid=airflow3d-slice-at]')?.getAttribute('data-at')) !== at0, at0, { timeout: 60_000 })
    await page.mouse.up()
    await page.waitForFunction(() => !document.querySelector('[data-testid=airflow3d-slice-at]')?.textContent?.includes('dragging'), undefined, { timeout: 60_000 })
    const at1 = await readAt()
    const min = Number(await slider.getAttribute('min'))
    const step = Number(await slider.getAttribute('step'))
    // Snapped: a cell centre (min is the first one), and the slider shows the same state.
    const cells = (at1 - min) / step
    expect(Math.abs(cells - Math.round(cells)) < 1e-6, `the slice at ${at1} is not on a cell centre (first ${min}, cell ${step} m)`)
    expect(Math.abs(Number(await slider.inputValue()) - at1) < 1e-6, `slider ${await slider.inputValue()}, slice ${at1}`)
    expect(at1 - at0 > 3 * step, `the slice went from ${at0} to ${at1} m for a drag 160 px down the hall`)
    // The handle followed the pointer: it is drawn nearer the release point than where it started.
    const h1 = await page.evaluate(() => window.__airflow3dProbe?.handle() ?? null)
    expect(h1 !== null && Math.abs(h1.x - to.x) < Math.abs(h!.x - to.x) / 2, `handle at ${JSON.stringify(h1)}, released at ${JSON.stringify(to)}, was at ${JSON.stringify(h)}`)
    // The orbit controls were off: the camera did not turn.
    const camera1 = await page.evaluate(() => window.__editorProbe?.camera() ?? null)
    expect(JSON.stringify(camera1) === JSON.stringify(camera0), `the camera moved: ${JSON.stringify(camera0)} → ${JSON.stringify(camera1)}`)
    // The vertical slice was drawn again where it now stands.
    await drawFrames(page, 3)
    const moved = await canvasStats(page, join(SHOTS, '2b-slice-dragged.png'))
    let differ = 0
    for (let i = 0; i < moved.img.data.length; i += 4) if (Math.abs(moved.img.data[i]! - first.img.data[i]!) > 40 || Math.abs(moved.img.data[i + 2]! - first.img.data[i + 2]!) > 40) differ++
    expect(differ > 1000, `${differ} pixels changed when the slice was dragged`)
    // Nothing was selected by the press on the handle.
    expect((await page.locator('[data-testid=row-inspector]').count()) === 0, 'the press on the handle selected a row')
  })

  await test('a selected row puts the vertical slice across it', async () => {
    // Where: the middle of row 1.3's racks along x, from the scene's own layout.
    const catalog = builtInCatalog()
    const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
    if (!parsed.ok) throw new Error('the example scene does not parse')
    const hall = parsed.scene.variants.find((v) => v.id === GPU_HOT)!.halls[0]!
    const boxes = rowRackBoxes(hall, hall.rows.find((r) => r.id === 'row-1.3')!, catalog)
    const centre = boxes.reduce((s, b) => s + b.cx, 0) / boxes.length
    const p = await page.evaluate(() => window.__editorProbe?.screenOf('row-1.3') ?? null)
    expect(p !== null, 'row 1.3 is not on screen')
    await page.mouse.click(p!.x, p!.y)
    await page.waitForSelector('[data-testid=row-inspector][data-row-id="row-1.3"]', { timeout: 60_000 })
    await page.click('[data-testid=airflow3d-slice-row]')
    // Drawn on the cell column holding the row's middle: its centre (the slider's first value is
    // the first column's centre, its step a column).
    const slider = page.locator('[data-testid=airflow3d-slice]')
    const step = Number(await slider.getAttribute('step'))
    const from = Number(await slider.getAttribute('min')) - step / 2
    const want = snapToCell(centre, { from, cellM: step, count: 10_000 })
    await page.waitForFunction((x) => Math.abs(Number(document.querySelector('[data-testid=airflow3d-slice-at]')?.getAttribute('data-at')) - x) < 1e-6, want, { timeout: 60_000 })
    expect(Math.abs(want - centre) <= step / 2, `row middle ${centre}, slice ${want}`)
    // Esc clears the selection (its outline is a draw call the tests below count without).
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid=row-inspector]', { state: 'detached', timeout: 60_000 })
  })

  await test('another variant starts a new run; Cancel stops it for good; Run starts it again', async () => {
    // The particles paused for this test (the next one plays them again). The ASIC run can be over
    // in ≈ 10 s, and the Cancel button jumps up once when its preview arrives (the panel, anchored
    // at the bottom, grows); with the particles' software-rendered frames (0.5–1.5 s each) slowing
    // Playwright's checks, the click did not land before the run was done in 3 of 6 runs.
    await page.click('[data-testid=airflow3d-particles]')
    await page.waitForSelector('[data-testid=airflow3d-particles][aria-pressed=false]', { timeout: 60_000 })
    // A variant switch is a new run (the H100 one, done or not, is superseded).
    await page.click('[data-testid=variant-asic-baseline]')
    await page.waitForSelector('[data-testid=verdict][data-variant="asic-baseline"]', { timeout: 60_000 })
    await page.waitForSelector(`${panel}[data-status=running]`, { timeout: 30_000 })
    await page.click('[data-testid=airflow3d-cancel]').catch(async (e: unknown) => {
      const status = await page.locator(panel).getAttribute('data-status')
      throw new Error(`${String(e).split('\n')[0]}; the panel now: ${status}: ${(await page.locator(panel).innerText()).slice(0, 300)}`)
    })
    await page.waitForSelector(`${panel}[data-status=cancelled]`, { timeout: 60_000 })
    // The grid on screen when cancelled: none yet, or the preview if it came before the verdict did.
    const gridAtCancel = await page.locator(panel).getAttribute('data-grid')
    expect((await page.locator('[data-testid=airflow3d-progress]').count()) === 0, 'the progress bar is still shown')
    // The worker is gone: nothing more arrives. A negative check cannot wait on a condition: give
    // a stray message time to show up (the preview grid takes seconds), then look again.
    await page.waitForTimeout(3000)
    expect((await page.locator(panel).getAttribute('data-status')) === 'cancelled', 'the run came back after Cancel')
    const grid = await page.locator(panel).getAttribute('data-grid')
    expect(grid === gridAtCancel, `a grid of the cancelled run arrived after Cancel: "${grid}", was "${gridAtCancel}"`)
    await page.click('[data-testid=airflow3d-run]')
    await page.waitForSelector(`${panel}[data-status=running]`, { timeout: 60_000 })
    await page.waitForFunction(() => document.querySelector('[data-testid=airflow3d-timings]')?.textContent?.includes('preview'), undefined, { timeout: 120_000 })
    await page.screenshot({ path: join(SHOTS, '3-asic-preview-page.png') })
    await page.click('[data-testid=airflow3d-cancel]').catch(() => undefined) // the default grid may be done already
    await page.waitForSelector(`${panel}:is([data-status=cancelled], [data-status=done])`, { timeout: 60_000 })
  })

  /** Frames drawn in `ms` with nothing asking for one. A negative check cannot wait on a
   *  condition: the canvas is given time to draw (at the particles' 30 fps, dozens of frames). */
  const idleFrames = async (ms: number): Promise<number> => {
    await drawFrames(page, 2) // what was asked for before is drawn
    // drawFrames's last poll asked for one more frame: let it be drawn before counting.
    await page.waitForTimeout(1500)
    const f0 = await page.evaluate(() => window.__gl?.info.render.frame ?? 0)
    await page.waitForTimeout(ms)
    return (await page.evaluate(() => window.__gl?.info.render.frame ?? 0)) - f0
  }

  await test('paused particles stand still and the canvas rests; Play starts them again', async () => {
    // Paused by the test above.
    await page.waitForSelector('[data-testid=airflow3d-particles][aria-pressed=false]', { timeout: 60_000 })
    const frames = await idleFrames(2500)
    expect(frames === 0, `${frames} frames drawn in 2.5 s with the particles paused`)
    // For the record: how fast the canvas draws when asked for frame after frame, paused.
    const t0 = Date.now()
    await drawFrames(page, 5)
    const calls = await page.evaluate(() => window.__gl?.info.render.calls ?? 0)
    console.log(`    paused: no frame in 2.5 s; asked for, 5 frames in ${Date.now() - t0} ms (${(5000 / (Date.now() - t0)).toFixed(1)} fps, ${calls} draw calls a frame)`)
    await page.click('[data-testid=airflow3d-particles]')
    const f0 = await page.evaluate(() => window.__gl?.info.render.frame ?? 0)
    await page.waitForFunction((f0) => (window.__gl?.info.render.frame ?? 0) >= f0 + 4, f0, { timeout: 120_000, polling: 50 })
  })

  await test('turning the mode off removes the overlay and the canvas rests', async () => {
    await page.click('[data-testid=airflow3d-toggle]')
    await page.waitForSelector(panel, { state: 'detached', timeout: 60_000 })
    const calls = await restingDrawCalls(page)
    expect(calls === callsBefore, `${calls} draw calls after switching off, ${callsBefore} before`)
    const frames = await idleFrames(2500)
    expect(frames === 0, `${frames} frames drawn in 2.5 s with the 3-D view off`)
    expect((await page.evaluate(() => window.__airflow3dProbe?.particles() ?? 0)) === 0, 'particles left in the scene')
  })

  await test('one field on the floor at a time: the heat map turns the 3-D view off, and back', async () => {
    await page.click('[data-testid=airflow3d-toggle]')
    await page.waitForSelector('[data-testid=airflow3d-toggle][aria-pressed=true]', { timeout: 60_000 })
    await page.click('[data-testid=heatmap-toggle]')
    await page.waitForSelector('[data-testid=heatmap-toggle][aria-pressed=true]', { timeout: 60_000 })
    await page.waitForSelector('[data-testid=airflow3d-toggle][aria-pressed=false]', { timeout: 60_000 })
    await page.click('[data-testid=airflow3d-toggle]')
    await page.waitForSelector('[data-testid=heatmap-toggle][aria-pressed=false]', { timeout: 60_000 })
    await page.click('[data-testid=airflow3d-toggle]')
    await page.waitForSelector('[data-testid=airflow3d-toggle][aria-pressed=false]', { timeout: 60_000 })
  })

  await testNoErrors('no console errors', errors)
})
