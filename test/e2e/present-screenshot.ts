// Screenshot of the presentation for the README (after `npx vite build`), 1600 × 1000:
//   npx tsx test/e2e/present-screenshot.ts [out.png] [step]
// Opens Present, pauses, steps to the given tour step (default 3: the air-cooled H100 variant,
// which is not buildable as drawn) and waits for the money caption and a few frames.
import { launchBrowser, startPreview } from './browser'

const out = process.argv[2] ?? '/tmp/present.png'
const step = Number(process.argv[3] ?? 3)
const server = await startPreview()
const browser = await launchBrowser()
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
  page.setDefaultTimeout(300_000)
  page.on('pageerror', (e) => console.log('pageerror:', e.message))
  await page.goto(`${server.url}/`)
  await page.waitForSelector('[data-testid=verdict][data-status]:not([data-status=pending])')
  await page.evaluate(() => (document.querySelector('[data-testid=present-button]') as HTMLButtonElement).click())
  await page.waitForSelector('[data-testid=tour-player]')
  // Pause, back to 0:00, then step: the camera is put at the step's bookmark at once.
  await page.evaluate(() => {
    if (document.querySelector('[data-testid=tour-player]')?.getAttribute('data-playing') === 'true') (document.querySelector('[data-testid=tour-play]') as HTMLButtonElement).click()
  })
  await page.locator('[data-testid=tour-scrubber]').fill('0', { force: true })
  await page.evaluate((n) => {
    for (let i = 0; i < n; i++) (document.querySelector('[data-testid=tour-next]') as HTMLButtonElement).click()
  }, step)
  await page.waitForSelector(`[data-testid=tour-caption][data-step="${step}"] [data-testid=caption-money]`, { state: 'attached' })
  console.log(await page.locator('[data-testid=tour-caption]').innerText())
  // The caption fades in over 0.6 s and the variant banner over 3.2 s; let a few frames land.
  // The canvas draws on demand: a paused tour asks for no frames, so ask for them.
  await page.waitForTimeout(3500)
  const f0 = await page.evaluate(() => (window.__invalidate?.(3), window.__gl?.info.render.frame ?? 0))
  await page.waitForFunction((f) => (window.__gl?.info.render.frame ?? 0) >= f + 3, f0)
  await page.screenshot({ path: out })
  console.log(out)
} finally {
  await browser.close()
  server.stop()
}
