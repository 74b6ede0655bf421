// Screenshots of the single-line diagram for visual review (after `npx vite build`):
//   npx tsx test/e2e/sld-screenshot.ts [out-dir] [query ...]   e.g. "" "?scene=/campus.json"
// Each query gives sld-<i>.png (fitted) and sld-<i>-zoom.png (zoomed in on the top of the chain).
import { join } from 'node:path'
import { forEachPage } from './shots'

const outDir = process.argv[2] ?? '/tmp/halltwin-sld'
const queries = process.argv.length > 3 ? process.argv.slice(3) : ['']

await forEachPage(outDir, queries, async (page, i, query) => {
  await page.click('[data-testid=view-sld]')
  const t0 = Date.now()
  await page.waitForSelector('[data-testid=sld-node]', { timeout: 60_000 })
  const boxes = await page.locator('[data-testid=sld-node]').count()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(outDir, `sld-${i}.png`) })
  // Zoom in about the top of the chain (the first box: the grid connection).
  const top = await page.locator('[data-testid=sld-node]').first().boundingBox()
  if (top) {
    await page.mouse.move(top.x + top.width / 2, top.y + top.height / 2)
    for (let z = 0; z < 3; z++) {
      await page.mouse.wheel(0, -240)
      await page.waitForTimeout(50)
    }
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `sld-${i}-zoom.png`) })
  }
  console.log(join(outDir, `sld-${i}.png`), query, `${boxes} boxes, layout ${Date.now() - t0} ms`)
})
