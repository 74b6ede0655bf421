// Screenshots of the Economics view for visual review (after `npx vite build`):
//   npx tsx test/e2e/econ-screenshot.ts [out-dir] [query ...]   e.g. "" "?variant=gpu-gb200-liquid"
// Each query gives econ-<i>.png (the top of the view), econ-<i>-capacity.png (scrolled to the
// capacity card after a search for the default device), econ-<i>-bottom.png (scrolled to the end)
// and econ-<i>-panel.png (the side panel).
import { join } from 'node:path'
import { forEachPage } from './shots'

const outDir = process.argv[2] ?? '/tmp/halltwin-econ'
const queries = process.argv.length > 3 ? process.argv.slice(3) : ['']

await forEachPage(outDir, queries, async (page, i, query) => {
  await page.waitForSelector('[data-testid=econ-summary]', { timeout: 60_000 })
  await page.screenshot({ path: join(outDir, `econ-${i}-panel.png`) })
  await page.click('[data-testid=view-econ]')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=econ-npv] .num').length > 1, undefined, { timeout: 60_000 })
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(outDir, `econ-${i}.png`) })
  const t0 = Date.now()
  await page.click('[data-testid=capacity-run]')
  await page.waitForSelector('[data-testid=capacity-racks]', { timeout: 120_000 })
  const searchMs = Date.now() - t0
  await page.locator('[data-testid=capacity]').scrollIntoViewIfNeeded()
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(outDir, `econ-${i}-capacity.png`) })
  await page.locator('[data-testid=econ]').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(outDir, `econ-${i}-bottom.png`) })
  console.log(join(outDir, `econ-${i}.png`), query, `capacity search ${searchMs} ms`)
})
