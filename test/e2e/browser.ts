// Shared browser plumbing for the e2e scripts: Chromium flags (see shared toolchain notes),
// a `vite preview` server on a free port, and the console lines known to be harmless.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--use-gl=angle',
]

/** Console lines that are noise, not errors of the app. */
export const HARMLESS_CONSOLE = [
  /THREE\.Clock: This module has been deprecated/,
  /GPU stall due to ReadPixels/,
  /Automatic fallback to software WebGL has been deprecated/,
  /favicon\.ico.*404|404.*favicon\.ico/,
]

export function isHarmless(text: string): boolean {
  return HARMLESS_CONSOLE.some((re) => re.test(text))
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}

export interface PreviewServer {
  url: string
  stop: () => void
}

/** Starts `vite preview` on the existing dist/ build and waits until it answers. */
export async function startPreview(port?: number): Promise<PreviewServer> {
  const p = port ?? (await freePort())
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(p), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${p}`
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM') // the npx process group, which holds vite
      } catch {
        child.kill('SIGTERM')
      }
    }
  }
  process.once('exit', stop)
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(url)
      if (res.ok) return { url, stop }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  stop()
  throw new Error(`vite preview did not answer on ${url}:\n${output}`)
}

/** Records a page's uncaught errors and console errors (less the known harmless lines) into `errors`. */
export function collectErrors(page: import('playwright-core').Page, errors: string[]): void {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !isHarmless(m.text())) errors.push(`console.error: ${m.text()}`)
  })
}

/** Waits until the canvas (which draws on demand) has drawn `frames` more frames, asking it for a
 *  frame on every poll: a single request can fall into a moment the canvas holds its frames (the
 *  verdict-first hold after a switch) or come before the canvas is mounted. */
export async function drawFrames(page: import('playwright-core').Page, frames = 3, timeout = 120_000): Promise<void> {
  const f0 = await page.evaluate(() => window.__gl?.info.render.frame ?? 0)
  await page.waitForFunction(
    ({ f0, frames }) => {
      window.__invalidate?.(1)
      return (window.__gl?.info.render.frame ?? 0) >= f0 + frames
    },
    { f0, frames },
    { timeout, polling: 100 },
  )
}

/** Draw calls of a frame at rest: frames are drawn one at a time until three in a row report the
 *  same count. A frame right after the scene changed also redraws the shadow map (its calls count
 *  too, about a dozen more), and on a busy machine that frame can be the one a single read sees. */
export async function restingDrawCalls(page: import('playwright-core').Page, timeout = 120_000): Promise<number> {
  const end = Date.now() + timeout
  let last = -1
  let same = 0
  while (Date.now() < end) {
    await drawFrames(page, 1, Math.max(1, end - Date.now()))
    const calls = await page.evaluate(() => window.__gl?.info.render.calls ?? -1)
    same = calls === last ? same + 1 : 0
    last = calls
    if (same >= 2) return calls
  }
  throw new Error(`draw calls did not settle in ${timeout} ms (last frame: ${last})`)
}
