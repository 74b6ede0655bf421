// Browser test of Model vs measured (built app, headless Chromium): a meter CSV imported in the
// side panel is compared with the model in the solver worker (the page's own thread computes no
// physics), then the fit runs there too and offers a calibrated variant.
// Run: npx vite build && npx tsx test/e2e/calibration.e2e.ts
import { readFileSync } from 'node:fs'
import { collectErrors } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'

const REPORT_READY = '[data-testid=verdict][data-status]:not([data-status=pending])'
const scene = readFileSync('test/fixtures/weather/chicago-hall.json')
const csv = readFileSync('test/fixtures/weather/chicago-measured.csv')
const EPW_NAME = 'USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw'
const epw = readFileSync(`test/fixtures/weather/${EPW_NAME}`)

await withApp(async ({ server, browser, errors }) => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
  page.setDefaultTimeout(240_000)
  collectErrors(page, errors)
  await page.goto(`${server.url}/`)
  await page.waitForSelector(REPORT_READY)
  await page.locator('[data-testid=open-scene-input]').setInputFiles({ name: 'chicago-hall.json', mimeType: 'application/json', buffer: scene })
  await page.waitForFunction(() => document.querySelector('.topbar')?.textContent?.includes('Chicago'))
  await page.waitForSelector(REPORT_READY)

  await test('a scene that names its EPW file asks for it, and then runs on it like the CLI', async () => {
    const shown = await page.locator('[data-testid=weather-in-use]').getAttribute('data-source')
    expect(shown === 'catalog', `before the file is opened the site runs on ${shown}, expected the catalog fallback`)
    const button = await page.locator('[data-testid=open-weather]').innerText()
    expect(button.includes(EPW_NAME), `the button names "${button}", not the scene's file`)
    await page.locator('[data-testid=open-weather-input]').setInputFiles({ name: EPW_NAME, mimeType: 'text/plain', buffer: epw })
    await page.waitForSelector('[data-testid=weather-in-use][data-source=epw]')
    // The EPW's own design day (0.4 % dry bulb of Chicago O'Hare TMY3: 32.2 °C), as in the CLI.
    const text = await page.locator('[data-testid=weather-in-use]').innerText()
    expect(text.includes('32.2 °C dry'), `weather line: ${text}`)
    expect((await page.locator('[data-testid=open-weather]').count()) === 0, 'the button stays after the file is in')
  })

  await test('an imported meter CSV is compared with the model, series by series', async () => {
    await page.locator('[data-testid=measured-file]').setInputFiles({ name: 'chicago-measured.csv', mimeType: 'text/csv', buffer: csv })
    await page.waitForSelector('[data-testid=measured-result], [data-testid=measured-errors]')
    const errorsShown = await page.locator('[data-testid=measured-errors]').count()
    expect(errorsShown === 0, `the import failed: ${errorsShown ? await page.locator('[data-testid=measured-errors]').innerText() : ''}`)
    const series = await page.locator('.cal-series').count()
    // The CSV's five series: GRID.kW, LV-AUX.kW, T-1.kVA, row-2.inletC, site.waterM3.
    expect(series === 5, `${series} series compared, expected 5`)
    const text = await page.locator('[data-testid=measured-result]').innerText()
    expect(/NMBE/.test(text) && /hourly/.test(text), 'no Guideline 14 metrics shown')
  })

  await test('the fit runs and offers a calibrated variant', async () => {
    await page.locator('[data-testid=measured-fit-button]').dispatchEvent('click')
    await page.waitForSelector('[data-testid=measured-fit]')
    const rows = await page.locator('[data-testid=measured-fit] tr').count()
    expect(rows >= 1, `no fitted parameter listed (${rows} rows)`)
    // The catalog figures the meters inform are fitted (T-1.kVA: the power factor; row-2 inlet in
    // July: the pads); the transformer losses are listed as not fitted (LV-IT is not metered).
    const table = await page.locator('[data-testid=measured-fit]').innerText()
    expect(/itPowerFactor\s+0\.9\d+ ± /.test(table), `no fitted power factor in:\n${table}`)
    // On the scene's EPW (opened above) the app fits what the CLI fits on the same files:
    // padEffectiveness 0.8010 ± 0.0032 (halltwin calibrate test/fixtures/weather/chicago-hall.json
    // --measured …chicago-measured.csv). On the catalog fallback it was 0.36.
    const pad = /padEffectiveness\s+(0\.\d+) ± /.exec(table)
    expect(pad !== null && Math.abs(Number(pad[1]) - 0.801) < 0.01, `pad effectiveness ${pad?.[1]} in:\n${table}\nexpected 0.801 as in the CLI`)
    expect(/transformerLossFactor\s+not fitted/.test(table), `the transformer losses are not listed as not fitted:\n${table}`)
    const add = await page.locator('[data-testid=measured-result] button', { hasText: 'Add' }).count()
    expect(add === 1, 'no "Add calibrated variant" button')
  })

  await testNoErrors('no console errors', errors)
})
