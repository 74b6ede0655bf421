import { useStore } from '../store'
import { VariantSwitch } from './VariantSwitch'
import { OpenSceneButton } from './OpenSceneButton'
import { ViewSwitch } from './ViewSwitch'
import { PresentMenu } from './present/PresentMenu'

export function TopBar() {
  const sceneName = useStore((s) => s.scene?.name ?? '—')
  const source = useStore((s) => s.sceneSource)
  return (
    <header className="topbar">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <div className="brand-text">
          <span className="brand-name">Halltwin</span>
          <span className="scene-name" data-testid="scene-name" title={`${sceneName} — ${source}`}>
            {sceneName}
          </span>
        </div>
      </div>
      <VariantSwitch />
      <div className="topbar-spacer" />
      <ViewSwitch />
      <PresentMenu />
      <OpenSceneButton />
    </header>
  )
}
