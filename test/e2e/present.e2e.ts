// Browser tests of the presentation and the exports (built app, headless Chromium, software WebGL).
// Run: npx tsx test/e2e/present.e2e.ts   — prints "N passed, N failed" last, non-zero exit on failure.
// With PRESENT_SHOTS=<dir> it also saves screenshots (1920×1080 presentation, 1400×900 app, report).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { collectErrors, launchBrowser, startPreview } from './browser'
import { expect, finish, test } from './harness'

const SHOTS = process.env.PRESENT_SHOTS
if (SHOTS) mkdirSync(SHOTS, { recursive: true })
const REPORT_READY = '[data-testid=verdict][data-status]:not([data-status=pending])'

function colourCount(png: Buffer): number {
  const img = PNG.sync.read(png)
  const colours = new Set<number>()
  for (let i = 0; i < img.data.length; i += 4) colours.add(((img.data[i] ?? 0) << 16) | ((img.data[i + 1] ?? 0) << 8) | (img.data[i + 2] ?? 0))
  return colours.size
}
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, name) })
}

const server = await startPreview()
const browser = await launchBrowser()
const errors: string[] = []
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true })
  const page = await context.newPage()
  collectErrors(page, errors)
  // A fast tour: 20× speed (the scene's investor tour lasts 72 s).
  await page.goto(`${server.url}/?tourSpeed=20`)
  await page.waitForSelector(REPORT_READY, { timeout: 60_000 })
  await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 3, undefined, { timeout: 60_000 })
  await shot(page, 'app-1920.png')

  await test('presentation mode hides the editing chrome', async () => {
    await page.click('[data-testid=present-button]')
    await page.waitForSelector('[data-testid=present-overlay]', { timeout: 30_000 })
    expect((await page.locator('.side-panel, [data-testid=checks]').count()) === 0, 'the side panel or checks table is still shown')
    expect((await page.locator('header.topbar').count()) === 0, 'the top bar is still shown')
    const box = await page.locator('canvas').boundingBox()
    expect(box !== null && box.width >= 1900 && box.height >= 1060, `canvas is ${JSON.stringify(box)}, not full viewport`)
  })

  await test('the tour plays to its end and the captions change (with live figures)', async () => {
    const captions = new Set<string>()
    await page.click('[data-testid=tour-play]')
    const deadline = Date.now() + 90_000
    let ended = false
    while (Date.now() < deadline) {
      const text = await page.locator('[data-testid=tour-caption] .pc-text').innerText().catch(() => '')
      if (text) captions.add(text)
      const state = await page.locator('[data-testid=tour-time]').evaluate((el) => ({ t: Number(el.getAttribute('data-time')), total: Number(el.getAttribute('data-total')) }))
      const playing = await page.locator('[data-testid=tour-player]').getAttribute('data-playing')
      if (captions.size === 2) await shot(page, 'present-step2-1920.png')
      if (captions.size === 5) await shot(page, 'present-step5-1920.png')
      if (playing === 'false' && state.t >= state.total - 0.01) {
        ended = true
        break
      }
      await page.waitForTimeout(120)
    }
    expect(ended, 'the tour did not reach its end')
    expect(captions.size >= 4, `only ${captions.size} distinct captions: ${[...captions].join(' | ')}`)
    const all = [...captions].join(' ')
    expect(!/\{(itMW|pue|verdict|binding|usableMW|npv|facilityMW)\}/.test(all), `unfilled placeholder in: ${all}`)
    expect(/\bPUE 1\.\d\d\b/.test(all) && /\b(OK|WARN|FAIL)\b/.test(all), `captions lack live figures: ${all}`)
    await shot(page, 'present-end-1920.png')
  })

  await test('stepping back and the scrubber move the tour, with equipment labels on screen', async () => {
    await page.click('[data-testid=tour-prev]')
    const step = Number(await page.locator('[data-testid=tour-caption]').getAttribute('data-step'))
    expect(step >= 0, 'no caption after stepping back')
    await page.locator('[data-testid=tour-scrubber]').fill('10')
    await page.waitForFunction(() => document.querySelector('[data-testid=tour-caption]')?.getAttribute('data-step') === '1', undefined, { timeout: 30_000 })
    const visible = await page.locator('.eq-label').evaluateAll((els) => els.filter((e) => (e as HTMLElement).style.visibility === 'visible').map((e) => e.textContent))
    expect(visible.length >= 2, `only ${visible.length} equipment labels visible`)
    await page.waitForTimeout(600)
    await shot(page, 'present-intake-1920.png')
  })

  await test('Esc leaves the presentation', async () => {
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid=present-overlay]', { state: 'detached', timeout: 30_000 })
    await page.waitForSelector('[data-testid=checks]', { state: 'attached', timeout: 30_000 })
  })

  await test('an exported PNG screenshot has the chosen size and is not blank', async () => {
    await page.click('[data-testid=share-menu]')
    await page.selectOption('[data-testid=png-size]', { label: '1280 × 720' })
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-testid=export-png]')])
    const path = await download.path()
    const png = readFileSync(path)
    const img = PNG.sync.read(png)
    expect(img.width === 1280 && img.height === 720, `PNG is ${img.width}×${img.height}`)
    const n = colourCount(png)
    expect(n > 10, `only ${n} colours in the exported PNG`)
    if (SHOTS) writeFileSync(join(SHOTS, 'export.png'), png)
  })

  await test('a bookmark added from the view joins the scene', async () => {
    const before = await page.locator('[data-testid^=bookmark-]').count()
    await page.click('[data-testid=add-bookmark]')
    const after = await page.locator('[data-testid^=bookmark-]').count()
    expect(after === before + 1, `bookmarks ${before} → ${after}`)
  })

  await test('the printable report renders with its charts and a 3D snapshot of every variant', async () => {
    await page.click('[data-testid=report-button]')
    await page.waitForSelector('[data-testid=report-frame]', { timeout: 180_000 })
    const frame = page.frameLocator('[data-testid=report-frame]')
    await frame.locator('svg.chart').first().waitFor({ timeout: 30_000 })
    const charts = await frame.locator('svg.chart').count()
    expect(charts >= 4, `only ${charts} charts`)
    const sections = await frame.locator('section.variant').count()
    const snaps = await frame.locator('img.snapshot').count()
    expect(sections === 4 && snaps === 4, `${sections} variant sections, ${snaps} snapshots`)
    const checks = await frame.locator('[data-check-id]').count()
    expect(checks > 100, `only ${checks} check rows`)
    await shot(page, 'report-1920.png')
    await page.click('[data-testid=report-close]')
  })

  await test('no page errors', async () => {
    expect(errors.length === 0, errors.join('\n'))
  })
  if (SHOTS) {
    await page.setViewportSize({ width: 1400, height: 900 })
    await page.waitForTimeout(800)
    await shot(page, 'app-1400.png')
  }
} finally {
  await browser.close()
  server.stop()
}
finish()
