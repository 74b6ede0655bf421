// Reading scene files for the CLI: every way a file can be bad becomes a CliInputError
// with the field-path issues, never a stack trace. Reads at most MAX_SCENE_BYTES from any path
// (a regular file, /dev/zero, a pipe, stdin as "-"), and only well-formed UTF-8.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { Catalog } from '../model/catalog'
import { parseSceneText, MAX_SCENE_BYTES } from '../model/parse'
import type { Scene } from '../model/sceneSchema'
import { oneLine } from './format/terminal'
import { loadSiteWeather } from './weatherFile'
import { CliInputError } from './errors'

export { CliInputError }

/** The path to read the scene from standard input. */
export const STDIN = '-'

const CHUNK_BYTES = 64 * 1024

/** Blocks the thread for a moment: a non-blocking stdin with no data yet says EAGAIN. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** Every byte of an open file, or a CliInputError past `limit` bytes: a size from stat is not
 *  enough, /dev/zero and pipes have none. */
export function readLimited(fd: number, limit: number, name: string): Buffer {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total))
    let n: number
    try {
      n = readSync(fd, chunk, 0, chunk.length, null)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e
      pause(10)
      continue
    }
    if (n === 0) return Buffer.concat(chunks, total)
    chunks.push(chunk.subarray(0, n))
    total += n
    if (total > limit) throw new CliInputError(`${name}: too large (more than ${limit.toLocaleString('en-US')} bytes; a scene file is at most ${limit / 1024 / 1024} MB)`)
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode 15, table
 *  3-7: no overlongs, no surrogates, nothing above U+10FFFF), or -1 when all is well-formed. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let length: number
    let low = 0x80
    let high = 0xbf
    if (b >= 0xc2 && b <= 0xdf) length = 2
    else if (b === 0xe0) [length, low] = [3, 0xa0]
    else if (b === 0xed) [length, high] = [3, 0x9f]
    else if (b >= 0xe1 && b <= 0xef) length = 3
    else if (b === 0xf0) [length, low] = [4, 0x90]
    else if (b === 0xf4) [length, high] = [4, 0x8f]
    else if (b >= 0xf1 && b <= 0xf3) length = 4
    else return i
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i
    }
    i += length
  }
  return -1
}

/** The text of a file's bytes: UTF-8, a leading byte-order mark dropped; anything else refused
 *  with the offset of the first bad byte. */
export function decodeSceneBytes(bytes: Uint8Array, name: string): string {
  try {
    // ignoreBOM false (the default): a leading U+FEFF is consumed, not returned.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const at = invalidUtf8Offset(bytes)
    if (at < 0) throw new CliInputError(`${name}: not UTF-8 text`)
    const line = bytes.subarray(0, at).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1)
    const shown = [...bytes.subarray(at, at + 4)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ')
    throw new CliInputError(`${name}: not UTF-8 text: invalid byte at offset ${at} (line ${line}: ${shown})`)
  }
}

function readSceneBytes(path: string, name: string): Buffer {
  if (path === STDIN) return readLimited(0, MAX_SCENE_BYTES, name)
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const stat = fstatSync(fd)
    if (stat.isDirectory()) throw new CliInputError(`${name}: is a directory, expected a scene file`)
    if (stat.isFile() && stat.size > MAX_SCENE_BYTES) throw new CliInputError(`${name}: file too large (${stat.size.toLocaleString('en-US')} bytes; a scene file is at most ${MAX_SCENE_BYTES / 1024 / 1024} MB)`)
    return readLimited(fd, MAX_SCENE_BYTES, name)
  } catch (e) {
    if (e instanceof CliInputError) throw e
    const code = (e as NodeJS.ErrnoException).code
    throw new CliInputError(code === 'ENOENT' ? `${name}: no such file` : `${name}: cannot read (${code ?? (e as Error).message})`)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Reads, decodes, parses and validates a scene file ("-": standard input). */
export function readSceneFile(path: string, catalog: Catalog): Scene {
  const name = path === STDIN ? 'standard input' : oneLine(path)
  const text = decodeSceneBytes(readSceneBytes(path, name), name)
  const result = parseSceneText(text, catalog)
  if (!result.ok) throw new CliInputError(`${name}: invalid scene (${result.issues.length} problem${result.issues.length === 1 ? '' : 's'})`, result.issues)
  return loadSiteWeather(result.scene, path)
}
