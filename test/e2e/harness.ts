// The tiny test harness of the browser test files: named tests that never stop the run, an
// assertion, the closing "N passed, N failed" line with the exit code, and withApp, the preview
// server and the browser every file runs its tests against.
import type { Browser } from 'playwright-core'
import { launchBrowser, startPreview, type PreviewServer } from './browser'

let passed = 0
let failed = 0

function fail(name: string, error: unknown): void {
  failed++
  console.log(`  ✗ ${name}\n      ${error instanceof Error ? error.message : String(error)}`)
}

export async function test(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body()
    passed++
    console.log(`  ✓ ${name}`)
  } catch (error) {
    fail(name, error)
  }
}

export function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message)
}

/** Prints the summary line and ends the process with 1 if any test failed. */
export function finish(): never {
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed > 0 ? 1 : 0)
}

export interface App {
  server: PreviewServer
  browser: Browser
  /** Where collectErrors records the pages' errors, for testNoErrors. */
  errors: string[]
}

/** How long a signal waits for the browser to close before the process ends anyway (its exit
 *  handlers then kill Chromium and the preview). */
const CLOSE_ON_SIGNAL_MS = 10_000

/** Runs a browser test file: starts `vite preview` and Chromium, runs `body`, closes both whatever
 *  happens and ends with the summary line. A throw outside a test (the preview not starting, a page
 *  that does not load before the tests) counts as a failure, as does a SIGTERM or SIGINT (run-all's
 *  time limit on a hung file), which closes both before the process ends. */
export async function withApp(body: (app: App) => Promise<void>): Promise<never> {
  let server: PreviewServer | undefined
  let browser: Browser | undefined
  let closing: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      try {
        await browser?.close()
      } catch (error) {
        fail('closing the browser', error)
      } finally {
        server?.stop()
      }
    })())
  const onSignal = (signal: NodeJS.Signals): void => {
    // run-all's spawnSync stops reading our output when its time limit sends the signal: a write
    // must not throw (EPIPE) before the browser and the preview are closed.
    process.stdout.on('error', () => {})
    fail(`the run, stopped by ${signal}`, 'the tests left were not run; the browser and the preview are closed before the process ends')
    const timer = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_ON_SIGNAL_MS))
    void Promise.race([close(), timer]).then(() => finish())
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
  try {
    server = await startPreview()
    browser = await launchBrowser()
    await body({ server, browser, errors: [] })
  } catch (error) {
    fail('outside a test', error)
  } finally {
    await close()
  }
  finish()
}

/** The closing test of a file: the pages handed to collectErrors logged no errors. */
export function testNoErrors(name: string, errors: string[]): Promise<void> {
  return test(name, async () => {
    expect(errors.length === 0, errors.join('\n      '))
  })
}
