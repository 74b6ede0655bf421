// Entry: the solver worker starts and the first scene goes to it before anything else loads; the
// app itself (React DOM, three.js, the views) comes in a second chunk, fetched and parsed while
// the worker solves. Palette into CSS, the variant into the address bar.
import { StrictMode } from 'react'
import defaultScene from '../scenes/siberia-20mw.json'
import { connectSolver } from './store'
import { bootScene, syncVariantToUrl } from './store/boot'
import { createSolverClient } from './worker/solverClient'
import { applyPaletteToCss } from './viewport/palette'
import './ui/app.css'

performance.mark('halltwin:main')
connectSolver(createSolverClient())
applyPaletteToCss(document.documentElement)
syncVariantToUrl()
void bootScene({ defaultScene, defaultSource: 'scenes/siberia-20mw.json', search: window.location.search })

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
Promise.all([import('react-dom/client'), import('./ui/App')]).then(
  ([{ createRoot }, { App }]) => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    )
  },
  (error: unknown) => {
    root.textContent = `The app could not load: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`
  },
)
