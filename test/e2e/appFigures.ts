// The app's performance figures (issue 13), measured in headless Chromium with software WebGL at
// 1280 × 800 against a served build: navigation → first verdict on screen, variant switch → new
// verdict on screen, frames per second while the camera is dragged, and the printable report.
// Times are taken inside the page (performance.now(), a MutationObserver on the verdict), so the
// test driver's own round trips do not count. "On screen" is the end of the first frame after the
// verdict appears in the DOM: a task queued from that frame's animation callback runs once the
// frame, the canvas's own render included, is done.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import type { Browser, Page } from 'playwright-core'

export const APP_VIEWPORT = { width: 1280, height: 800 }
const VERDICT_DONE = '[data-testid=verdict][data-status=ok], [data-testid=verdict][data-status=warn], [data-testid=verdict][data-status=fail]'

declare global {
  interface Window {
    __verdictSeen?: Record<string, number>
  }
}

/** Installed before any page script: records when each variant's verdict first shows (and paints).
 *  A string, not a function: tsx would wrap named inner functions in a helper the page lacks. */
const WATCH_VERDICTS = `(() => {
  const seen = {}
  window.__verdictSeen = seen
  const look = () => {
    const el = document.querySelector('[data-testid=verdict]')
    const status = el && el.getAttribute('data-status')
    const variant = el && el.getAttribute('data-variant')
    if (!el || !variant || !status || status === 'pending' || status === 'error') return
    const key = variant + '@' + (document.documentElement.dataset.switchMark || '0')
    if (key in seen) return
    seen[key] = -1
    requestAnimationFrame(() => setTimeout(() => { seen[key] = performance.now() }, 0))
  }
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'data-variant'] })
})()`

export interface FirstVerdict {
  /** navigation start → first verdict painted, ms */
  ms: number
  /** where the time went, from the page's own timing entries, ms since navigation start */
  scriptsLoadedMs: number
  domContentLoadedMs: number
  firstCanvasFrameMs: number | null
}

export async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: APP_VIEWPORT })
  await page.addInitScript(WATCH_VERDICTS)
  await page.goto(url)
  return page
}

async function verdictTime(page: Page, key: string, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction((k) => {
    const t = window.__verdictSeen?.[k]
    return t !== undefined && t >= 0 ? t : null
  }, key, { timeout: timeoutMs, polling: 50 })
  return (await handle.jsonValue()) as number
}

/** Opens the app on a fresh page and times navigation → first verdict painted. */
export async function measureFirstVerdict(browser: Browser, url: string, timeoutMs = 120_000): Promise<FirstVerdict> {
  const page = await openApp(browser, url)
  try {
    await page.waitForSelector(VERDICT_DONE, { timeout: timeoutMs })
    const variant = (await page.locator('[data-testid=verdict]').getAttribute('data-variant')) ?? ''
    const ms = await verdictTime(page, `${variant}@0`, timeoutMs)
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith('.js'))
      return {
        scriptsLoadedMs: Math.max(0, ...scripts.map((e) => e.responseEnd)),
        domContentLoadedMs: nav?.domContentLoadedEventEnd ?? 0,
        firstCanvasFrameMs: performance.getEntriesByName('halltwin:first-frame')[0]?.startTime ?? null,
      }
    })
    return { ms, ...timing }
  } finally {
    await page.close()
  }
}

export interface SwitchSample {
  from: string
  to: string
  ms: number
}

/** Clicks each other variant in turn (after every variant has its verdict dot) and times click → verdict painted. */
export async function measureVariantSwitches(browser: Browser, url: string, timeoutMs = 120_000): Promise<SwitchSample[]> {
  const page = await openApp(browser, url)
  try {
    await page.waitForSelector(VERDICT_DONE, { timeout: timeoutMs })
    const ids = await page.locator('[role=tablist][aria-label=Variant] [role=tab]').evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^variant-/, '')))
    // Every variant solved (its dot shows a verdict): the switch shows what the user would see after a moment.
    await page.waitForFunction((n) => document.querySelectorAll('[role=tablist][aria-label=Variant] [role=tab] .status-dot:not(.status-none)').length >= n, ids.length, { timeout: timeoutMs })
    const samples: SwitchSample[] = []
    let from = (await page.locator('[data-testid=verdict]').getAttribute('data-variant')) ?? ''
    let mark = 0
    for (const to of [...ids.filter((id) => id !== from), from]) {
      mark++
      // Let the previous switch settle (a few frames) so each sample starts from rest.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      const t0 = await page.evaluate(({ id, m }) => {
        document.documentElement.dataset.switchMark = String(m)
        const t = performance.now()
        ;(document.querySelector(`[data-testid="variant-${id}"]`) as HTMLElement).click()
        return t
      }, { id: to, m: mark })
      const t1 = await verdictTime(page, `${to}@${mark}`, timeoutMs)
      samples.push({ from, to, ms: t1 - t0 })
      from = to
    }
    return samples
  } finally {
    await page.close()
  }
}

export interface FpsSample {
  /** frames the canvas drew per wall second while the button was held */
  fps: number
  frames: number
  /** of those, frames drawn with the camera somewhere else than in the frame before */
  movedFrames: number
  seconds: number
  /** mouse moves the driver got through per second (input rate) */
  movesPerSecond: number
  /** CPU time of every Chromium process (browser, renderer, GPU process with SwiftShader's
   *  threads) per frame drawn, ms; null where /proc is missing. Less dependent on other load than fps. */
  cpuMsPerFrame: number | null
  /** 1-minute load average before and after the drag (2 cores on the shared machine) */
  loadAverage: [number, number]
  /** pixel ratio and triangles of the last frame drawn while moving */
  movingPixelRatio: number
  movingTriangles: number
}

/** CPU time (user + system, ms) of this process's Chromium descendants, from /proc (Linux). */
function chromiumCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null
  const children = new Map<number, number[]>()
  const ticks = new Map<number, number>()
  const chromium = new Set<number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const pid = Number(entry)
      const parent = Number(fields[1])
      ticks.set(pid, Number(fields[11]) + Number(fields[12]))
      children.set(parent, [...(children.get(parent) ?? []), pid])
      if (/chrom/.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) chromium.add(pid)
    } catch {
      // the process ended while being read
    }
  }
  let total = 0
  const stack = [process.pid]
  while (stack.length > 0) {
    const pid = stack.pop()!
    if (chromium.has(pid)) total += ticks.get(pid) ?? 0
    stack.push(...(children.get(pid) ?? []))
  }
  return total * 10 // USER_HZ is 100 on Linux
}

/** In the page: counts the frames the canvas draws (each renderer.render call) and those whose
 *  camera differs from the frame before's. A string: tsx would wrap named inner functions. */
const COUNT_FRAMES = `(() => {
  const gl = window.__gl
  if (gl.__frameCounter) return
  const counter = { drawn: 0, moved: 0, last: null }
  gl.__frameCounter = counter
  const render = gl.render.bind(gl)
  gl.render = (scene, camera) => {
    const out = render(scene, camera)
    counter.drawn++
    const m = camera.matrixWorld.elements
    if (counter.last === null || m.some((v, i) => v !== counter.last[i])) counter.moved++
    counter.last = m.slice()
    return out
  }
})()`

/** Drags the camera (left button held on empty ground, the pointer swinging left and right, real
 *  mouse events through page.mouse) for `seconds` and counts the frames the canvas drew per wall
 *  second. The drag starts from rest on a page whose solves have finished; its first frames
 *  (shader variants compiled on a first drag) are counted too. */
export async function measureDragFps(browser: Browser, url: string, seconds = 4, timeoutMs = 120_000): Promise<FpsSample> {
  if (seconds < 2) throw new Error('measure the drag for at least 2 s')
  const page = await openApp(browser, url)
  try {
    await page.waitForSelector(VERDICT_DONE, { timeout: timeoutMs })
    await page.waitForFunction(() => (window.__gl?.info.render.frame ?? 0) > 0, undefined, { timeout: timeoutMs })
    // Every variant solved (each answer is a change the canvas draws), so the drag measures rendering, not start-up.
    await page.waitForFunction(() => document.querySelectorAll('[role=tablist][aria-label=Variant] [role=tab] .status-dot.status-none').length === 0, undefined, { timeout: timeoutMs })
    const box = await page.locator('canvas').boundingBox()
    if (!box) throw new Error('no canvas')
    // Press on empty ground or sky (a press on a row would move the row, not the camera): near
    // the top of the canvas, where the hover pick finds nothing.
    const cx = box.x + box.width / 2
    const cy = box.y + 40
    await page.mouse.move(cx, cy)
    await page.mouse.move(cx + 1, cy)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const cursor = await page.locator('canvas').evaluate((c) => (c as HTMLElement).style.cursor)
    if (cursor === 'grab') throw new Error('the drag would start on an item, not on empty space')
    await page.evaluate(COUNT_FRAMES)
    const count = () => page.evaluate(() => {
      const c = (window.__gl as unknown as { __frameCounter: { drawn: number; moved: number } }).__frameCounter
      return { drawn: c.drawn, moved: c.moved }
    })
    const load0 = loadavg()[0]!
    await page.mouse.down()
    const c0 = await count()
    const cpu0 = chromiumCpuMs()
    const t0 = Date.now()
    let moves = 0
    while (Date.now() - t0 < seconds * 1000) {
      const phase = moves * 0.15
      await page.mouse.move(cx + 200 * Math.sin(phase), cy + 20 + 20 * Math.sin(phase * 0.7))
      moves++
    }
    const c1 = await count()
    const cpu1 = chromiumCpuMs()
    const elapsed = (Date.now() - t0) / 1000
    const moving = await page.evaluate(() => ({ ratio: window.__gl?.getPixelRatio() ?? 0, triangles: window.__gl?.info.render.triangles ?? 0 }))
    await page.mouse.up()
    const frames = c1.drawn - c0.drawn
    return {
      fps: frames / elapsed,
      frames,
      movedFrames: c1.moved - c0.moved,
      seconds: elapsed,
      movesPerSecond: moves / elapsed,
      cpuMsPerFrame: cpu0 !== null && cpu1 !== null && frames > 0 ? (cpu1 - cpu0) / frames : null,
      loadAverage: [load0, loadavg()[0]!],
      movingPixelRatio: moving.ratio,
      movingTriangles: moving.triangles,
    }
  } finally {
    await page.close()
  }
}

/** Opens Share → Printable report and times the click → the report page loaded in its frame. */
export async function measureReport(browser: Browser, url: string, timeoutMs = 180_000): Promise<number> {
  const page = await openApp(browser, url)
  try {
    await page.waitForSelector(VERDICT_DONE, { timeout: timeoutMs })
    await page.click('[data-testid=share-menu]')
    // A string: tsx would wrap the named inner functions in a helper the page lacks.
    const ms = (await page.evaluate(`new Promise((resolve) => {
      const t0 = performance.now()
      let watched = null
      const check = () => {
        const frame = document.querySelector('[data-testid=report-frame]')
        if (!frame || frame === watched) return
        watched = frame
        frame.addEventListener('load', () => resolve(performance.now() - t0), { once: true })
      }
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true })
      document.querySelector('[data-testid=report-button]').click()
    })`)) as number
    await page.frameLocator('[data-testid=report-frame]').locator('section.variant').first().waitFor({ timeout: timeoutMs })
    return ms
  } finally {
    await page.close()
  }
}
