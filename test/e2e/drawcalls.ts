// Draw calls of the real app for a URL (e.g. `http://127.0.0.1:PORT/?scene=/campus.json`):
// opens it in headless Chromium, waits for the report of the scene asked for, lets a few more
// frames render, and reads the renderer's counters from window.__gl (see src/viewport/ExposeGl.tsx).
import { drawFrames, launchBrowser } from './browser'

export interface DrawCallSample {
  calls: number
  triangles: number
}

const REPORT_READY = '[data-testid=verdict][data-status=ok], [data-testid=verdict][data-status=warn], [data-testid=verdict][data-status=fail]'

export async function measureDrawCalls(url: string, timeoutMs = 120_000): Promise<DrawCallSample> {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.goto(url)
    // With ?scene=, the app shows nothing until that scene is loaded, so the first report is its report.
    await page.waitForSelector(REPORT_READY, { timeout: timeoutMs })
    // The canvas draws on demand: ask for frames after the report.
    await drawFrames(page, 3, timeoutMs)
    return await page.evaluate(() => {
      const render = window.__gl?.info.render
      return { calls: render?.calls ?? -1, triangles: render?.triangles ?? -1 }
    })
  } finally {
    await browser.close()
  }
}
