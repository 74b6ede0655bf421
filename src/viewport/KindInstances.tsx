// Many items of several kinds: one instanced mesh per kind present, each with its kind's
// silhouette. The draw calls grow with the number of kinds drawn, never with the number of items.
import { useCallback, useMemo } from 'react'
import type { Color } from 'three'
import type { Box } from '../model/layout'
import { useStore, type ColourMode } from '../store'
import { InstancedBoxes } from './InstancedBoxes'
import { coarseSilhouette, silhouette, type SilhouetteKind } from './silhouettes'

export interface KindInstancesProps<T extends { box: Box }> {
  /** Mesh names are `${name}-${kind}`. */
  name: string
  items: readonly T[]
  kindOf: (item: T) => SilhouetteKind
  idOf: (item: T) => string
  colour: (item: T, mode: ColourMode, out: Color) => Color
  roughness?: number
  metalness?: number
}

export function KindInstances<T extends { box: Box }>(props: KindInstancesProps<T>) {
  const { items, kindOf } = props
  const groups = useMemo(() => {
    const map = new Map<SilhouetteKind, T[]>()
    for (const item of items) {
      const kind = kindOf(item)
      const list = map.get(kind)
      if (list) list.push(item)
      else map.set(kind, [item])
    }
    return [...map.entries()]
  }, [items, kindOf])
  return (
    <group name={props.name}>
      {groups.map(([kind, group]) => (
        <KindMesh key={kind} {...props} kind={kind} items={group} />
      ))}
    </group>
  )
}

function KindMesh<T extends { box: Box }>({ name, kind, items, idOf, colour, roughness, metalness }: KindInstancesProps<T> & { kind: SilhouetteKind }) {
  const colourMode = useStore((s) => s.colourMode)
  const select = useStore((s) => s.select)
  const boxes = useMemo(() => items.map((i) => i.box), [items])
  const ids = useMemo(() => items.map(idOf), [items, idOf])
  const colourAt = useCallback((i: number, out: Color) => (items[i] ? colour(items[i], colourMode, out) : out), [items, colour, colourMode])
  const onPick = useCallback((i: number) => select(ids[i] ?? null), [ids, select])
  return (
    <InstancedBoxes
      name={`${name}-${kind}`}
      boxes={boxes}
      geometry={silhouette(kind)}
      movingGeometry={coarseSilhouette(kind)}
      pickIds={ids}
      colourAt={colourAt}
      onPick={onPick}
      roughness={roughness}
      metalness={metalness}
    />
  )
}
