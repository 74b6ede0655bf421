// Takes screenshots of the built app for visual review:
//   npx tsx test/e2e/screenshot.ts [out-dir] [query ...]   e.g. "" "?variant=gpu-h100-air"
import { join } from 'node:path'
import { forEachPage } from './shots'

const outDir = process.argv[2] ?? '/tmp/halltwin-shots'
const queries = process.argv.length > 3 ? process.argv.slice(3) : ['']

await forEachPage(outDir, queries, async (page, i, query) => {
  await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 0, undefined, { timeout: 60_000 })
  await page.waitForTimeout(800)
  const file = join(outDir, `shot-${i}.png`)
  await page.screenshot({ path: file })
  const info = await page.evaluate(() => ({ calls: window.__gl?.info.render.calls, tris: window.__gl?.info.render.triangles }))
  console.log(file, query, JSON.stringify(info))
})
