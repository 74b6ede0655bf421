// Which CLI bin/halltwin.mjs runs: the bundle in dist-cli/ (scripts/build-cli.mjs, built by
// `npm install` through `prepare`) when it is there and no source it was built from has changed
// since, else null — the sources then run through tsx (development).
// Sources are compared only in a git checkout (a `.git` entry at the root), where they are edited:
// an installed copy (npm pack, a registry tarball, a copied dist) runs its bundle with one stat
// for the checkout and one for the bundle, and never reads the source list. Set HALLTWIN_DEV=1 to
// run the sources of a copy that is not a checkout.
import { readFileSync, statSync } from 'node:fs'
import { join, sep } from 'node:path'

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
  if (statSync(join(root, '.git'), { throwIfNoEntry: false })) {
    const builtMs = built.mtimeMs
    // Plain concatenation, not path.join: the manifest's paths are already normal, and this loop
    // runs in every start of a checkout's CLI, before the JIT has compiled anything.
    const prefix = join(root, '.') + sep
    for (const source of manifest.sources) {
      const stat = statSync(prefix + source, { throwIfNoEntry: false })
      if (!stat || stat.mtimeMs > builtMs) return null
    }
  }
  const entry = join(outDir, manifest.entry)
  return statSync(entry, { throwIfNoEntry: false }) ? entry : null
}
