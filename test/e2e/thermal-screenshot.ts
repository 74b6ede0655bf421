// Screenshots of the heat map for visual review (waits for the thermal field, not only the report):
//   npx tsx test/e2e/thermal-screenshot.ts [out-dir] [query ...]   e.g. "?heatmap=1&variant=gpu-h100-air"
import { join } from 'node:path'
import { forEachPage } from './shots'

const outDir = process.argv[2] ?? '/tmp/halltwin-thermal'
const queries = process.argv.length > 3 ? process.argv.slice(3) : ['?heatmap=1']

await forEachPage(outDir, queries, async (page, i, query) => {
  await page.waitForSelector('[data-testid=thermal-summary]', { timeout: 60_000 })
  const frame = await page.evaluate(() => (window.__invalidate?.(6), window.__gl?.info.render.frame ?? 0))
  await page.waitForFunction((f) => (window.__gl?.info.render.frame ?? 0) > f + 5, frame, { timeout: 60_000 })
  await page.waitForTimeout(500)
  const file = join(outDir, `thermal-${i}.png`)
  await page.screenshot({ path: file })
  const summary = await page.locator('[data-testid=thermal-summary]').innerText()
  const calls = await page.evaluate(() => window.__gl?.info.render.calls)
  console.log(file, query, summary, `draw calls ${calls}`)
})
