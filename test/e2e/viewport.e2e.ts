// Browser test of the 3D view in headless Chromium (software WebGL) at 1600 × 1000. Needs dist/.
// Run: npx tsx test/e2e/viewport.e2e.ts — prints "N passed, N failed" last, non-zero exit on failure.
// Looking never edits: a drag that starts on a row in the View tool (the default) turns the camera
// and moves no row; the Move tool moves it, asks first on the as-built variant, and undoes; hover
// names the equipment with its report figure; the legend names every kind drawn; the default
// camera frames the whole site; the overlays do not overlap. VIEWPORT_SHOTS=<dir> saves screenshots.
import type { Page } from 'playwright-core'
import { collectErrors, drawFrames } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'

const REPORT_READY = '[data-testid=verdict][data-status]'
const ROW = 'row-1.3'
const SHOTS = process.env.VIEWPORT_SHOTS
const VIEWPORT = { width: 1600, height: 1000 }
/** Software WebGL on a shared machine can take seconds a frame: wait on conditions, generously. */
const T = 60_000

type Positions = Record<string, { x: number; y: number }>

async function ready(page: Page): Promise<void> {
  await page.waitForSelector(REPORT_READY, { timeout: 90_000 })
  // The canvas draws on demand (a still page may have drawn only a frame or two): ask for frames.
  await drawFrames(page, 3, 90_000)
  await page.waitForFunction(() => !!window.__editorProbe, undefined, { timeout: 90_000 })
}

async function screenOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((i) => window.__editorProbe?.screenOf(i) ?? null, id)
  if (!p) throw new Error(`${id} is not drawn`)
  return p
}

const positions = (page: Page, variantId?: string) => page.evaluate((v) => window.__editorProbe!.positions(v), variantId) as Promise<Positions>
const cameraAt = (page: Page) => page.evaluate(() => window.__editorProbe!.camera())

async function drag(page: Page, from: { x: number; y: number }, dx: number, dy: number): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + dx / 3, from.y + dy / 3, { steps: 4 })
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 8 })
  await page.mouse.up()
}

/** Home: the camera stops drifting and flies back to the whole site; waits for the landing. */
async function home(page: Page): Promise<void> {
  await page.keyboard.press('Home')
  // The key handler starts the flight at once; wait for it to land.
  await page.waitForFunction(() => !window.__editorProbe!.flying(), undefined, { timeout: T })
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

function moved(a: Positions, b: Positions): string[] {
  return Object.keys(a).filter((id) => !b[id] || a[id]!.x !== b[id]!.x || a[id]!.y !== b[id]!.y)
}

await withApp(async ({ server, browser, errors }) => {
  const context = await browser.newContext({ viewport: VIEWPORT })
  context.setDefaultTimeout(T)
  const page = await context.newPage()
  collectErrors(page, errors)
  await page.goto(`${server.url}/`)
  await ready(page)
  await shot(page, 'hall')

  await test('the View tool is the default', async () => {
    expect((await page.getAttribute('[data-testid=tool-view]', 'aria-pressed')) === 'true', 'the View tool is not pressed')
  })

  await test('View tool: a drag that starts on a row turns the camera and moves no row', async () => {
    const before = await positions(page)
    const camera = await cameraAt(page)
    expect(Object.keys(before).length > 10, `only ${Object.keys(before).length} items in the probe`)
    await drag(page, await screenOf(page, ROW), 220, 40)
    await page.waitForFunction((c) => {
      const now = window.__editorProbe!.camera()
      return Math.hypot(now[0] - c[0], now[1] - c[1], now[2] - c[2]) > 1
    }, camera, { timeout: T })
    const after = await positions(page)
    expect(moved(before, after).length === 0, `rows moved: ${moved(before, after).join(', ')}`)
    expect(await page.isDisabled('[data-testid=undo]'), 'the drag left an edit in the history')
    expect((await page.locator('[data-testid=asbuilt-confirm]').count()) === 0, 'the drag asked to edit the as-built variant')
    await home(page)
  })

  await test('View tool: a click selects the row', async () => {
    const p = await screenOf(page, ROW)
    await page.mouse.click(p.x, p.y)
    await page.waitForSelector(`[data-testid=row-inspector][data-row-id="${ROW}"]`, { timeout: T })
  })

  await test('hover names a row with its figures from the report', async () => {
    const p = await screenOf(page, 'row-1.6')
    await page.mouse.move(p.x - 3, p.y)
    await page.mouse.move(p.x, p.y, { steps: 2 })
    await page.waitForSelector('[data-testid=hover-label][data-id="row-1.6"]', { timeout: T })
    const text = await page.locator('[data-testid=hover-label]').innerText()
    expect(/^Row 1\.6 — [\d,]+ × .+ · [\d,.]+ (kW|MW) · inlet \d+\.\d °C \(2-D plan field\)$/.test(text.trim()), `label says "${text}"`)
    await shot(page, 'hover-row')
  })

  await test('hover names a transformer with its rating and loading', async () => {
    const p = await screenOf(page, 'T-1.1')
    await page.mouse.move(p.x, p.y - 2)
    await page.mouse.move(p.x, p.y, { steps: 2 })
    await page.waitForSelector('[data-testid=hover-label][data-id="T-1.1"]', { timeout: T })
    const text = await page.locator('[data-testid=hover-label]').innerText()
    expect(/— [\d,.]+ (kVA|MVA) · \d+ %/.test(text), `label says "${text}"`)
    await page.mouse.move(5, 500) // off the canvas
  })

  await test('a new resolution (the moving quality, and back) is drawn in the same task, never left blank', async () => {
    // Resizing a WebGL canvas clears it; a frame asked for then comes at the next animation frame,
    // after a paint that shows the cleared canvas. Read back in the task of the change: the
    // centre pixel has the opaque background or a model, not the cleared canvas's alpha 0.
    const alphas = await page.evaluate(() => {
      const gl = window.__gl!.getContext()
      const out: number[] = []
      for (const dpr of [0.5, 0.75, 1]) {
        window.__setDpr!(dpr)
        const px = new Uint8Array(4)
        gl.readPixels(Math.floor(gl.drawingBufferWidth / 2), Math.floor(gl.drawingBufferHeight / 2), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px)
        out.push(px[3]!)
      }
      return out
    })
    expect(alphas.every((a) => a === 255), `alpha at the centre right after each change: ${alphas.join(', ')}`)
  })

  await test('help lists the camera controls', async () => {
    await page.keyboard.press('Shift+?')
    const camera = await page.locator('[data-testid=help-camera]').innerText({ timeout: T })
    for (const word of ['Orbit', 'Pan', 'Zoom', 'Focus', 'bookmark']) expect(camera.includes(word), `help has no "${word}": ${camera}`)
    await page.keyboard.press('Escape')
  })

  await test('Move tool: dragging a row of the as-built variant asks first, then moves it in a new variant', async () => {
    const asBuilt = await positions(page, 'asic-baseline')
    await page.click('[data-testid=tool-move]')
    await drag(page, await screenOf(page, ROW), 70, 25)
    await page.waitForSelector('[data-testid=asbuilt-confirm]', { timeout: T })
    await shot(page, 'asbuilt-confirm')
    await page.click('[data-testid=asbuilt-copy]')
    await page.waitForFunction(() => !document.querySelector('[data-testid=asbuilt-confirm]'), undefined, { timeout: T })
    const shown = await page.locator('[data-testid^=variant-].active').innerText()
    expect(/\(edited\)/.test(shown), `the variant shown is "${shown}"`)
    const now = await positions(page)
    const inCopy = moved(asBuilt, now)
    expect(inCopy.length === 1 && inCopy[0] === ROW, `moved in the shown variant: ${inCopy.join(', ') || 'nothing'}`)
    const record = moved(asBuilt, await positions(page, 'asic-baseline'))
    expect(record.length === 0, `the as-built variant changed: ${record.join(', ')}`)
    expect(!(await page.isDisabled('[data-testid=undo]')), 'nothing to undo')
  })

  await test('Ctrl+Z takes the move back', async () => {
    const before = (await positions(page, 'asic-baseline'))[ROW]!
    const now = (await positions(page))[ROW]!
    expect(now.x !== before.x || now.y !== before.y, 'the row was not moved, nothing to take back')
    await page.keyboard.press('Control+z')
    await page.waitForFunction(
      ([id, b]) => {
        const p = window.__editorProbe!.positions()[id as string]
        return !!p && p.x === (b as { x: number }).x && p.y === (b as { y: number }).y
      },
      [ROW, before] as const,
      { timeout: T },
    )
  })

  await test('+ Add places a row at a free spot, fed from a board with room, and says so', async () => {
    const before = await positions(page)
    // The message is a toast that leaves after 3.5 s: record it as it appears (a slow frame could
    // hide it from polling).
    await page.evaluate(() => {
      const w = window as unknown as { __messages: string[] }
      w.__messages = []
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid=editor-message]') as HTMLElement | null
        if (el && !w.__messages.includes(el.innerText)) w.__messages.push(el.innerText)
      }).observe(document.body, { childList: true, subtree: true, characterData: true })
    })
    await page.click('[data-testid=add-open]')
    await page.click('[data-testid=add-row-antminer-s21]')
    // (A toast of the step before, e.g. "Undid: …", may still be on screen: wait for this one.)
    await page.waitForFunction(() => (window as unknown as { __messages: string[] }).__messages.some((m) => m.startsWith('Added')))
    const message = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages.find((m) => m.startsWith('Added'))!)
    // Where it went and what feeds it, with the room that feed has: in the full example hall no
    // board has room for a 700 kW row within the 80 % margin, and the message says that too.
    expect(/^Added .+ at x [\d.]+, y [\d.]+ m in .+, fed from \S+, (which has [\d,]+ kVA of room|the feed with the most room, but it has only [\d,]+ kVA)/.test(message), `message: "${message}"`)
    const added = Object.keys(await positions(page)).filter((id) => !(id in before))
    expect(added.length === 1, `added: ${added.join(', ')}`)
    await page.waitForSelector('[data-testid=layout-checks][data-count="0"]')
    await shot(page, 'added-row')
    await page.keyboard.press('Control+z')
  })

  await test('a drag in the Move tool that starts on the floor still turns the camera', async () => {
    const before = await positions(page)
    const camera = await cameraAt(page)
    const canvas = (await page.locator('canvas').boundingBox())!
    await drag(page, { x: canvas.x + 60, y: canvas.y + 80 }, 150, 0)
    await page.waitForFunction((c) => {
      const now = window.__editorProbe!.camera()
      return Math.hypot(now[0] - c[0], now[1] - c[1], now[2] - c[2]) > 1
    }, camera, { timeout: T })
    expect(moved(before, await positions(page)).length === 0, 'a row moved')
    await page.click('[data-testid=tool-view]')
    await home(page)
  })

  await test('GB200 variant: the default camera frames the whole site, the legend names every kind drawn', async () => {
    // A fresh browser context: no autosave from the edits above.
    const fresh = await browser.newContext({ viewport: VIEWPORT })
    fresh.setDefaultTimeout(T)
    const p2 = await fresh.newPage()
    collectErrors(p2, errors)
    await p2.goto(`${server.url}/?variant=gpu-gb200-liquid&heatmap=1`)
    await ready(p2)
    const off = await p2.evaluate(() => window.__editorProbe!.offscreen())
    expect(off.length === 0, `cut off by the default view: ${off.slice(0, 8).join(', ')}${off.length > 8 ? ` and ${off.length - 8} more` : ''}`)
    const legend = await p2.locator('[data-testid=legend]').innerText()
    for (const kind of ['GPU racks', 'Exhaust fans', 'Evaporative pads', 'CDUs', 'Dry coolers', 'Transformers', 'LV boards', 'UPS', 'Gensets', 'Busways']) {
      expect(legend.includes(kind), `legend has no "${kind}": ${legend.replace(/\n/g, ' | ')}`)
    }
    expect(!legend.includes('ASIC'), 'legend names ASIC miners, which this variant does not draw')
    await p2.waitForSelector('[data-testid=thermal-summary]', { timeout: 90_000 })
    const rects = await p2.evaluate(() =>
      ['legend', 'thermal-legend', 'editor-toolbar'].map((id) => {
        const r = document.querySelector(`[data-testid=${id}]`)?.getBoundingClientRect()
        return r ? { id, left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null
      }),
    )
    expect(rects.every((r) => r !== null), `missing overlay: ${JSON.stringify(rects)}`)
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!
        const b = rects[j]!
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
        expect(!overlap, `${a.id} overlaps ${b.id}`)
      }
    }
    await shot(p2, 'gb200')
    await fresh.close()
  })

  await testNoErrors('no page errors', errors)
})
