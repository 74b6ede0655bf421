#!/usr/bin/env node
// npm run build:cli — and `prepare`, so `npm install` / `npm ci` in a fresh clone builds it.
// Bundles the CLI (src/cli/main.ts with the model, the solver, the report and the models/*.json
// catalog it imports, zod included) with esbuild into dist-cli/, so `npx halltwin` starts as plain
// JavaScript: no TypeScript transpiled at run time, no module resolution in node_modules.
// One CommonJS bundle per command (src/cli/*Command.ts → dist-cli/*Command.cjs) and a small one
// for main.ts, which dispatches to them (`help` loads nothing else). CommonJS rather than ES
// modules because bin/halltwin.mjs runs each bundle as a vm.Script with V8's code cache
// (bin/codeCache.mjs): Node 20 has no code cache for ES modules, and a cold `check` spent a
// fifth of its time parsing and compiling. The code the commands share (the model, the solver) is
// in each command's bundle: only one command runs in a process.
// dist-cli/sources.json lists the source files the bundle was built from; bin/halltwin.mjs runs the
// bundle only while none of them is newer than it (else the sources through tsx: development).
// Plain JavaScript (not .ts) so that `prepare` needs nothing but Node and esbuild.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const ENTRY_NAME = 'halltwin.cjs'
export const SOURCES_NAME = 'sources.json'

/**
 * `import { z } from 'zod'` gives zod's namespace object `z` through a re-export, and esbuild
 * keeps every member of a namespace it cannot see through: all of zod's 40-odd locales, JSON
 * Schema conversion, the JIT compiler — 580 kB of the 830 kB a `check` loads. zod's index.js is
 * `import * as z from './v4/classic/external.js'; export { z }`, so importing that module as a
 * namespace directly is the same object, and esbuild then keeps only the members the code uses
 * (about 140 kB). The rewrite happens in the bundle only; the sources are untouched. If a zod
 * version moves the file, nothing is rewritten (a larger bundle, the same behaviour).
 */
function zodNamespace() {
  let external = null
  try {
    external = join(dirname(createRequire(import.meta.url).resolve('zod')), 'v4/classic/external.js')
  } catch {
    // no zod: esbuild reports the missing import itself
  }
  return {
    name: 'zod-namespace',
    setup(build) {
      if (!external || !existsSync(external)) return
      build.onLoad({ filter: /\.tsx?$/ }, (args) => {
        if (args.path.includes('node_modules')) return undefined
        const text = readFileSync(args.path, 'utf8')
        if (!text.includes("import { z } from 'zod'")) return undefined
        return {
          contents: text.replace(/^import \{ z \} from 'zod'$/gm, `import * as z from ${JSON.stringify(external)}`),
          loader: args.path.endsWith('x') ? 'tsx' : 'ts',
        }
      })
    },
  }
}

/** The command modules main.ts imports (src/cli/*Command.ts), each an entry of its own. */
function commandEntries() {
  const dir = join(ROOT, 'src/cli')
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => /^\w+Command\.ts$/.test(f))
      .map((f) => [f.replace(/\.ts$/, ''), `src/cli/${f}`]),
  )
}

/** main.ts's `import('./checkCommand')` and the like: left to run time, as `require('./checkCommand.cjs')`
 *  (bin/halltwin.mjs answers that require with the bundle through its code cache). */
function commandsExternal() {
  return {
    name: 'commands-external',
    setup(build) {
      build.onResolve({ filter: /^\.\/\w+Command$/ }, (args) => (args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: `${args.path}.cjs`, external: true } : undefined))
    },
  }
}

/** Builds the CLI into `outDir` (default dist-cli/); returns the bundle's path and its sources. */
export async function buildCli(outDir = join(ROOT, 'dist-cli')) {
  const { build } = await import('esbuild')
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { halltwin: 'src/cli/main.ts', ...commandEntries() },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20.19',
    // import() of a command becomes require(), which the bin's loader answers (no dynamic import
    // is left for vm.Script, which would need a callback for it).
    supported: { 'dynamic-import': false },
    // Whitespace and syntax only: identifiers stay readable in a stack trace (HALLTWIN_DEBUG=1).
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [zodNamespace(), commandsExternal()],
  })
  // Our own files only: a change in node_modules comes with `npm install`, which rebuilds.
  const sources = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes('node_modules/'))
    .map((p) => relative(ROOT, resolve(ROOT, p)))
    .sort()
  // Written last: the bundle counts as built only once this file exists, newer than every source.
  writeFileSync(join(outDir, SOURCES_NAME), `${JSON.stringify({ entry: ENTRY_NAME, sources }, null, 1)}\n`)
  return { entry: join(outDir, ENTRY_NAME), sources }
}

/**
 * Links node_modules/.bin/halltwin to bin/halltwin.mjs, so `npx halltwin` finds it there.
 * Why not package.json's `bin`: npx runs a bin that the project itself declares by loading the
 * whole dependency tree (@npmcli/arborist's loadActual) and linking the project into its npx cache
 * — some 0.3–0.4 s before the CLI's first instruction — while a command already in
 * node_modules/.bin is run straight away (libnpmexec: it looks for the project's own bin first,
 * then node_modules/.bin). The package is private (never installed as a dependency), so nothing
 * else reads `bin`. Returns what it did, for the log line.
 */
export function linkBin(root = ROOT) {
  const binDir = join(root, 'node_modules', '.bin')
  if (!existsSync(join(root, 'node_modules'))) return 'no node_modules/: npx halltwin not linked'
  mkdirSync(binDir, { recursive: true })
  const link = join(binDir, 'halltwin')
  const target = join('..', '..', 'bin', 'halltwin.mjs')
  const present = lstatSync(link, { throwIfNoEntry: false })
  if (present?.isSymbolicLink() && readlinkSync(link) === target) return 'node_modules/.bin/halltwin already linked'
  if (present) rmSync(link, { force: true })
  symlinkSync(target, link)
  return 'linked node_modules/.bin/halltwin'
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // An install without devDependencies has no esbuild: say so, and let the install go on.
  if (!(await import('esbuild').then(() => true, () => false))) {
    console.log(`halltwin CLI not built: esbuild is not installed (a devDependency); bin/halltwin.mjs needs dist-cli/ or tsx; ${linkBin()}`)
    process.exit(0)
  }
  const started = performance.now()
  const { entry, sources } = await buildCli(process.argv[2] ? resolve(process.argv[2]) : undefined)
  console.log(`halltwin CLI built: ${relative(process.cwd(), entry) || entry} from ${sources.length} source files in ${(performance.now() - started).toFixed(0)} ms; ${linkBin()}`)
}
