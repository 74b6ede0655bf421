// Browser test of the thermal field in the built app (headless Chromium, software WebGL). Needs
// dist/ (npx vite build). Run: npx tsx test/e2e/thermal.e2e.ts — prints "N passed, N failed" last
// and exits non-zero on failure.
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { collectErrors, drawFrames, restingDrawCalls } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'

const GPU_HOT = 'gpu-h100-air'
/** A pixel reads as warm on the turbo ramp: red well above blue and green not dominant. */
const isWarm = (r: number, g: number, b: number): boolean => r > 170 && r > b + 80 && g < r


async function warmPixels(page: Page): Promise<number> {
  const img = PNG.sync.read(await page.locator('canvas').screenshot())
  let warm = 0
  for (let i = 0; i < img.data.length; i += 4) if (isWarm(img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0)) warm++
  return warm
}

async function framesLater(page: Page, frames: number): Promise<void> {
  // The canvas draws on demand: ask for the frames.
  const frame = await page.evaluate((n) => (window.__invalidate?.(n + 1), window.__gl?.info.render.frame ?? 0), frames)
  await page.waitForFunction(([f, n]) => (window.__gl?.info.render.frame ?? 0) > f + n, [frame, frames] as const, { timeout: 30_000 })
}

await withApp(async ({ server, browser, errors }) => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  collectErrors(page, errors)
  await page.goto(`${server.url}/?variant=${GPU_HOT}`)
  await page.waitForSelector(`[data-testid=verdict][data-variant="${GPU_HOT}"]`, { timeout: 60_000 })
  await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 0, undefined, { timeout: 60_000 })
  // A frame at rest: the first one may also draw the shadow map (its draw calls count too).
  await drawFrames(page, 2, 60_000)
  const warmBefore = await warmPixels(page)
  const callsBefore = await restingDrawCalls(page)

  await test('the heat map toggle computes the field and shows its °C legend', async () => {
    await page.click('[data-testid=heatmap-toggle]')
    await page.waitForSelector('[data-testid=thermal-legend]', { timeout: 30_000 })
    await page.waitForSelector('[data-testid=thermal-summary]', { timeout: 60_000 })
    const text = await page.locator('[data-testid=thermal-legend]').innerText()
    expect(/°C/.test(text) && /Hottest air \d+(\.\d)? °C/.test(text), `legend says: ${text}`)
  })

  await test('the canvas shows warm colours on the floor', async () => {
    await framesLater(page, 3)
    const warm = await warmPixels(page)
    expect(warm > warmBefore + 500, `${warm} warm pixels with the heat map, ${warmBefore} without`)
  })

  await test('the overlay costs one draw call per hall', async () => {
    const calls = await restingDrawCalls(page)
    expect(calls === callsBefore + 1, `${calls} draw calls with the heat map, ${callsBefore} without`)
  })

  await test('racks coloured by inlet temperature', async () => {
    await page.click('[data-testid=heatmap-toggle]')
    await page.click('[data-testid=colour-temperature]')
    await framesLater(page, 3)
    const warm = await warmPixels(page)
    expect(warm > warmBefore + 200, `${warm} warm pixels with racks by inlet, ${warmBefore} by kind`)
  })

  await testNoErrors('no console errors', errors)
})
