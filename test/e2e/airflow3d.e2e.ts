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
import { collectErrors, drawFrames, launchBrowser, restingDrawCalls, startPreview } from './browser'
import { expect, finish, test } from './harness'

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
const server = await startPreview()
const browser = await launchBrowser()
const errors: string[] = []
try {
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

  await test('the slices, streamlines and racks are drawn: warm pixels, four more draw calls', async () => {
    await drawFrames(page, 3)
    const after = await canvasStats(page, join(SHOTS, '1-preview.png'))
    await page.screenshot({ path: join(SHOTS, '1-preview-page.png') })
    const calls = await restingDrawCalls(page)
    expect(after.warm > before.warm + 2000, `${after.warm} warm pixels with the 3-D view, ${before.warm} without`)
    expect(after.colours > 10, `${after.colours} colours on the canvas`)
    // Inlet slice + row slice + streamlines + racks by inlet: one each for the one hall.
    expect(calls === callsBefore + 4, `${calls} draw calls with the 3-D view, ${callsBefore} without`)
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
    await page.waitForFunction((x) => document.querySelector('[data-testid=airflow3d-panel]')?.textContent?.includes(`x = ${x} m`), centre.toFixed(1), { timeout: 60_000 })
    // Esc clears the selection (its outline is a draw call the tests below count without).
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid=row-inspector]', { state: 'detached', timeout: 60_000 })
  })

  await test('another variant starts a new run; Cancel stops it for good; Run starts it again', async () => {
    // A variant switch is a new run (the H100 one, done or not, is superseded).
    await page.click('[data-testid=variant-asic-baseline]')
    await page.waitForSelector('[data-testid=verdict][data-variant="asic-baseline"]', { timeout: 60_000 })
    await page.waitForSelector(`${panel}[data-status=running]`, { timeout: 30_000 })
    await page.click('[data-testid=airflow3d-cancel]')
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

  await test('turning the mode off removes the overlay', async () => {
    await page.click('[data-testid=airflow3d-toggle]')
    await page.waitForSelector(panel, { state: 'detached', timeout: 60_000 })
    const calls = await restingDrawCalls(page)
    expect(calls === callsBefore, `${calls} draw calls after switching off, ${callsBefore} before`)
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

  await test('no console errors', async () => {
    expect(errors.length === 0, errors.join('\n'))
  })
} finally {
  await browser.close()
  server.stop()
}
finish()
