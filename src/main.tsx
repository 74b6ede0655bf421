// Entry: palette into CSS, the solver worker into the store, the scene from the URL or the default.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import defaultScene from '../scenes/siberia-20mw.json'
import { connectSolver } from './store'
import { bootScene, syncVariantToUrl } from './store/boot'
import { createSolverClient } from './worker/solverClient'
import { applyPaletteToCss } from './viewport/palette'
import { App } from './ui/App'
import './ui/app.css'

applyPaletteToCss(document.documentElement)
connectSolver(createSolverClient())
syncVariantToUrl()
void bootScene({ defaultScene, defaultSource: 'scenes/siberia-20mw.json', search: window.location.search })

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
