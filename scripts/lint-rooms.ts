// npm run lint — keeps the rooms of src/ apart (STYLE.md): imports run one way,
// UI → store → solver → model, and the solver and model never touch React, three or the DOM.
// Also: no `any` in model/ and solver/.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'

const ROOMS = ['model', 'solver', 'report', 'editor', 'store', 'worker', 'viewport', 'ui', 'cli'] as const
type Room = (typeof ROOMS)[number]

const MAY_IMPORT: Record<Room, Room[]> = {
  model: [],
  solver: ['model'],
  report: ['model', 'solver'],
  editor: ['model'],
  cli: ['model', 'solver', 'report'],
  store: ['model', 'solver', 'editor'],
  worker: ['model', 'solver', 'store'],
  viewport: ['model', 'solver', 'store', 'editor'],
  ui: ['model', 'solver', 'store', 'viewport', 'report', 'editor'],
}
const PURE: Room[] = ['model', 'solver', 'report', 'editor', 'cli']
const UI_PACKAGES = /^(react|react-dom|three|@react-three\/|zustand|d3-)/
// The report renders the app's chart components to static markup: React and its server renderer
// and d3-scale, no DOM, no three, no store.
const REPORT_PACKAGES = /^(react|react-dom\/server|d3-scale)$/

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

function roomOf(path: string): Room | null {
  const top = relative('src', path).split(/[\\/]/)[0]
  return (ROOMS as readonly string[]).includes(top ?? '') ? (top as Room) : null
}

const problems: string[] = []
for (const file of files('src')) {
  const room = roomOf(file)
  if (!room) continue
  const text = readFileSync(file, 'utf8')
  for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2]!
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec)
      const targetRoom = roomOf(relative(process.cwd(), target))
      if (targetRoom && targetRoom !== room && !MAY_IMPORT[room].includes(targetRoom)) {
        problems.push(`${file}: the ${room} room may not import from ${targetRoom} (${spec})`)
      }
    } else if (PURE.includes(room) && UI_PACKAGES.test(spec) && !(room === 'report' && REPORT_PACKAGES.test(spec))) {
      problems.push(`${file}: the ${room} room must stay free of UI libraries (${spec})`)
    }
  }
  if (room === 'model' || room === 'solver' || room === 'report') {
    text.split('\n').forEach((raw, i) => {
      // Comments may say "any" in prose.
      const line = raw.replace(/\/\/.*$/, '').replace(/^\s*(\/\*\*?|\*).*$/, '')
      if (/(:\s*any\b|as any\b|<any>)/.test(line)) problems.push(`${file}:${i + 1}: no \`any\` in ${room}/`)
      if (/\b(window|document|navigator)\./.test(line)) problems.push(`${file}:${i + 1}: no DOM in ${room}/`)
    })
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'))
  console.error(`lint: ${problems.length} problem(s)`)
  process.exit(1)
}
console.log(`lint: ${files('src').length} files, rooms respected`)
