// Browser test of Compare (built app, headless Chromium, software WebGL): it opens on two different
// variants, shows the verdict and the money of each (capex, NPV, IRR, payback) side by side with
// usable IT, binding constraint, PUE and water, a plan of each site, and follows the selectors.
// Run: npx vite build && npx tsx test/e2e/compare.e2e.ts
// With COMPARE_SHOTS=<dir> it saves compare.png (1600 × 1000).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { collectErrors } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'

const SHOTS = process.env.COMPARE_SHOTS
if (SHOTS) mkdirSync(SHOTS, { recursive: true })
const REPORT_READY = '[data-testid=verdict][data-status]:not([data-status=pending])'
const MONEY = /^−?\$[\d.,]+( [kMB])?( \(if it ran\))?$/

/** A click without Playwright's wait for still animation frames (software GL on a loaded machine). */
async function press(page: Page, selector: string): Promise<void> {
  await page.locator(selector).dispatchEvent('click')
}

async function cell(page: Page, row: string, side: 'a' | 'b'): Promise<string> {
  return (await page.locator(`[data-testid=compare-cell][data-row=${row}][data-side=${side}]`).innerText()).trim()
}

/** Waits until both columns have their report (no "solving…" left). */
async function solved(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-testid=compare-cell]')]
    return cells.length > 0 && cells.every((c) => !c.textContent?.includes('solving'))
  }, undefined, { polling: 250 })
}

await withApp(async ({ server, browser, errors }) => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
  page.setDefaultTimeout(180_000)
  collectErrors(page, errors)
  await page.goto(`${server.url}/`)
  await page.waitForSelector(REPORT_READY)

  await test('Compare opens on two different variants', async () => {
    await press(page, '[data-testid=compare-open]')
    await page.waitForSelector('[data-testid=compare]')
    const a = await page.locator('[data-testid=compare-a]').inputValue()
    const b = await page.locator('[data-testid=compare-b]').inputValue()
    expect(a !== '' && b !== '' && a !== b, `A = "${a}", B = "${b}"`)
  })

  await test('each side shows its verdict, binding constraint and money', async () => {
    await solved(page)
    for (const side of ['a', 'b'] as const) {
      const verdict = await cell(page, 'verdict', side)
      expect(/^(OK|WARN|FAIL)$/.test(verdict), `verdict ${side}: "${verdict}"`)
      const binding = await cell(page, 'binding', side)
      expect(binding.length > 3 && binding !== '—', `binding ${side}: "${binding}"`)
      for (const row of ['capex', 'npv']) {
        const text = await cell(page, row, side)
        expect(MONEY.test(text), `${row} ${side}: "${text}"`)
      }
      const irr = await cell(page, 'irr', side)
      expect(/^(—|−?[\d.]+ %)$/.test(irr), `IRR ${side}: "${irr}"`)
      const payback = await cell(page, 'payback', side)
      expect(/^([\d.]+ y|— \(no investment\)|never \(within \d+ y\))$/.test(payback), `payback ${side}: "${payback}"`)
      const usable = await cell(page, 'usable', side)
      expect(/^[\d.,]+ MW @ (N|N\+1|2N)$/.test(usable), `usable IT ${side}: "${usable}"`)
      const pue = await cell(page, 'pue', side)
      expect(/^1\.\d{3}/.test(pue), `PUE ${side}: "${pue}"`)
      const water = await cell(page, 'water', side)
      expect(/^[\d,]+ m³\/yr$/.test(water), `water ${side}: "${water}"`)
    }
  })

  await test('the baseline has no payback: "— (no investment)"', async () => {
    const a = await page.locator('[data-testid=compare-a]').inputValue()
    expect(a === 'asic-baseline', `A opens on "${a}", not the as-built baseline`)
    expect((await cell(page, 'payback', 'a')) === '— (no investment)', `baseline payback: "${await cell(page, 'payback', 'a')}"`)
  })

  await test('a plan of each site sits side by side', async () => {
    const plans = await page.locator('[data-testid=compare-plan]').evaluateAll((els) => els.map((e) => ({ variant: e.getAttribute('data-variant'), svg: e.querySelector('svg polygon') !== null })))
    expect(plans.length === 2 && plans.every((p) => p.svg), `plans: ${JSON.stringify(plans)}`)
  })

  await test('the selectors pick the variants: a failing one says it is not buildable', async () => {
    await page.selectOption('[data-testid=compare-b]', 'gpu-h100-air', { force: true })
    await page.waitForSelector('[data-testid=compare][data-b=gpu-h100-air]')
    await solved(page)
    expect((await cell(page, 'verdict', 'b')) === 'FAIL', `H100 verdict: "${await cell(page, 'verdict', 'b')}"`)
    const buildable = await cell(page, 'buildable', 'b')
    expect(buildable.startsWith('no'), `H100 buildable: "${buildable}"`)
    expect(/\(if it ran\)$/.test(await cell(page, 'npv', 'b')), 'the NPV of a failing variant is not marked "if it ran"')
    const delta = await page.locator('[data-testid=compare-row-capex] .cmp-delta').innerText()
    expect(/^\+\$[\d.]+ [kMB]$/.test(delta.trim()), `capex B − A reads "${delta}"`)
    await page.selectOption('[data-testid=compare-b]', 'gpu-gb200-liquid', { force: true })
    await page.waitForSelector('[data-testid=compare][data-b=gpu-gb200-liquid]')
    await solved(page)
    expect((await cell(page, 'buildable', 'b')) === 'yes', 'GB200 liquid is buildable')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'compare.png') })
  })

  await testNoErrors('no page errors', errors)
})
