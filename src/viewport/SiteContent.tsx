// Everything drawn for the current variant. Derived geometry is memoised on the variant; colours
// follow the report, the colour mode and the selection.
import { useCallback, useMemo } from 'react'
import { builtInCatalog } from '../model/catalog'
import type { Box } from '../model/layout'
import { selectReport, selectVariant, useStore } from '../store'
import { buildSceneLayout, type SceneLayout, type SiteBounds } from './sceneLayout'
import { boundsOfBoxes, unionBounds } from './cameraFit'
import { CameraKeys } from './CameraKeys'
import { HoverLabel } from './HoverLabel'
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
import { Airflow3dOverlay } from './airflow3d/Airflow3dOverlay'
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
  // The whole site: what any variant draws (read on a new scene only, like the camera's framing).
  const siteBounds = useMemo(() => {
    const scene = useStore.getState().scene
    const all = scene ? scene.variants.map((v) => buildSceneLayout(v, builtInCatalog()).bounds) : []
    return unionBounds(layout ? [...all, layout.bounds] : all)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sceneLoadId, layout === null])
  const boundsOf = useCallback((ids: readonly string[]) => (layout ? itemBounds(layout, ids) : null), [layout])
  if (!layout) return null
  return (
    <>
      <CameraRig siteBounds={siteBounds ?? layout.bounds} frameKey={sceneLoadId} boundsOf={boundsOf} />
      <CameraKeys layout={layout} />
      <StageLighting bounds={layout.bounds} />
      <SiteGround bounds={layout.bounds} />
      <SiteContext bounds={layout.bounds} />
      <HallShell halls={layout.halls} />
      <RackInstances racks={layout.racks} statusMaps={statusMaps} scope={scope} />
      <CoolingInstances units={layout.cooling} statusMaps={statusMaps} scope={scope} />
      <PowerEquipment items={layout.power} statusMaps={statusMaps} scope={scope} />
      <BuswayRuns items={layout.busways} statusMaps={statusMaps} scope={scope} />
      <HeatMap />
      <Airflow3dOverlay racks={layout.racks} />
      <SelectionOutline layout={layout} scope={scope} />
      <EditorOverlay3D layout={layout} />
      <HoverLabel layout={layout} />
      <LabelProjector />
      <PresentationLayer layout={layout} />
    </>
  )
}

/** Bounds of the rows, cooling placements, power nodes and halls with these ids. */
function itemBounds(layout: SceneLayout, ids: readonly string[]): SiteBounds | null {
  const want = new Set(ids)
  const boxes: Box[] = []
  for (const r of layout.racks) if (want.has(r.rowId)) boxes.push(r.box)
  for (const c of layout.cooling) if (want.has(c.placementId)) boxes.push(c.box)
  for (const p of layout.power) if (want.has(p.nodeId)) boxes.push(p.box)
  for (const h of layout.halls) {
    if (want.has(h.id)) boxes.push({ cx: h.origin.x + h.lengthM / 2, cy: h.origin.y + h.widthM / 2, widthM: h.lengthM, depthM: h.widthM, heightM: h.heightM, rotationRad: 0, elevationM: 0 })
  }
  return boundsOfBoxes(boxes)
}
