// Takes screenshots of the built app for visual review:
//   npx tsx test/e2e/screenshot.ts [out-dir] [query ...]   e.g. "" "?variant=gpu-h100-air"
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { isHarmless, launchBrowser, startPreview } from './browser'

const outDir = process.argv[2] ?? '/tmp/halltwin-shots'
const queries = process.argv.length > 3 ? process.argv.slice(3) : ['']
mkdirSync(outDir, { recursive: true })

const server = await startPreview()
const browser = await launchBrowser()
try {
  for (const [i, query] of queries.entries()) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    page.on('pageerror', (e) => console.log('pageerror:', e.message))
    page.on('console', (m) => {
      if (m.type() === 'error' || (m.type() === 'warning' && !isHarmless(m.text()))) console.log(`console.${m.type()}:`, m.text())
    })
    await page.goto(`${server.url}/${query}`)
    await page.waitForSelector('[data-testid=verdict][data-status=ok], [data-testid=verdict][data-status=warn], [data-testid=verdict][data-status=fail]', { timeout: 60_000 })
    await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 5, undefined, { timeout: 60_000 })
    await page.waitForTimeout(800)
    const file = join(outDir, `shot-${i}.png`)
    await page.screenshot({ path: file })
    const info = await page.evaluate(() => ({ calls: window.__gl?.info.render.calls, tris: window.__gl?.info.render.triangles }))
    console.log(file, query, JSON.stringify(info))
    await page.close()
  }
} finally {
  await browser.close()
  server.stop()
}
