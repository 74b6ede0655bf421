// Browser test of the single-line diagram in the built app (headless Chromium, 1600 × 1000). Needs
// dist/ (npx vite build). Run: npx tsx test/e2e/sld.e2e.ts — prints "N passed, N failed" last.
//
// "Fitted" means: the whole diagram (the bounding box of its drawing) lies inside the diagram's
// view, and the scale is readable — at least MIN_READABLE_K, so the 12 px figures show at 8.4 px
// or more and the 13 px tags at 9 px or more.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { collectErrors } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'

const MIN_READABLE_K = 0.7
/** One wheel notch must zoom by less than this. */
const MAX_NOTCH_FACTOR = 1.5

interface Fit {
  k: number
  inside: boolean
  box: { left: number; top: number; right: number; bottom: number }
  view: { left: number; top: number; right: number; bottom: number }
}

async function fitState(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid=sld-svg]') as SVGSVGElement
    const drawing = document.querySelector('[data-testid=sld-diagram]') as SVGGElement
    const b = drawing.getBoundingClientRect()
    const v = svg.getBoundingClientRect()
    const box = { left: b.left, top: b.top, right: b.right, bottom: b.bottom }
    const view = { left: v.left, top: v.top, right: v.right, bottom: v.bottom }
    const inside = b.width > 50 && b.left >= v.left - 1 && b.top >= v.top - 1 && b.right <= v.right + 1 && b.bottom <= v.bottom + 1
    return { k: Number(svg.dataset.k ?? 'NaN'), inside, box, view }
  })
}

/** Waits until the zoom stops moving (a glide takes 260 ms), then returns where it settled. */
async function settled(page: Page): Promise<Fit> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const svg = document.querySelector('[data-testid=sld-svg]') as SVGSVGElement | null
        const k0 = svg?.dataset.k
        const g0 = document.querySelector('[data-testid=sld-viewport]')?.getAttribute('transform')
        setTimeout(() => resolve(!!k0 && svg?.dataset.k === k0 && document.querySelector('[data-testid=sld-viewport]')?.getAttribute('transform') === g0), 400)
      }),
    undefined,
    { timeout: 30_000 },
  )
  return fitState(page)
}

const fmt = (f: Fit) => `k ${f.k.toFixed(3)}, drawing ${JSON.stringify(f.box)} in view ${JSON.stringify(f.view)}`

await withApp(async ({ server, browser, errors }) => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true })
  // A busy machine renders the 3D hall (software WebGL) for seconds per frame: clicks wait long.
  page.setDefaultTimeout(120_000)
  collectErrors(page, errors)
  await page.goto(`${server.url}/?variant=gpu-gb200-liquid`)
  await page.waitForSelector('[data-testid=verdict][data-variant="gpu-gb200-liquid"]', { timeout: 120_000 })

  await test('the 2N GB200 diagram opens fitted and readable', async () => {
    await page.click('[data-testid=view-sld]')
    await page.waitForSelector('[data-testid=sld-node][data-id="row-1.1"]', { timeout: 60_000 })
    const f = await settled(page)
    expect(f.inside, `not fitted: ${fmt(f)}`)
    expect(f.k >= MIN_READABLE_K, `fitted at an unreadable scale: ${fmt(f)}`)
  })

  await test('identical branches are folded: the 11 rows are one "× 11" box with one A and one B cord', async () => {
    const count = await page.locator('[data-testid=sld-node][data-id="row-1.1"]').getAttribute('data-count')
    expect(count === '11', `row box stands for ${count} rows`)
    const nodes = await page.locator('[data-testid=sld-node]').count()
    expect(nodes < 40, `${nodes} elements drawn`)
    const cords = await page.locator('[data-link$=">row-1.1"]').count()
    expect(cords === 2, `${cords} wires into the row box`)
  })

  await test('elements carry their rating, voltage and loading', async () => {
    const t = await page.locator('[data-testid=sld-node][data-id="T-1.1A"]').textContent()
    expect(/2,500 kVA/.test(t ?? '') && /10\/0\.4 kV/.test(t ?? '') && /\d+ %/.test(t ?? ''), `transformer reads: ${t}`)
    const bus = await page.locator('[data-testid=sld-node][data-id="MV-1.A"]').textContent()
    expect(/10 kV/.test(bus ?? '') && /MVA/.test(bus ?? ''), `switchgear reads: ${bus}`)
    const bars = await page.locator('[data-testid=sld-node][data-kind=switchgear] .sld-bar').count()
    const breakers = await page.locator('.sld-breaker').count()
    expect(bars === 2 && breakers >= 8, `${bars} switchgear bars, ${breakers} breakers`)
  })

  await test('clicking an element selects it (the selection stays through the variant switches below)', async () => {
    await page.locator('[data-testid=sld-node][data-id="ST-2"]').click()
    await page.waitForSelector('[data-testid=sld-node].selected[data-id="ST-2"]', { timeout: 30_000 })
  })

  /** Zooms in about the middle of the view until the drawing no longer fits (a user looking closer). */
  async function zoomIn(notches: number): Promise<void> {
    const { view } = await fitState(page)
    await page.mouse.move((view.left + view.right) / 2, (view.top + view.bottom) / 2)
    for (let i = 0; i < notches; i++) await page.mouse.wheel(0, -100)
    await page.waitForFunction(() => {
      const svg = document.querySelector('[data-testid=sld-svg]') as SVGSVGElement
      const b = (document.querySelector('[data-testid=sld-diagram]') as SVGGElement).getBoundingClientRect()
      const v = svg.getBoundingClientRect()
      return b.left < v.left || b.right > v.right || b.top < v.top || b.bottom > v.bottom
    }, undefined, { timeout: 10_000 })
  }

  await test('switching variant in the diagram fits it again', async () => {
    // zoomed in on the 2N chain, then another variant: it must be framed whole, not left as it was
    await zoomIn(5)
    await page.click('[data-testid=variant-asic-baseline]')
    await page.waitForSelector('[data-testid=sld-node][data-id="LV-1.AUX"]', { timeout: 60_000 })
    const f = await settled(page)
    expect(f.inside && f.k >= MIN_READABLE_K, `after the switch: ${fmt(f)}`)
    await zoomIn(5)
    await page.click('[data-testid=variant-gpu-gb200-liquid]')
    await page.waitForSelector('[data-testid=sld-node][data-id="row-1.1"]', { timeout: 60_000 })
    const back = await settled(page)
    expect(back.inside && back.k >= MIN_READABLE_K, `back on 2N: ${fmt(back)}`)
  })

  await test('the window resized: fitted again', async () => {
    await page.setViewportSize({ width: 1280, height: 860 })
    await page.waitForFunction(() => {
      const svg = document.querySelector('[data-testid=sld-svg]') as SVGSVGElement
      const b = (document.querySelector('[data-testid=sld-diagram]') as SVGGElement).getBoundingClientRect()
      return b.right <= svg.getBoundingClientRect().right + 1
    }, undefined, { timeout: 10_000 })
    const f = await settled(page)
    expect(f.inside, `after resize: ${fmt(f)}`)
    await page.setViewportSize({ width: 1600, height: 1000 })
    await settled(page)
  })

  await test('the wheel zooms smoothly: one notch < 1.5×, four notches < 2×, about the cursor', async () => {
    const start = await settled(page)
    const view = start.view
    await page.mouse.move((view.left + view.right) / 2, (view.top + view.bottom) / 2)
    let k = start.k
    for (let notch = 0; notch < 4; notch++) {
      await page.mouse.wheel(0, -100)
      await page.waitForFunction((k0) => Number((document.querySelector('[data-testid=sld-svg]') as SVGSVGElement).dataset.k) > k0, k, { timeout: 30_000 })
      const next = (await fitState(page)).k
      expect(next / k < MAX_NOTCH_FACTOR, `one notch zoomed ${(next / k).toFixed(2)}×`)
      k = next
    }
    expect(k / start.k < 2, `four notches zoomed ${(k / start.k).toFixed(2)}×`)
    const label = await page.locator('[data-testid=sld-zoom]').textContent()
    expect(label === `${Math.round(k * 100)} %`, `toolbar says ${label} at k ${k}`)
    await page.click('[data-testid=sld-fit]')
    const f = await settled(page)
    expect(f.inside, `Fit: ${fmt(f)}`)
  })

  await test('"× 11" unfolds the branch on both sides, "Fold all" folds it back', async () => {
    await page.locator('[data-testid=sld-node][data-id="T-1.1A"] [data-testid=sld-fold]').first().click()
    await page.waitForSelector('[data-testid=sld-node][data-id="T-1.11A"]', { timeout: 30_000 })
    await page.waitForSelector('[data-testid=sld-node][data-id="T-1.11B"]', { timeout: 30_000 })
    const f = await settled(page)
    expect(f.inside, `unfolded, not fitted: ${fmt(f)}`)
    await page.click('[data-testid=sld-fold-all]')
    await page.waitForSelector('[data-testid=sld-node][data-id="T-1.11A"]', { state: 'detached', timeout: 30_000 })
  })

  await test('focus shows only the path from the grid to row 1.5, with its figures', async () => {
    await page.selectOption('[data-testid=sld-focus]', 'row-1.5')
    await page.waitForSelector('[data-testid=sld-node][data-id="T-1.5A"]', { timeout: 30_000 })
    const ids = await page.locator('[data-testid=sld-node]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))
    for (const id of ['GRID', 'ST-1', 'ST-2', 'MV-1.A', 'MV-1.B', 'T-1.5A', 'T-1.5B', 'UPS-1.5A', 'UPS-1.5B', 'BW-1.5A', 'BW-1.5B', 'row-1.5']) {
      expect(ids.includes(id), `${id} missing from the path: ${ids.join(', ')}`)
    }
    expect(!ids.includes('T-1.1A') && !ids.includes('row-1.1') && !ids.includes('LV-1.AUXA'), `off-path elements drawn: ${ids.join(', ')}`)
    const ups = await page.locator('[data-testid=sld-node][data-id="UPS-1.5A"]').textContent()
    expect(/kVA · \d+ %/.test(ups ?? ''), `UPS on the path reads: ${ups}`)
    const f = await settled(page)
    expect(f.inside && f.k >= MIN_READABLE_K, `focus not fitted: ${fmt(f)}`)
    await page.selectOption('[data-testid=sld-focus]', '')
    await page.waitForSelector('[data-testid=sld-node][data-id="LV-1.AUXA"]', { timeout: 30_000 })
  })

  await test('export gives a standalone SVG of the whole diagram', async () => {
    const download = page.waitForEvent('download', { timeout: 30_000 })
    await page.click('[data-testid=sld-export-svg]')
    const file = await (await download).path()
    const text = file ? readFileSync(file, 'utf8') : ''
    expect(text.startsWith('<?xml') && /<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(text), `not an SVG document: ${text.slice(0, 120)}`)
    expect(text.includes('row-1.1') && text.includes('MV-1.B') && text.includes('<style'), 'the SVG lacks the diagram or its style')
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
      const root = doc.documentElement
      return { error: doc.querySelector('parsererror')?.textContent ?? null, viewBox: root.getAttribute('viewBox'), transform: doc.querySelector('[data-testid=sld-viewport]')?.getAttribute('transform') ?? null }
    }, text)
    expect(parsed.error === null, `the SVG does not parse: ${parsed.error}`)
    const [, , w, h] = (parsed.viewBox ?? '').split(' ').map(Number)
    expect((w ?? 0) > 800 && (h ?? 0) > 600 && parsed.transform === null, `viewBox ${parsed.viewBox}, zoom left in: ${parsed.transform}`)
  })

  await test('Print / PDF puts the whole diagram, in dark ink on white, on a landscape page', async () => {
    await page.click('[data-testid=sld-print]')
    const frame = page.frameLocator('iframe[data-testid=sld-print-frame]')
    await frame.locator('svg.paper [data-testid=sld-node][data-id="row-1.1"]').waitFor({ state: 'attached', timeout: 30_000 })
    const css = await frame.locator('head style').textContent()
    expect(/size:\s*A3 landscape/.test(css ?? ''), `print style: ${css}`)
  })

  await testNoErrors('no console errors', errors)
})
