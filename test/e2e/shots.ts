// Shared loop of the screenshot scripts: serve dist/, open each query in a 1400×900 page with
// console errors printed, wait for the report, and hand the page to the script.
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { isHarmless, launchBrowser, startPreview } from './browser'

export async function forEachPage(outDir: string, queries: string[], shoot: (page: Page, index: number, query: string) => Promise<void>): Promise<void> {
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
      await page.waitForSelector('[data-testid=verdict][data-status]:not([data-status=pending])', { timeout: 60_000 })
      await shoot(page, i, query)
      await page.close()
    }
  } finally {
    await browser.close()
    server.stop()
  }
}
