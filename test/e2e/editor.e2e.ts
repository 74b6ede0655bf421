// Browser test of the layout editor in headless Chromium (software WebGL). Needs dist/.
// Run: npx tsx test/e2e/editor.e2e.ts — prints "N passed, N failed" last, non-zero exit on failure.
// Drags a row with the Move tool (it asks first on the as-built variant, then moves and snaps in
// a new variant), undoes it, switches a row to GPU (a check changes), reloads (the edits are still
// there), imports a malformed file (the scene stays), and turns a row through its neighbours (the
// Layout list and the verdict fail together). The View tool's own tests: viewport.e2e.ts.
import type { Page } from 'playwright-core'
import { collectErrors } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'

const REPORT_READY = '[data-testid=verdict][data-status]'
const ROW = 'row-1.3'
const SHOTS = process.env.EDITOR_SHOTS // a folder to write screenshots to, when set
/** Software WebGL on a shared machine can take seconds a frame: wait on conditions, generously. */
const T = 60_000


async function ready(page: Page): Promise<void> {
  await page.waitForSelector(REPORT_READY, { timeout: 60_000 })
  await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 0 && !!window.__editorProbe, undefined, { timeout: 60_000 })
}

async function rowPosition(page: Page): Promise<{ x: number; y: number }> {
  const el = page.locator('[data-testid=row-inspector]')
  return { x: Number(await el.getAttribute('data-x')), y: Number(await el.getAttribute('data-y')) }
}

async function screenOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((i) => window.__editorProbe?.screenOf(i) ?? null, id)
  if (!p) throw new Error(`${id} is not on screen`)
  return p
}

async function checksSignature(page: Page): Promise<string> {
  return page.locator('[data-testid=checks] tbody').innerText()
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

await withApp(async ({ server, browser, errors }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  context.setDefaultTimeout(T)
  const page = await context.newPage()
  collectErrors(page, errors)
  await page.goto(`${server.url}/`)
  await ready(page)

  let start = { x: 0, y: 0 }
  await test('clicking a row selects it and the inspector shows its position', async () => {
    const p = await screenOf(page, ROW)
    await page.mouse.click(p.x, p.y)
    await page.waitForSelector(`[data-testid=row-inspector][data-row-id="${ROW}"]`, { timeout: T })
    start = await rowPosition(page)
    expect(start.x === 9 && start.y === 11.88, `row-1.3 starts at ${JSON.stringify(start)}`)
  })

  await test('dragging the row with the Move tool asks about the as-built variant, then moves it in a copy, snapped to the 0.5 m grid', async () => {
    await page.keyboard.press('m')
    await page.waitForSelector('[data-testid=tool-move][aria-pressed=true]', { timeout: T })
    const p = await screenOf(page, ROW)
    await page.mouse.move(p.x, p.y)
    await page.mouse.down()
    await page.mouse.move(p.x + 30, p.y + 10, { steps: 4 })
    await page.mouse.move(p.x + 70, p.y + 25, { steps: 6 })
    await page.waitForSelector('[data-testid=drag-readout]', { timeout: T })
    await shot(page, 'editor-drag')
    await page.mouse.up()
    await page.click('[data-testid=asbuilt-copy]', { timeout: T })
    await page.waitForFunction((s) => Number(document.querySelector('[data-testid=row-inspector]')?.getAttribute('data-x')) !== s, start.x, { timeout: T })
    const after = await rowPosition(page)
    expect(after.x !== start.x || after.y !== start.y, 'the row did not move')
    const onGrid = (v: number) => Math.abs(v / 0.5 - Math.round(v / 0.5)) < 1e-9
    expect(onGrid(after.x) && onGrid(after.y), `position ${JSON.stringify(after)} is not on the 0.5 m grid`)
    await shot(page, 'editor-moved')
  })

  await test('Ctrl+Z puts the row back, Ctrl+Shift+Z moves it again', async () => {
    const moved = await rowPosition(page)
    await page.keyboard.press('Control+z')
    await page.waitForFunction((s) => Number(document.querySelector('[data-testid=row-inspector]')?.getAttribute('data-x')) === s, start.x, { timeout: T })
    const back = await rowPosition(page)
    expect(back.x === start.x && back.y === start.y, `after undo the row is at ${JSON.stringify(back)}`)
    await page.keyboard.press('Control+Shift+z')
    await page.waitForFunction((m) => Number(document.querySelector('[data-testid=row-inspector]')?.getAttribute('data-x')) === m, moved.x, { timeout: T })
  })

  await test('a wrong unit in the inspector shows a message and changes nothing', async () => {
    const before = await rowPosition(page)
    await page.fill('[data-testid=field-x]', '12 kg')
    await page.press('[data-testid=field-x]', 'Enter')
    const message = await page.locator('[data-testid=field-x-error]').innerText({ timeout: T })
    expect(/length/.test(message), `message is "${message}"`)
    expect((await rowPosition(page)).x === before.x, 'the row moved on a wrong unit')
    await page.fill('[data-testid=field-x]', '12000 mm')
    await page.press('[data-testid=field-x]', 'Enter')
    await page.waitForFunction(() => document.querySelector('[data-testid=row-inspector]')?.getAttribute('data-x') === '12', undefined, { timeout: T })
  })

  await test('switching the row to a GPU device re-solves and changes a check', async () => {
    await page.waitForSelector(REPORT_READY, { timeout: 60_000 })
    const before = await checksSignature(page)
    await page.selectOption('[data-testid=field-device]', 'dgx-h100')
    await page.waitForFunction(() => document.querySelector('[data-testid=row-inspector]')?.getAttribute('data-device') === 'dgx-h100', undefined, { timeout: T })
    await page.waitForFunction((b) => {
      const t = document.querySelector('[data-testid=checks] tbody') as HTMLElement | null
      return !!t && t.innerText !== b && !!document.querySelector('[data-testid=verdict][data-status]')
    }, before, { timeout: 60_000 })
    await shot(page, 'editor-gpu')
  })

  await test('the edits survive a reload (autosave)', async () => {
    await page.waitForTimeout(800) // the autosave is debounced
    await page.reload()
    await ready(page)
    const p = await screenOf(page, ROW)
    await page.mouse.click(p.x, p.y)
    await page.waitForSelector(`[data-testid=row-inspector][data-row-id="${ROW}"]`, { timeout: T })
    const device = await page.locator('[data-testid=row-inspector]').getAttribute('data-device')
    const pos = await rowPosition(page)
    expect(device === 'dgx-h100', `device after reload is ${device}`)
    expect(pos.x === 12, `x after reload is ${pos.x}`)
  })

  await test('importing a malformed file shows its field paths and keeps the scene', async () => {
    const bad = JSON.stringify({ version: 1, name: 'bad', site: {}, variants: [] })
    await page.setInputFiles('[data-testid=open-scene-input]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) })
    await page.waitForSelector('[data-testid=scene-errors]', { timeout: T })
    const text = await page.locator('[data-testid=scene-errors]').innerText()
    expect(/site\.|variants/.test(text), `issues do not name field paths: ${text.slice(0, 200)}`)
    expect((await page.locator('[data-testid=row-inspector]').getAttribute('data-device')) === 'dgx-h100', 'the current scene changed')
    await shot(page, 'editor-import-error')
  })

  await test('a valid import asks before replacing unsaved edits', async () => {
    const scene = await page.evaluate(() => localStorage.getItem('halltwin.autosave.v1'))
    const parsed = JSON.parse(scene ?? '{}') as { scene?: unknown }
    await page.setInputFiles('[data-testid=open-scene-input]', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(parsed.scene)) })
    await page.waitForSelector('[data-testid=confirm-import]', { timeout: T })
    await shot(page, 'editor-confirm')
    await page.click('[data-testid=confirm-import-cancel]')
    expect((await page.locator('[data-testid=confirm-import]').count()) === 0, 'the dialog stayed open')
  })

  await test('the help overlay lists the shortcuts', async () => {
    await page.mouse.click(300, 200) // focus the page, not a field
    await page.keyboard.press('Shift+?')
    const help = await page.locator('[data-testid=help]').innerText({ timeout: T })
    expect(/Undo/.test(help) && /Duplicate/.test(help) && /Rotate/.test(help), 'shortcuts missing')
    await shot(page, 'editor-help')
    await page.keyboard.press('Escape')
  })

  await test('R turns the row through its neighbours: the Layout list and the verdict fail together; Ctrl+Z clears both', async () => {
    // Failing layout checks in the checks table (identical ones are one row with a count).
    const failingLayout = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid=checks] tbody tr[data-status=fail][data-check-id^="layout."]')].reduce((s, tr) => s + Number(tr.getAttribute('data-count')), 0),
      )
    const p = await screenOf(page, ROW)
    await page.mouse.click(p.x, p.y)
    await page.waitForSelector(`[data-testid=row-inspector][data-row-id="${ROW}"]`, { timeout: T })
    await page.keyboard.press('r')
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=layout-checks]')?.getAttribute('data-count')) > 0, undefined, { timeout: T })
    await page.waitForSelector('[data-testid=verdict][data-status=fail]', { timeout: 60_000 })
    await page.waitForFunction(() => !!document.querySelector('[data-testid=checks] tbody tr[data-status=fail][data-check-id^="layout."]'), undefined, { timeout: 60_000 })
    const listed = Number(await page.locator('[data-testid=layout-checks]').getAttribute('data-count'))
    const failing = await failingLayout()
    expect(failing === listed, `${listed} layout problems listed, ${failing} layout checks fail`)
    await shot(page, 'editor-rotated-through')
    await page.keyboard.press('Control+z')
    await page.waitForFunction(() => document.querySelector('[data-testid=layout-checks]')?.getAttribute('data-count') === '0', undefined, { timeout: T })
    await page.waitForSelector(REPORT_READY, { timeout: 60_000 })
    await page.waitForFunction(() => !document.querySelector('[data-testid=checks] tbody tr[data-status=fail][data-check-id^="layout."]'), undefined, { timeout: 60_000 })
  })

  await testNoErrors('no page errors', errors)
})
