// Browser tests of how the app spends its time (issue 13), on the built app in headless Chromium:
// the example scenes ship with the build, the canvas draws on demand (nothing while idle, frames
// while the camera moves, at a lower resolution and with coarse shapes, and the full picture again
// at rest). The figures themselves are in `npm run bench` (test/e2e/appFigures.ts).
// Run: npx vite build && npx tsx test/e2e/perf.e2e.ts — prints "N passed, N failed" last.
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { collectErrors } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'
import { APP_VIEWPORT } from './appFigures'

const VERDICT_DONE = '[data-testid=verdict][data-status=ok], [data-testid=verdict][data-status=warn], [data-testid=verdict][data-status=fail]'

/** Frames the canvas drew during the next `n` animation frames of the page. */
function framesDuring(page: Page, n: number): Promise<number> {
  return page.evaluate(
    `new Promise((resolve) => {
      const f0 = window.__gl ? window.__gl.info.render.frame : 0
      let left = ${n}
      const tick = () => (--left <= 0 ? resolve((window.__gl ? window.__gl.info.render.frame : 0) - f0) : requestAnimationFrame(tick))
      requestAnimationFrame(tick)
    })`,
  ) as Promise<number>
}

/** Waits until the canvas has stopped drawing: a stretch of 30 animation frames without a frame. */
async function quiet(page: Page): Promise<void> {
  const drawn: number[] = []
  for (let i = 0; i < 40; i++) {
    drawn.push(await framesDuring(page, 30))
    if (drawn.at(-1) === 0) return
  }
  throw new Error(`the canvas never stopped drawing: ${drawn.join(', ')}`)
}

/** Share of pixels whose colour differs by more than `tolerance` in a channel. */
function differingShare(a: Buffer, b: Buffer, tolerance = 8): number {
  const x = PNG.sync.read(a)
  const y = PNG.sync.read(b)
  if (x.width !== y.width || x.height !== y.height) return 1
  let differ = 0
  for (let i = 0; i < x.data.length; i += 4) {
    if (Math.abs(x.data[i]! - y.data[i]!) > tolerance || Math.abs(x.data[i + 1]! - y.data[i + 1]!) > tolerance || Math.abs(x.data[i + 2]! - y.data[i + 2]!) > tolerance) differ++
  }
  return differ / (x.width * x.height)
}

await withApp(async ({ server, browser, errors }) => {
  await test('the example scenes are served by the built app as JSON', async () => {
    for (const name of ['siberia-20mw', 'campus-100mw']) {
      const res = await fetch(`${server.url}/scenes/${name}.json`)
      const text = await res.text()
      expect(res.ok, `/scenes/${name}.json: HTTP ${res.status}`)
      const scene = JSON.parse(text) as { version?: number; variants?: unknown[] }
      expect(scene.version === 1 && (scene.variants?.length ?? 0) > 0, `/scenes/${name}.json is not a scene: ${text.slice(0, 80)}`)
    }
  })

  await test('?scene=/scenes/campus-100mw.json opens the campus with its verdict', async () => {
    const page = await browser.newPage({ viewport: APP_VIEWPORT })
    collectErrors(page, errors)
    try {
      await page.goto(`${server.url}/?scene=/scenes/campus-100mw.json`)
      await page.waitForSelector(VERDICT_DONE, { timeout: 120_000 })
      expect((await page.locator('[data-testid=scene-errors]').count()) === 0, `scene errors: ${await page.locator('[data-testid=scene-errors]').allInnerTexts()}`)
      const title = await page.locator('header').innerText()
      expect(/campus|100/i.test(title), `the top bar does not name the campus: ${title}`)
    } finally {
      await page.close()
    }
  })

  await test('after a drag the still frame is the full one again: same triangles, same picture as on opening', async () => {
    // A fresh page: its first picture is drawn before the camera has ever moved.
    const fresh = await browser.newPage({ viewport: APP_VIEWPORT })
    collectErrors(fresh, errors)
    try {
      await fresh.goto(`${server.url}/`)
      await fresh.waitForSelector(VERDICT_DONE, { timeout: 120_000 })
      await fresh.waitForFunction(() => document.querySelectorAll('[role=tablist][aria-label=Variant] [role=tab] .status-dot:not(.status-none)').length >= 4, undefined, { timeout: 120_000 })
      const box = (await fresh.locator('canvas').boundingBox())!
      const x = box.x + box.width / 2
      const y = box.y + 40
      await fresh.mouse.move(x, y)
      await quiet(fresh)
      const still = async () => ({ png: await fresh.locator('canvas').screenshot(), triangles: await fresh.evaluate(() => window.__gl?.info.render.triangles ?? 0) })
      const rest = await fresh.evaluate(() => window.__gl?.getPixelRatio() ?? 0)
      const before = await still()
      await fresh.mouse.down()
      let fewest = before.triangles
      for (let i = 1; i <= 12; i++) {
        await fresh.mouse.move(x + i * 20, y + 8)
        fewest = Math.min(fewest, await fresh.evaluate(() => window.__gl?.info.render.triangles ?? 0))
      }
      await fresh.mouse.up()
      // Back to the opening view (Home flies to the whole site from the default direction), at rest.
      await fresh.mouse.move(x, y)
      await fresh.keyboard.press('Home')
      await fresh.waitForFunction((r) => window.__gl?.getPixelRatio() === r, rest, { timeout: 30_000 })
      await quiet(fresh)
      const after = await still()
      expect(fewest < before.triangles / 2, `frames drawn while dragging had ${fewest} triangles, the still frame ${before.triangles}: no cheaper shapes while moving`)
      expect(after.triangles === before.triangles, `the still frame after the drag has ${after.triangles} triangles, on opening ${before.triangles}`)
      const share = differingShare(before.png, after.png)
      // The same pose and the same drawing: identical but for a stray pixel (the flight ends within
      // a rounding error of the opening pose). Shadows left off change about 0.4 % of the pixels.
      expect(share < 0.001, `${(share * 100).toFixed(2)} % of the pixels differ between the still frame on opening and after the drag`)
    } finally {
      await fresh.close()
    }
  })

  const page = await browser.newPage({ viewport: APP_VIEWPORT })
  collectErrors(page, errors)
  await page.goto(`${server.url}/`)
  await page.waitForSelector(VERDICT_DONE, { timeout: 120_000 })
  await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 0, undefined, { timeout: 120_000 })

  await test('an idle canvas draws nothing', async () => {
    // Every variant solved (each answer is a change the canvas draws), nothing hovered.
    await page.waitForFunction(() => document.querySelectorAll('[role=tablist][aria-label=Variant] [role=tab] .status-dot:not(.status-none)').length >= 4, undefined, { timeout: 120_000 })
    // A late answer or an autosave may still ask for a frame: look for a quiet stretch of 30
    // animation frames among ten (a canvas that draws every frame never has one).
    const drawn: number[] = []
    for (let i = 0; i < 10; i++) {
      drawn.push(await framesDuring(page, 30))
      if (drawn.at(-1) === 0) break
    }
    expect(drawn.at(-1) === 0, `frames drawn in each stretch of 30 animation frames with nothing changing: ${drawn.join(', ')}`)
  })

  await test('dragging the camera draws frames at a lower resolution, full resolution again at rest', async () => {
    const rest = await page.evaluate(() => window.__gl?.getPixelRatio() ?? 0)
    const box = await page.locator('canvas').boundingBox()
    expect(box !== null, 'no canvas')
    const x = box!.x + box!.width / 2
    const y = box!.y + 40 // sky or ground: a press on a row would move the row
    await page.mouse.move(x, y)
    await page.mouse.down()
    const f0 = await page.evaluate(() => window.__gl?.info.render.frame ?? 0)
    let lowest = rest
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(x + i * 15, y + 10)
      lowest = Math.min(lowest, await page.evaluate(() => window.__gl?.getPixelRatio() ?? 0))
    }
    await page.waitForFunction((f) => (window.__gl?.info.render.frame ?? 0) > f + 2, f0, { timeout: 60_000 })
    await page.mouse.up()
    expect(lowest < rest, `the pixel ratio stayed at ${rest} while the camera moved`)
    await page.waitForFunction((r) => window.__gl?.getPixelRatio() === r, rest, { timeout: 30_000 })
  })

  await page.close()
  await testNoErrors('no page errors', errors)
})
