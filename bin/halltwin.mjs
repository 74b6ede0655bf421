#!/usr/bin/env node
// halltwin: runs the built CLI (dist-cli/, bundled by scripts/build-cli.mjs on `npm install`)
// when it is up to date with the sources; otherwise — a source edited since the build, or
// HALLTWIN_DEV=1 — the TypeScript sources through tsx's loader (development only: slower to start).
import { join } from 'node:path'
import { freshBuild } from './built.mjs'
import { loadBundle } from './codeCache.mjs'

// `halltwin check … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw e
  })
}

const root = join(import.meta.dirname, '..')
const built = process.env.HALLTWIN_DEV ? null : freshBuild(root)

async function sources() {
  let register
  try {
    ;({ register } = await import('tsx/esm/api'))
  } catch {
    process.stderr.write('halltwin: the built CLI (dist-cli/) is missing or older than src/, and tsx is not installed: run `npm run build:cli`\n')
    process.exit(3)
  }
  register()
  return import('../src/cli/main.ts')
}

// HALLTWIN_TRACE=1 says which one runs, and whether V8's code cache served each bundle (on stderr).
const trace = process.env.HALLTWIN_TRACE ? (line) => process.stderr.write(`halltwin: ${line}\n`) : null
trace?.(`running ${built ?? 'src/cli/main.ts through tsx'}`)
// The bundles through V8's code cache (codeCache.mjs); the sources through tsx.
const { main } = built ? loadBundle(built, trace) : await sources()
process.exitCode = await main(process.argv.slice(2))
