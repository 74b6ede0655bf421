// Browser test of the autosave in headless Chromium. Needs dist/ (npx vite build).
// Run: npx tsx test/e2e/autosave.e2e.ts — prints "N passed, N failed" last, non-zero exit on failure.
// A broken autosave (null, garbage) still boots the app and is kept as a backup; ?scene= over
// unsaved edits asks and keeps a backup; two tabs see each other's saves and ask on conflict;
// a full storage shows a banner; the backups list restores and deletes. Screenshots of the
// dialogs go to AUTOSAVE_SHOTS (default /tmp).
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { collectErrors } from './browser'
import { expect, test, testNoErrors, withApp } from './harness'

const KEY = 'halltwin.autosave.v1'
const BACKUP_PREFIX = 'halltwin.backup.'
const REPORT_READY = '[data-testid=verdict][data-status]'
const SHOTS = process.env.AUTOSAVE_SHOTS ?? '/tmp'
const viewport = { width: 1400, height: 900 }
const LINKED_NAME = 'Linked hall for the autosave test'
const linkedScene = JSON.stringify({ ...JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')), name: LINKED_NAME })
const EXAMPLE_NAME = (JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')) as { name: string }).name

interface Stored {
  revision: number
  tabId: string
  unsavedEdits: number
  source: string
  variantIds: string[]
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector(REPORT_READY, { timeout: 60_000 })
  await page.waitForSelector('[data-testid=editor-toolbar]', { timeout: 30_000 })
}

async function stored(page: Page): Promise<Stored | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key)
    if (raw === null) return null
    const e = JSON.parse(raw) as Omit<Stored, 'variantIds'> & { scene: { variants: { id: string }[] } }
    return { revision: e.revision, tabId: e.tabId, unsavedEdits: e.unsavedEdits, source: e.source, variantIds: e.scene.variants.map((v) => v.id) }
  }, KEY)
}

async function backups(page: Page): Promise<{ key: string; reason: string; raw: string }[]> {
  return page.evaluate((prefix) => {
    const out: { key: string; reason: string; raw: string }[] = []
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (!key?.startsWith(prefix)) continue
      const v = JSON.parse(localStorage.getItem(key)!) as { reason: string; raw: string }
      out.push({ key, reason: v.reason, raw: v.raw })
    }
    return out
  }, BACKUP_PREFIX)
}

/** Waits until the autosave in storage has a variant of this id. */
async function savedWithVariant(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    ([key, v]) => {
      const raw = localStorage.getItem(key!)
      return raw !== null && (JSON.parse(raw) as { scene: { variants: { id: string }[] } }).scene.variants.some((x) => x.id === v)
    },
    [KEY, id],
    { timeout: 30_000 },
  )
}

/** Runs `body` in a fresh browser context, closed afterwards even when the test fails (its pages render). */
async function inContext(browser: Browser, body: (context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport })
  try {
    await body(context)
  } finally {
    await context.close()
  }
}

async function newPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage()
  collectErrors(page, errors)
  return page
}

await withApp(async ({ server, browser, errors }) => {
  for (const [label, raw] of [
    ['null', 'null'],
    ['garbage', '{"scene": '],
  ] as const) {
    await test(`an autosave holding ${label} boots the app, is kept as a backup, and the user is told`, () =>
      inContext(browser, async (context) => {
        const page = await newPage(context, errors)
        await page.goto(`${server.url}/`)
        await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, raw])
        await page.reload()
        await page.waitForSelector('[data-testid=autosave-prompt][data-kind=unreadable]', { timeout: 30_000 })
        await ready(page)
        const shown = await page.locator('[data-testid=scene-name]').innerText()
        expect(shown === EXAMPLE_NAME, `the scene shown is "${shown}"`)
        const kept = await backups(page)
        expect(kept.length === 1 && kept[0]!.raw === raw && kept[0]!.reason === 'unreadable', `backups: ${JSON.stringify(kept)}`)
        expect((await stored(page)) === null, 'the broken autosave is still in the slot')
        if (label === 'null') await page.screenshot({ path: `${SHOTS}/autosave-unreadable.png` })
        await page.click('[data-testid=autosave-ok]')
        await page.waitForSelector('[data-testid=autosave-prompt]', { state: 'detached', timeout: 30_000 })
      }),
    )
  }

  await inContext(browser, async (context) => {
    await context.route((url) => url.pathname === '/linked-scene.json', (route) => route.fulfill({ body: linkedScene, contentType: 'application/json' }))
    const page = await newPage(context, errors)
    await page.goto(`${server.url}/`)
    await ready(page)

    await test('?scene= over unsaved edits asks; "keep my edits" keeps them, and a backup', async () => {
      await page.click('[data-testid=new-variant]')
      await savedWithVariant(page, 'asic-baseline-edit')
      const before = await page.evaluate((key) => localStorage.getItem(key), KEY)
      await page.goto(`${server.url}/?scene=/linked-scene.json`)
      await page.waitForSelector('[data-testid=autosave-prompt][data-kind=linked-scene]', { timeout: 30_000 })
      const found = await page.locator('[data-testid=autosave-found]').innerText()
      expect(found.includes(EXAMPLE_NAME) && /1 edit not exported/.test(found), `the dialog shows: ${found}`)
      await page.screenshot({ path: `${SHOTS}/autosave-linked-scene.png` })
      await page.click('[data-testid=autosave-keep-mine]')
      await ready(page)
      await page.waitForSelector('[data-testid=variant-asic-baseline-edit]', { timeout: 30_000 })
      expect(!page.url().includes('scene='), `the address still opens the link: ${page.url()}`)
      const kept = await backups(page)
      expect(kept.length === 1 && kept[0]!.reason === 'linked-scene' && kept[0]!.raw === before, `backups: ${kept.map((b) => b.reason).join(', ')}`)
    })

    await test('?scene= over unsaved edits: "open the linked scene" opens it, the edits stay in a backup', async () => {
      await page.goto(`${server.url}/?scene=/linked-scene.json`)
      await page.waitForSelector('[data-testid=autosave-prompt][data-kind=linked-scene]', { timeout: 30_000 })
      await page.click('[data-testid=autosave-open-link]')
      await page.waitForFunction((n) => document.querySelector('[data-testid=scene-name]')?.textContent === n, LINKED_NAME, { timeout: 30_000 })
      await ready(page)
      await page.waitForFunction((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { source?: string }).source === '/linked-scene.json', KEY, { timeout: 30_000 })
      const kept = await backups(page)
      expect(kept.some((b) => b.reason === 'linked-scene' && b.raw.includes('asic-baseline-edit')), 'the edited scene is not in a backup')
    })

    await test('the backups list restores a backup and deletes one', async () => {
      await page.click('[data-testid=backups-open]')
      await page.waitForSelector('[data-testid=backups] [data-testid=backup]', { timeout: 30_000 })
      await page.screenshot({ path: `${SHOTS}/autosave-backups.png` })
      await page.click('[data-testid=backup][data-reason=linked-scene] [data-testid=backup-restore]')
      await page.waitForSelector('[data-testid=variant-asic-baseline-edit]', { timeout: 30_000 })
      expect((await page.locator('[data-testid=backups]').count()) === 0, 'the list stayed open')
      const count = (await backups(page)).length
      await page.click('[data-testid=backups-open]')
      await page.click('[data-testid=backup] >> nth=0 >> [data-testid=backup-delete]')
      await page.click('[data-testid=backup-delete-confirm]')
      await page.waitForFunction(([prefix, n]) => Object.keys(localStorage).filter((k) => k.startsWith(prefix as string)).length === n, [BACKUP_PREFIX, count - 1] as const, { timeout: 30_000 })
      await page.click('[data-testid=backups-close]')
    })
  })

  await test('two tabs see each other’s saves, and ask when both have edits', () =>
    inContext(browser, async (context) => {
      const a = await newPage(context, errors)
      const b = await newPage(context, errors)
      await a.goto(`${server.url}/`)
      await b.goto(`${server.url}/`)
      await Promise.all([ready(a), ready(b)])
      // A's new variant reaches B, which then switches variant: the new variant is not erased.
      await a.click('[data-testid=new-variant]')
      await b.waitForSelector('[data-testid=variant-asic-baseline-edit]', { timeout: 30_000 })
      await b.click('[data-testid=variant-gpu-h100-air]')
      await a.waitForFunction((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { variantId?: string }).variantId === 'gpu-h100-air', KEY, { timeout: 30_000 })
      expect((await stored(a))!.variantIds.includes('asic-baseline-edit'), 'the variant switch in the other tab erased the new variant')
      // Both edit before either save lands (the autosave waits 400 ms): one of them asks. A click
      // from the page itself, as Playwright's click checks take too long for "at the same time".
      const clickNewVariant = (p: Page) => p.evaluate(() => (document.querySelector('[data-testid=new-variant]') as HTMLButtonElement).click())
      // "+ Variant" copies the variant on screen as "<id>-edit" (each tab shows its own variant).
      const newId = async (p: Page) => `${(await p.locator('[role=tab][aria-selected=true][data-testid^=variant-]').getAttribute('data-testid'))!.replace(/^variant-/, '')}-edit`
      const created = new Map([[a, await newId(a)], [b, await newId(b)]])
      expect(created.get(a) !== created.get(b), `both tabs would create ${created.get(a)}`)
      await Promise.all([clickNewVariant(a), clickNewVariant(b)])
      const conflict = '[data-testid=autosave-prompt][data-kind=tab-conflict]'
      const asker = await Promise.race([a.waitForSelector(conflict, { timeout: 30_000 }).then(() => a), b.waitForSelector(conflict, { timeout: 30_000 }).then(() => b)])
      const other = asker === a ? b : a
      const mine = created.get(asker)!
      const theirs = created.get(other)!
      await asker.screenshot({ path: `${SHOTS}/autosave-tab-conflict.png` })
      await asker.click('[data-testid=autosave-keep-mine]')
      await savedWithVariant(asker, mine)
      // Saves written at the same moment make both tabs ask: the other one then takes this save.
      if ((await other.locator(conflict).count()) > 0) await other.click('[data-testid=autosave-take-theirs]')
      await other.waitForSelector(`[data-testid=variant-${mine}]`, { timeout: 30_000 })
      const kept = await backups(asker)
      expect(kept.some((k) => k.raw.includes(`"${theirs}"`)), `the other tab's edit is in no backup: ${kept.map((k) => k.reason).join(', ')}`)
    }),
  )

  await test('a full storage shows a banner with Export', () =>
    inContext(browser, async (context) => {
      await context.addInitScript((key) => {
        const setItem = Storage.prototype.setItem
        Storage.prototype.setItem = function (k: string, v: string) {
          if (k === key) throw new DOMException('Setting the value exceeded the quota.', 'QuotaExceededError')
          return setItem.call(this, k, v)
        }
      }, KEY)
      const page = await newPage(context, errors)
      await page.goto(`${server.url}/`)
      await ready(page)
      await page.click('[data-testid=new-variant]')
      const banner = page.locator('[data-testid=storage-problem][data-kind=quota]')
      await banner.waitFor({ timeout: 30_000 })
      const text = await banner.innerText()
      expect(/storage is full/.test(text) && /Export/.test(text), `the banner says: ${text}`)
      expect(await page.locator('[data-testid=storage-problem-export]').isVisible(), 'no Export button')
      await page.screenshot({ path: `${SHOTS}/autosave-quota.png` })
    }),
  )

  await testNoErrors('no page errors', errors)
})
