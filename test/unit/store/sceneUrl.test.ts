import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_SCENE_BYTES } from '../../../src/model/parse'
import { fetchSceneText, sceneUrlPolicy } from '../../../src/store/sceneUrl'

const ORIGIN = 'https://halltwin.test'

afterEach(() => vi.unstubAllGlobals())

describe('where ?scene= may load from', () => {
  it.each([
    ['/scenes/a.json', 'same-origin'],
    ['scenes/a.json', 'same-origin'],
    [`${ORIGIN}/a.json`, 'same-origin'],
    ['https://cdn.example/a.json', 'other-origin'],
    ['//cdn.example/a.json', 'other-origin'],
    ['http://cdn.example/a.json', 'refused'],
    ['data:application/json,{}', 'refused'],
    ['javascript:alert(1)', 'refused'],
    ['blob:https://halltwin.test/123', 'refused'],
    ['file:///etc/passwd', 'refused'],
    ['http://[::1', 'refused'],
  ])('%s is %s', (url, kind) => {
    expect(sceneUrlPolicy(url, ORIGIN).kind).toBe(kind)
  })

  it('a plain-http page loads its own files', () => {
    expect(sceneUrlPolicy('/a.json', 'http://127.0.0.1:4173').kind).toBe('same-origin')
  })
})

describe('reading a scene URL', () => {
  const url = new URL(`${ORIGIN}/a.json`)
  const stream = (chunks: number, size: number) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < chunks; i++) c.enqueue(new Uint8Array(size).fill(0x20))
        c.close()
      },
    })

  it('reads the text', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"a": "é"}'))
    expect(await fetchSceneText(url)).toEqual({ ok: true, text: '{"a": "é"}' })
  })

  it(`refuses a declared size over ${MAX_SCENE_BYTES / 1024 / 1024} MB before reading it`, async () => {
    const body = stream(1, 10)
    vi.stubGlobal('fetch', async () => new Response(body, { headers: { 'content-length': String(MAX_SCENE_BYTES + 1) } }))
    const r = await fetchSceneText(url)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/file too large \(52,428,801 bytes; a scene file is at most 50 MB\)/)
  })

  it('stops reading a body with no declared size once it passes the cap', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++
        c.enqueue(new Uint8Array(1024))
      },
    })
    vi.stubGlobal('fetch', async () => new Response(endless))
    const r = await fetchSceneText(url, 10 * 1024)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/more than 10,240 bytes/)
    expect(pulled).toBeLessThan(20)
    vi.stubGlobal('fetch', async () => new Response(stream(3, 1024)))
    expect((await fetchSceneText(url, 3 * 1024)).ok).toBe(true)
  })

  it('refuses a redirect to another site, an HTTP error and text that is not UTF-8', async () => {
    vi.stubGlobal('fetch', async () => Object.defineProperty(new Response('{}'), 'url', { value: 'https://evil.example/x.json' }))
    expect(await fetchSceneText(url)).toMatchObject({ ok: false, message: expect.stringMatching(/redirects to another site \(https:\/\/evil\.example\)/) })
    vi.stubGlobal('fetch', async () => new Response('x', { status: 404, statusText: 'Not Found' }))
    expect(await fetchSceneText(url)).toMatchObject({ ok: false, message: 'could not load the scene: HTTP 404 Not Found' })
    vi.stubGlobal('fetch', async () => new Response(new Uint8Array([0x7b, 0xff, 0x7d])))
    expect(await fetchSceneText(url)).toMatchObject({ ok: false, message: expect.stringMatching(/not UTF-8/) })
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')))
    expect(await fetchSceneText(url)).toMatchObject({ ok: false, message: 'could not load the scene: Failed to fetch' })
  })
})
