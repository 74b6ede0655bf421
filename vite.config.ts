import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The app: React + three.js. The solver runs in an ES-module Web Worker (src/worker/).
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    // three.js alone is ~1.1 MB minified; the warning at 500 kB says nothing useful here.
    chunkSizeWarningLimit: 2500,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
