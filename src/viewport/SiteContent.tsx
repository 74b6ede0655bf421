// Everything drawn for the current variant. Derived geometry is memoised on the variant; colours
// follow the report, the colour mode and the selection.
import { useMemo } from 'react'
import { builtInCatalog } from '../model/catalog'
import { selectReport, selectVariant, useStore } from '../store'
import { buildSceneLayout } from './sceneLayout'
import { selectionScope } from './selectionScope'
import { buildStatusMaps } from './statusMaps'
import { SiteGround } from './SiteGround'
import { HallShell } from './HallShell'
import { RackInstances } from './RackInstances'
import { CoolingInstances } from './CoolingInstances'
import { PowerEquipment } from './PowerEquipment'
import { BuswayRuns } from './BuswayRuns'
import { SelectionOutline } from './SelectionOutline'
import { LabelProjector } from './LabelProjector'
import { CameraRig } from './CameraRig'
import { HeatMap } from './HeatMap'
import { StageLighting } from './stage/StageLighting'
import { SiteContext } from './stage/SiteContext'
import { PresentationLayer } from './tour/PresentationLayer'
import { EditorOverlay3D } from './tools/EditorOverlay3D'

export function SiteContent() {
  const variant = useStore(selectVariant)
  const report = useStore(selectReport)
  const selectedId = useStore((s) => s.selectedId)
  // Reframe on a new scene only, not on every edit (src/store/historySlice.ts).
  const sceneLoadId = useStore((s) => s.sceneLoadId)
  const layout = useMemo(() => (variant ? buildSceneLayout(variant, builtInCatalog()) : null), [variant])
  const statusMaps = useMemo(() => buildStatusMaps(report, variant), [report, variant])
  const scope = useMemo(() => selectionScope(variant, selectedId), [variant, selectedId])
  if (!layout) return null
  return (
    <>
      <CameraRig bounds={layout.bounds} hallBounds={layout.hallBounds} frameKey={sceneLoadId} />
      <StageLighting bounds={layout.bounds} />
      <SiteGround bounds={layout.bounds} />
      <SiteContext bounds={layout.bounds} />
      <HallShell halls={layout.halls} />
      <RackInstances racks={layout.racks} statusMaps={statusMaps} scope={scope} />
      <CoolingInstances units={layout.cooling} statusMaps={statusMaps} scope={scope} />
      <PowerEquipment items={layout.power} statusMaps={statusMaps} scope={scope} />
      <BuswayRuns items={layout.busways} statusMaps={statusMaps} scope={scope} />
      <HeatMap />
      <SelectionOutline layout={layout} scope={scope} />
      <EditorOverlay3D layout={layout} />
      <LabelProjector />
      <PresentationLayer layout={layout} />
    </>
  )
}
