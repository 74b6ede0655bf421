// Browser test of the built app in headless Chromium (software WebGL). Needs dist/ (npx vite build).
// Run: npx tsx test/e2e/app.e2e.ts   — prints "N passed, N failed" last and exits non-zero on failure.
import { readFileSync } from 'node:fs'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { collectErrors, drawFrames } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'
import { measureDrawCalls } from './drawcalls'

const BASELINE = 'asic-baseline'
const GPU_FAILING = 'gpu-h100-air'
/** A 2N chain with busways over the rows, UPSs and generators. */
const GPU_BUSWAYS = 'gpu-gb200-liquid'
const MAX_DRAW_CALLS = 60
const REPORT_READY = '[data-testid=verdict][data-status=ok], [data-testid=verdict][data-status=warn], [data-testid=verdict][data-status=fail]'


async function checksText(page: Page): Promise<string> {
  return page.locator('[data-testid=checks] tbody').innerText()
}

async function waitForVerdict(page: Page, variantId: string): Promise<string> {
  await page.waitForSelector(`[data-testid=verdict][data-variant="${variantId}"]`, { timeout: 60_000 })
  return (await page.locator('[data-testid=verdict]').innerText()).trim()
}

await withApp(async ({ server, browser, errors }) => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  collectErrors(page, errors)
  await page.goto(`${server.url}/`)
  await page.waitForSelector(REPORT_READY, { timeout: 60_000 })
  // The canvas draws on demand: its first frame comes once the first verdict is on screen.
  await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 0, undefined, { timeout: 60_000 })

  await test('canvas is not blank (> 10 distinct colours)', async () => {
    const img = PNG.sync.read(await page.locator('canvas').screenshot())
    const colours = new Set<number>()
    for (let i = 0; i < img.data.length; i += 4) colours.add(((img.data[i] ?? 0) << 16) | ((img.data[i + 1] ?? 0) << 8) | (img.data[i + 2] ?? 0))
    expect(colours.size > 10, `only ${colours.size} distinct colours in the canvas`)
  })

  let baselineChecks = ''
  await test('ASIC baseline passes', async () => {
    const verdict = await waitForVerdict(page, BASELINE)
    expect(/^(OK|WARN)\b/.test(verdict), `baseline verdict is "${verdict}"`)
    baselineChecks = await checksText(page)
    expect(baselineChecks.length > 0, 'checks table is empty')
  })

  await test('switching to the GPU (H100, air) variant fails and changes the checks', async () => {
    await page.click(`[data-testid="variant-${GPU_FAILING}"]`)
    const verdict = await waitForVerdict(page, GPU_FAILING)
    expect(verdict.startsWith('FAIL'), `GPU verdict is "${verdict}"`)
    const gpuChecks = await checksText(page)
    expect(gpuChecks !== baselineChecks, 'checks table did not change')
    const failing = await page.locator('[data-testid=checks] tbody tr[data-status=fail]').count()
    expect(failing > 0, 'no failing check rows')
    const first = await page.locator('[data-testid=checks] tbody tr').first().getAttribute('data-status')
    expect(first === 'fail', `first check row has status ${first}, failing checks must come first`)
  })

  await test('clicking a check selects its subject', async () => {
    await page.locator('[data-testid=checks] tbody tr').first().click()
    await page.waitForSelector('[data-testid=selection-info]', { timeout: 30_000 })
  })

  await test('switching back to the baseline restores its verdict', async () => {
    await page.click(`[data-testid="variant-${BASELINE}"]`)
    const verdict = await waitForVerdict(page, BASELINE)
    expect(/^(OK|WARN)\b/.test(verdict), `baseline verdict is "${verdict}"`)
  })

  await test('status colour mode renders', async () => {
    await page.click('[data-testid=colour-status]')
    await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 0)
    const legend = await page.locator('[data-testid=legend]').innerText()
    expect(/Fails/.test(legend), `legend does not show statuses: ${legend}`)
  })

  await test('utilisation colour mode renders with its legend', async () => {
    await page.click('[data-testid=colour-utilisation]')
    await drawFrames(page, 3)
    const legend = await page.locator('[data-testid=legend]').innerText()
    expect(/of rating/.test(legend) && /over 100 %/.test(legend), `legend does not show utilisation bands: ${legend}`)
  })

  await test('the power panel shows usable IT against installed IT', async () => {
    await page.waitForSelector('[data-testid=power-panel]', { timeout: 30_000 })
    const text = await page.locator('[data-testid=power-panel]').innerText()
    expect(/Usable IT/.test(text) && /Installed IT/.test(text) && /required (N|N\+1|2N)/.test(text), `power panel says: ${text}`)
  })

  await test('the single-line view draws the power chain as SVG boxes', async () => {
    await page.click('[data-testid=view-sld]')
    await page.waitForSelector('[data-testid=sld] svg [data-testid=sld-node]', { timeout: 30_000 })
    const boxes = await page.locator('[data-testid=sld-node]').count()
    expect(boxes > 10, `only ${boxes} boxes in the diagram`)
    const transformers = await page.locator('[data-testid=sld-node][data-kind=transformer]').count()
    expect(transformers > 0, 'no transformer box')
  })

  await test('clicking a transformer in the diagram selects it', async () => {
    await page.click('[data-testid=sld-fit]')
    const box = page.locator('[data-testid=sld-node][data-kind=transformer]').first()
    const id = await box.getAttribute('data-id')
    await box.click()
    await page.waitForSelector(`[data-testid=sld-node].selected[data-id="${id}"]`, { timeout: 30_000 })
    const info = await page.locator('[data-testid=selection-info]').innerText()
    expect(/transformer/i.test(info), `selection readout says: ${info}`)
  })

  await test('back in 3D the selection and the canvas remain', async () => {
    await page.click('[data-testid=view-3d]')
    await drawFrames(page, 3)
    await page.waitForSelector('[data-testid=selection-info]', { timeout: 30_000 })
  })

  await test(`draw calls are a small constant (< ${MAX_DRAW_CALLS})`, async () => {
    const calls = await page.evaluate(() => window.__gl?.info.render.calls ?? -1)
    expect(calls > 0 && calls < MAX_DRAW_CALLS, `${calls} draw calls`)
    const sample = await measureDrawCalls(`${server.url}/?variant=${GPU_FAILING}`)
    expect(sample.calls > 0 && sample.calls < MAX_DRAW_CALLS, `${sample.calls} draw calls for ${GPU_FAILING}`)
    const busways = await measureDrawCalls(`${server.url}/?variant=${GPU_BUSWAYS}`)
    expect(busways.calls > 0 && busways.calls < MAX_DRAW_CALLS, `${busways.calls} draw calls for ${GPU_BUSWAYS}`)
  })

  await test('a bad ?scene shows its field-path errors and keeps a scene', async () => {
    const bad = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await bad.goto(`${server.url}/?scene=/does-not-exist.json`)
    await bad.waitForSelector('[data-testid=scene-errors]', { timeout: 30_000 })
    await bad.waitForSelector(REPORT_READY, { timeout: 60_000 })
    await bad.close()
  })

  await test('opening a malformed scene file shows the field path and keeps the current scene', async () => {
    const scene = JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8'))
    scene.variants[0].halls[0].rows[3].rackCount = -2
    const title = await page.locator('header').innerText()
    const verdictBefore = await page.locator('[data-testid=verdict]').getAttribute('data-variant')
    await page.locator('[data-testid=open-scene-input]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scene)) })
    await page.waitForSelector('[data-testid=scene-errors]', { timeout: 30_000 })
    const panel = await page.locator('[data-testid=scene-errors]').innerText()
    expect(panel.includes('variants[0].halls[0].rows[3].rackCount') && panel.includes('expected a positive integer, got -2'), `error panel says: ${panel}`)
    expect((await page.locator('header').innerText()) === title, 'the top bar changed: the scene was replaced')
    expect((await page.locator('[data-testid=verdict]').getAttribute('data-variant')) === verdictBefore, 'the report changed')
  })

  await test('the side panel\'s economics summary opens the Economics view', async () => {
    await page.click('[data-testid=view-3d]')
    const summary = await page.locator('[data-testid=econ-summary]').innerText()
    expect(/NPV/.test(summary) && /IRR/.test(summary) && /Payback/.test(summary) && /Capex/.test(summary) && /\$/.test(summary), `summary says: ${summary}`)
    await page.click('[data-testid=econ-summary]')
    await page.waitForSelector('[data-testid=view-econ][aria-selected=true]', { timeout: 30_000 })
    await page.waitForSelector('[data-testid=econ-table]', { timeout: 30_000 })
  })

  await test('the economics view has one column per variant, each with an NPV', async () => {
    const variants = await page.locator('[role=tablist][aria-label=Variant] [role=tab]').count()
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=econ-npv] .num').length === n, variants, { timeout: 60_000 })
    const columns = await page.locator('[data-testid=econ-col]').count()
    expect(variants > 1 && columns === variants, `${columns} columns for ${variants} variants`)
    const npvs = await page.locator('[data-testid=econ-npv]').allInnerTexts()
    expect(npvs.every((t) => /^−?\$[\d,.]+( ?[kMB])?( best| not ranked)?$/.test(t.trim())), `NPV cells: ${npvs.join(' | ')}`)
    // A variant that cannot run as drawn is never ranked; exactly one buildable variant is best.
    const noPlant = await page.locator('[data-testid=econ-npv][data-variant="gpu-gb200-no-plant"]').innerText()
    expect(/not ranked/.test(noPlant), `GB200 without a plant: ${noPlant}`)
    expect((await page.locator('[data-testid=econ-best]').count()) === 1, 'one best NPV')
    const buildable = await page.locator('[data-testid=econ-buildable][data-variant="gpu-gb200-no-plant"]').innerText()
    expect(/no/.test(buildable) && /Liquid heat vs CDU capacity/.test(buildable), `buildable cell: ${buildable}`)
    const current = await page.locator('[data-testid=econ-col].current').getAttribute('data-variant')
    expect(current === (await page.locator('[data-testid=verdict]').getAttribute('data-variant')), `highlighted column ${current} is not the current variant`)
  })

  await test('the cash-flow and tornado charts are SVG with content', async () => {
    const lines = await page.locator('[data-testid=econ-cashflow] svg .econ-series path').count()
    const variants = await page.locator('[data-testid=econ-col]').count()
    expect(lines === variants, `${lines} cash-flow lines for ${variants} variants`)
    const zero = await page.locator('[data-testid=econ-cashflow] svg line.econ-zero').count()
    expect(zero === 1, 'the cash-flow chart has no zero line')
    const bars = await page.locator('[data-testid=econ-tornado] svg .econ-tornado-row').count()
    expect(bars > 1, `${bars} tornado bars`)
    const ends = await page.locator('[data-testid=econ-tornado] svg .econ-tornado-value').allTextContents()
    expect(ends.length === bars * 2 && ends.every((t) => /\d/.test(t)), `tornado end labels: ${ends.join(' | ')}`)
    for (const id of ['econ-cashflow', 'econ-tornado']) {
      const img = PNG.sync.read(await page.locator(`[data-testid=${id}] svg`).screenshot())
      const colours = new Set<number>()
      for (let i = 0; i < img.data.length; i += 4) colours.add(((img.data[i] ?? 0) << 16) | ((img.data[i + 1] ?? 0) << 8) | (img.data[i + 2] ?? 0))
      expect(colours.size > 20, `${id}: only ${colours.size} distinct colours`)
    }
  })

  await test('capacity of gb200-nvl72: a number of racks and the check that binds', async () => {
    await page.locator('[data-testid=capacity-device]').selectOption('gb200-nvl72')
    await page.click('[data-testid=capacity-tier-N]')
    await page.click('[data-testid=capacity-run]')
    await page.waitForSelector('[data-testid=capacity-result]:not(.stale) [data-testid=capacity-racks]', { timeout: 120_000 })
    const racks = (await page.locator('[data-testid=capacity-racks]').innerText()).trim()
    expect(/^\d[\d,]*$/.test(racks), `max racks reads "${racks}"`)
    const binding = await page.locator('[data-testid=capacity-binding]').innerText()
    // The figures as `halltwin capacity` writes them (report/format.ts capacityFiguresText):
    // "112 against 0 kW", or the value alone where the check states no limit ("169 min").
    expect(/\d[\d,.]*( against −?[\d,.]+)? \S+/.test(binding) && !/ \/ /.test(binding), `binding check reads: ${binding}`)
    const steps = await page.locator('[data-testid=capacity-steps] svg circle').count()
    expect(steps > 0, 'no steps in the capacity chart')
  })

  await test('an edited scene re-solves the economics and re-runs the capacity search', async () => {
    const before = await page.locator(`[data-testid=econ-npv][data-variant="${BASELINE}"]`).innerText()
    const scene = JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8'))
    for (const row of scene.variants[0].halls[0].rows) row.rackCount = Math.max(1, Math.floor(row.rackCount / 2))
    await page.locator('[data-testid=open-scene-input]').setInputFiles({ name: 'half.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scene)) })
    await page.waitForFunction(
      ([sel, old]) => {
        const el = document.querySelector(sel)
        return el !== null && el.querySelector('.num') !== null && el.textContent !== old
      },
      [`[data-testid=econ-npv][data-variant="${BASELINE}"]`, before] as const,
      { timeout: 60_000 },
    )
    await page.waitForSelector('[data-testid=capacity-result]:not(.stale) [data-testid=capacity-racks]', { timeout: 120_000 })
  })

  await testNoErrors('no page errors or console errors', errors)
})
