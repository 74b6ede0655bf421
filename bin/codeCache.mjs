// Runs the built CLI's CommonJS bundles (dist-cli/*.cjs, scripts/build-cli.mjs) with V8's code
// cache, so a start after the first parses and compiles (almost) nothing.
// Why: Node 20 keeps no compiled code between runs for ES modules (module.enableCompileCache came
// with Node 22.1), and a cold `halltwin check` of the default scene spent about a fifth of its
// time parsing and compiling the bundle. A vm.Script takes the code V8 serialised at the end of an
// earlier run (every function compiled by then, not only the top level) and skips that work; the
// bundle runs as Node's own CommonJS loader would run it (the same wrapper and arguments).
// The cache is a file per bundle in dist-cli/v8-cache/ (made anew with every build), named for the
// V8 version, the architecture and the bundle's size and modification time: V8 checks a cache
// against the source's length only, so a bundle edited in place to the same length would
// otherwise be served its old code. It is written at the end of a run that found none, or found
// one V8 rejected (another Node, other flags), through a rename (two runs at once cannot leave
// half a file). A directory it cannot write (an installed, read-only copy)
// costs nothing but the cache. NODE_DISABLE_COMPILE_CACHE=1, Node's own switch for its compile
// cache, turns it off.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { Script } from 'node:vm'

/** A bundle's `require('./x.cjs')` of another bundle goes through the cache too. */
const SIBLING = /^\.\/[\w-]+\.cjs$/

const disabled = () => Boolean(process.env.NODE_DISABLE_COMPILE_CACHE)

/** Bundles to serialise when the process ends: those run without an accepted cache. */
const pending = []

function writePending() {
  for (const { script, path } of pending) {
    try {
      mkdirSync(dirname(path), { recursive: true })
      const temp = `${path}.${process.pid}.tmp`
      writeFileSync(temp, script.createCachedData())
      renameSync(temp, path)
    } catch {
      // read-only or full: the next run compiles again, as without a cache
    }
  }
  pending.length = 0
}

/** The path of a bundle's cache file. */
export function cachePath(file) {
  const { size, mtimeMs } = statSync(file)
  return join(dirname(file), 'v8-cache', `${basename(file)}.${process.versions.v8}-${process.arch}-${size}-${Math.round(mtimeMs)}.bin`)
}

/**
 * Runs a CommonJS bundle and returns its exports, once per process (as require would). `trace`
 * (HALLTWIN_TRACE) hears whether its cache was used: "accepted", "rejected" or "none".
 */
export function loadBundle(file, trace = null, loaded = new Map()) {
  const known = loaded.get(file)
  if (known) return known.exports
  const path = cachePath(file)
  let cachedData
  if (!disabled()) {
    try {
      cachedData = readFileSync(path)
    } catch {
      // none yet
    }
  }
  const source = readFileSync(file, 'utf8')
  // Node's CommonJS wrapper, on the bundle's first line (so its line numbers stay the bundle's).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData })
  trace?.(`${basename(file)}: code cache ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'none'}`)
  if (!disabled() && (!cachedData || script.cachedDataRejected)) {
    if (pending.length === 0) process.once('exit', writePending)
    pending.push({ script, path })
  }
  const module = { exports: {} }
  loaded.set(file, module)
  const nodeRequire = createRequire(file)
  const require = Object.assign((id) => (SIBLING.test(id) ? loadBundle(join(dirname(file), id), trace, loaded) : nodeRequire(id)), {
    resolve: nodeRequire.resolve,
    cache: nodeRequire.cache,
  })
  script.runInThisContext()(module.exports, require, module, file, dirname(file))
  return module.exports
}
