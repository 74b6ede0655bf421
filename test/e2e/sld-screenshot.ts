// Screenshots of the single-line diagram for visual review (after `npx vite build`), at 1600 × 1000:
//   npx tsx test/e2e/sld-screenshot.ts [out-dir]
// sld-2n.png (GB200 2N, fitted), sld-focus.png (path to one row), sld-unfolded.png (the × 11 branch
// drawn out), sld-asic.png (the mining baseline), sld-export.svg (the SVG export).
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { isHarmless, launchBrowser, startPreview } from './browser'

const outDir = process.argv[2] ?? '/tmp/halltwin-sld'
mkdirSync(outDir, { recursive: true })
const server = await startPreview()
const browser = await launchBrowser()
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true })
  // A busy machine renders the 3D hall (software WebGL) for seconds per frame: clicks wait long.
  page.setDefaultTimeout(120_000)
  page.on('pageerror', (e) => console.log('pageerror:', e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && !isHarmless(m.text()))) console.log(`console.${m.type()}:`, m.text())
  })
  await page.goto(`${server.url}/?variant=gpu-gb200-liquid`)
  await page.waitForSelector('[data-testid=verdict][data-status]:not([data-status=pending])', { timeout: 120_000 })
  await page.click('[data-testid=view-sld]')
  const settled = async () => {
    await page.waitForSelector('[data-testid=sld-node]', { timeout: 60_000 })
    // Fitted and the glide over: the zoom level stops changing.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const svg = document.querySelector('[data-testid=sld-svg]') as SVGSVGElement | null
          const k0 = svg?.dataset.k
          setTimeout(() => resolve(!!k0 && svg?.dataset.k === k0), 400)
        }),
      undefined,
      { timeout: 30_000 },
    )
  }
  await settled()
  await page.screenshot({ path: join(outDir, 'sld-2n.png') })
  const download = page.waitForEvent('download')
  await page.click('[data-testid=sld-export-svg]')
  const file = await (await download).path()
  if (file) writeFileSync(join(outDir, 'sld-export.svg'), readFileSync(file))
  await page.selectOption('[data-testid=sld-focus]', 'row-1.5')
  await page.waitForSelector('[data-testid=sld-node][data-id="T-1.5A"]', { timeout: 30_000 })
  await settled()
  await page.screenshot({ path: join(outDir, 'sld-focus.png') })
  await page.selectOption('[data-testid=sld-focus]', '')
  await page.waitForSelector('[data-testid=sld-fold]', { timeout: 30_000 })
  await page.locator('[data-testid=sld-node][data-kind=transformer][data-count="11"] [data-testid=sld-fold]').first().click()
  await page.waitForSelector('[data-testid=sld-node][data-id="T-1.11A"]', { timeout: 30_000 })
  await settled()
  await page.screenshot({ path: join(outDir, 'sld-unfolded.png') })
  await page.click('[data-testid=variant-asic-baseline]')
  await page.waitForSelector('[data-testid=sld-node][data-id="LV-1.AUX"]', { timeout: 60_000 })
  await settled()
  await page.screenshot({ path: join(outDir, 'sld-asic.png') })
  console.log(`screenshots in ${outDir}`)
} finally {
  await browser.close()
  server.stop()
}
