// Which CLI bin/halltwin.mjs runs: the bundle in dist-cli/ (scripts/build-cli.mjs, built by
// `npm install` through `prepare`) when it is there and no source it was built from has changed
// since, else null — the sources then run through tsx (development).
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The built entry under `root` (the repository), or null when it is missing or older than a source. */
export function freshBuild(root, outDir = join(root, 'dist-cli')) {
  const manifestPath = join(outDir, 'sources.json')
  // sources.json is written after the bundle: its time is the build's.
  const built = statSync(manifestPath, { throwIfNoEntry: false })
  if (!built) return null
  let manifest
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  } catch {
    return null
  }
  if (typeof manifest?.entry !== 'string' || !Array.isArray(manifest.sources)) return null
  for (const source of manifest.sources) {
    const stat = statSync(join(root, source), { throwIfNoEntry: false })
    if (!stat || stat.mtimeMs > built.mtimeMs) return null
  }
  const entry = join(outDir, manifest.entry)
  return statSync(entry, { throwIfNoEntry: false }) ? entry : null
}
