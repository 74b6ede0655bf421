import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/** The example scenes (scenes/*.json, their one source) ship with the build as /scenes/<name>.json,
 *  so `?scene=/scenes/campus-100mw.json` opens on the built app as it does on the dev server
 *  (which serves the project root). */
function shipExampleScenes(): Plugin {
  return {
    name: 'halltwin-example-scenes',
    apply: 'build',
    generateBundle() {
      for (const name of readdirSync('scenes').filter((f) => f.endsWith('.json')).sort()) {
        this.emitFile({ type: 'asset', fileName: `scenes/${name}`, source: readFileSync(join('scenes', name)) })
      }
    },
  }
}

// The app: React + three.js. The solver runs in an ES-module Web Worker (src/worker/).
// The entry chunk holds the store and starts the worker; the app (React DOM, three.js, the 3D
// view) is a second chunk loaded right after, and the views opened later are chunks of their own.
export default defineConfig({
  plugins: [react(), shipExampleScenes()],
  worker: { format: 'es' },
  build: {
    // three.js alone is ~1.1 MB minified; the warning at 500 kB says nothing useful here.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        // Libraries that change rarely in chunks of their own: an app update keeps them cached.
        codeSplitting: {
          // Only the modules named (not what they import): React itself stays in the entry, which
          // needs it for the store, instead of pulling a library chunk in before the worker starts.
          includeDependenciesRecursively: false,
          groups: [
            { name: 'three', test: /node_modules[\\/](three|three-stdlib|@react-three|its-fine|suspend-react|react-use-measure)[\\/]/ },
            { name: 'react-dom', test: /node_modules[\\/](react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
