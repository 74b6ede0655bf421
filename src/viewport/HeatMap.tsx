// The thermal field on the hall floors: one semi-transparent textured plane per hall (one draw
// call each), a cell per texel. Also asks the store for the field whenever the heat map or the
// inlet colour mode needs it (the worker computes it; the badge shows while it runs).
import { useEffect, useMemo } from 'react'
import { DataTexture, LinearFilter, RGBAFormat, SRGBColorSpace } from 'three'
import type { ThermalField } from '../solver/thermal'
import { selectThermal, useStore } from '../store'
import { thermalPixels } from './thermalScale'

/** Height of the overlay above the floor, metres: clear of the slab, under every enclosure. */
const HEAT_MAP_LIFT_M = 0.05
/** See-through enough to keep the floor grid and the rack footprints readable. */
const HEAT_MAP_OPACITY = 0.78

function HallHeatMap({ field }: { field: ThermalField }) {
  const texture = useMemo(() => {
    const t = new DataTexture(thermalPixels(field.tempC, 1), field.nx, field.ny, RGBAFormat)
    t.colorSpace = SRGBColorSpace
    t.magFilter = LinearFilter
    t.minFilter = LinearFilter
    t.needsUpdate = true
    return t
  }, [field])
  useEffect(() => () => texture.dispose(), [texture])
  const widthM = field.nx * field.cellXM
  const depthM = field.ny * field.cellYM
  // Site (x, y) → three (x, −z); a plane turned −90° about x keeps its +y towards site north.
  return (
    <mesh name={`heat-map-${field.hallId}`} rotation-x={-Math.PI / 2} position={[field.originX + widthM / 2, HEAT_MAP_LIFT_M, -(field.originY + depthM / 2)]} renderOrder={1}>
      <planeGeometry args={[widthM, depthM]} />
      <meshBasicMaterial map={texture} transparent opacity={HEAT_MAP_OPACITY} depthWrite={false} toneMapped={false} />
    </mesh>
  )
}

export function HeatMap() {
  const on = useStore((s) => s.heatMapOn)
  const needed = useStore((s) => s.heatMapOn || s.colourMode === 'temperature')
  const variantId = useStore((s) => s.variantId)
  const sceneRevision = useStore((s) => s.sceneRevision)
  const requestThermal = useStore((s) => s.requestThermal)
  const result = useStore(selectThermal)
  useEffect(() => {
    if (needed) requestThermal()
  }, [needed, variantId, sceneRevision, requestThermal])
  if (!on || !result) return null
  return (
    <group name="heat-map">
      {result.halls.map((f) => (
        <HallHeatMap key={f.hallId} field={f} />
      ))}
    </group>
  )
}
