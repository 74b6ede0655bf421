// Screenshots and timings of the 3-D airflow view for review (not a test): the H100 variant,
// preview then default grid, then an edit (row-1.3 moved 0.5 m) that re-runs warm.
//   npx vite build && npx tsx test/e2e/airflow3d-screenshot.ts [out-dir]
import { join } from 'node:path'
import { forEachPage } from './shots'

const outDir = process.argv[2] ?? '/tmp/halltwin-airflow3d'
const panel = '[data-testid=airflow3d-panel]'
const T = 900_000

await forEachPage(outDir, ['?variant=gpu-h100-air'], async (page) => {
  const shot = async (name: string): Promise<void> => {
    const frame = await page.evaluate(() => (window.__invalidate?.(6), window.__gl?.info.render.frame ?? 0))
    await page.waitForFunction((f) => (window.__gl?.info.render.frame ?? 0) > f + 5, frame, { timeout: 60_000 })
    await page.screenshot({ path: join(outDir, `${name}.png`) })
    console.log(join(outDir, `${name}.png`), '|', (await page.locator('[data-testid=airflow3d-timings]').innerText()).replace(/\n/g, ' '))
  }
  await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 0 && !!window.__editorProbe, undefined, { timeout: 60_000 })
  let t0 = Date.now()
  await page.click('[data-testid=airflow3d-toggle]')
  await page.waitForSelector(`${panel}[data-grid=preview]`, { timeout: T })
  console.log(`cold: preview on screen after ${Date.now() - t0} ms`)
  await shot('airflow3d-preview')
  await page.waitForSelector(`${panel}[data-status=done]`, { timeout: T })
  console.log(`cold: default on screen after ${Date.now() - t0} ms`)
  await shot('airflow3d-default')
  const p = await page.evaluate(() => window.__editorProbe?.screenOf('row-1.3') ?? null)
  if (!p) throw new Error('row-1.3 not on screen')
  await page.mouse.click(p.x, p.y)
  await page.waitForSelector('[data-testid=row-inspector][data-row-id="row-1.3"]', { timeout: 60_000 })
  await page.fill('[data-testid=field-x]', '9.5')
  t0 = Date.now()
  await page.press('[data-testid=field-x]', 'Enter')
  if (await page.locator('[data-testid=asbuilt-copy]').count()) await page.click('[data-testid=asbuilt-copy]')
  await page.waitForSelector(`${panel}[data-status=running]`, { timeout: 60_000 })
  await page.waitForFunction(() => document.querySelector('[data-testid=airflow3d-timings]')?.textContent?.includes('preview'), undefined, { timeout: T })
  console.log(`warm (after an edit): preview on screen after ${Date.now() - t0} ms`)
  await page.waitForSelector(`${panel}[data-status=done]`, { timeout: T })
  console.log(`warm (after an edit): default on screen after ${Date.now() - t0} ms`)
  await page.keyboard.press('Escape')
  await shot('airflow3d-after-edit')
})
