// One physics, one verdict, in the browser: the heat map's rack inlets are the inlet checks'
// figures, and the usable-IT figure wears the verdict's own status. Needs dist/ (npx vite build).
// Run: npx tsx test/e2e/one-verdict.e2e.ts — prints "N passed, N failed" last.
import type { Page } from 'playwright-core'
import { collectErrors } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'

const READY = (variant: string) => `[data-testid=verdict][data-variant="${variant}"]`

/** The hottest design-day inlet among the inlet checks listed (one figure per group of rows). */
async function hottestInletCheck(page: Page): Promise<number> {
  const cells = await page.locator('[data-testid=checks] tbody tr[data-check-id^="inlet.design-day:"] td:nth-child(4)').allInnerTexts()
  return Math.max(...cells.map((t) => Number(t.replace(/[^\d.−-]/g, '').replace('−', '-'))))
}

await withApp(async ({ server, browser, errors }) => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  collectErrors(page, errors)

  await test('H100 in the mining hall: the heat map’s hottest rack inlet is the inlet checks’ figure', async () => {
    await page.goto(`${server.url}/?variant=gpu-h100-air`)
    await page.waitForSelector(READY('gpu-h100-air'), { timeout: 120_000 })
    await page.click('[data-testid=heatmap-toggle]')
    const summary = page.locator('[data-testid=thermal-summary]')
    await summary.waitFor({ timeout: 120_000 })
    const mapInlet = Number(await summary.getAttribute('data-max-inlet'))
    const checkInlet = await hottestInletCheck(page)
    // The table shows a tenth of a degree: the two agree to its rounding.
    expect(Number.isFinite(mapInlet) && Math.abs(mapInlet - checkInlet) <= 0.05, `heat map ${mapInlet} °C, checks ${checkInlet} °C`)
    const failing = await page.locator('[data-testid=checks] tbody tr[data-check-id^="inlet.design-day:"][data-status=fail]').count()
    expect(failing > 0 && checkInlet > 35, `the H100 rows pass their 35 °C inlet (${checkInlet} °C, ${failing} failing)`)
  })

  await test('GB200 liquid: usable IT shows the status of its check, and the verdict is not OK', async () => {
    await page.goto(`${server.url}/?variant=gpu-gb200-liquid`)
    await page.waitForSelector(READY('gpu-gb200-liquid'), { timeout: 120_000 })
    const verdict = await page.locator('[data-testid=verdict]').getAttribute('data-status')
    const usable = await page.locator('[data-testid=usable-it]').getAttribute('data-status')
    const check = await page.locator('[data-testid=checks] tbody tr[data-check-id^="power.usable-it:"]').getAttribute('data-status')
    expect(usable === check, `usable IT shows ${usable}, its check is ${check}`)
    expect(verdict !== 'ok' && usable !== 'ok', `verdict ${verdict}, usable IT ${usable}`)
  })

  await test('the binding constraint reads its figure against its limit, as the CLI does', async () => {
    await page.goto(`${server.url}/?variant=gpu-h100-rear-door`)
    await page.waitForSelector(READY('gpu-h100-rear-door'), { timeout: 120_000 })
    const figures = await page.locator('[data-testid=binding] .binding-figures').innerText()
    // the CLI: "N-1 (N+1) — group ST: 114 % against ≤ 100 %"; never "114 ≤ 100 %", a false statement
    expect(/^114 against ≤ 100 %/.test(figures), `binding figures read: ${figures}`)
  })

  await testNoErrors('no console errors', errors)
})
