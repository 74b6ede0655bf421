// The colour of each instance under the current colour mode and selection.
import { Color } from 'three'
import type { ColourMode } from '../store/types'
import {
  COOLING_COLOURS,
  DEVICE_KIND_COLOURS,
  DIM_AMOUNT,
  NO_STATUS_COLOUR,
  POWER_COLOURS,
  SCENE_COLOURS,
  STATUS_COLOURS,
} from './palette'
import type { BuswayItem, CoolingItem, PowerItem, RackItem } from './sceneLayout'
import { utilisationScale } from './utilisationScale'
import type { StatusMaps } from './statusMaps'
import type { CheckStatus } from '../solver/report'
import { thermalCss } from './thermalScale'

const background = new Color(SCENE_COLOURS.background)

function statusColour(status: CheckStatus | undefined): string {
  return status ? STATUS_COLOURS[status] : NO_STATUS_COLOUR
}

/** Writes the colour into `out`, faded when a selection exists and the item is outside it. */
function finish(hex: string, ids: readonly string[], scope: ReadonlySet<string> | null, out: Color): Color {
  out.set(hex)
  if (scope && !ids.some((id) => scope.has(id))) out.lerp(background, DIM_AMOUNT)
  return out
}

function utilisationColour(maps: StatusMaps, utilisation: number | null | undefined): string {
  return utilisationScale(maps.utilisation.margin).colour(utilisation)
}

/** `inletC`: the rack's inlet air from the thermal field (the 'temperature' mode), if known. */
export function rackColour(item: RackItem, mode: ColourMode, maps: StatusMaps, scope: ReadonlySet<string> | null, out: Color, inletC?: number): Color {
  const u = maps.utilisation
  const hex =
    mode === 'temperature'
      ? inletC === undefined
        ? NO_STATUS_COLOUR
        : thermalCss(inletC)
      : mode === 'kind'
      ? DEVICE_KIND_COLOURS[item.deviceKind]
      : mode === 'utilisation'
        ? utilisationColour(maps, u.rackFeed.get(item.rowId)?.[item.index] ?? u.rowFeed.get(item.rowId))
        : statusColour(maps.rows.get(item.rowId))
  return finish(hex, [item.rowId, item.hallId], scope, out)
}

export function coolingColour(
  item: CoolingItem,
  mode: ColourMode,
  maps: StatusMaps,
  scope: ReadonlySet<string> | null,
  out: Color,
): Color {
  const hex =
    mode === 'kind' || mode === 'temperature'
      ? COOLING_COLOURS[item.kind]
      : mode === 'utilisation'
        ? utilisationColour(maps, maps.utilisation.coolingFeed.get(item.placementId))
        : statusColour(maps.subjects.get(item.placementId) ?? maps.hallCooling.get(item.hallId))
  return finish(hex, [item.placementId, item.hallId], scope, out)
}

export function powerColour(
  item: PowerItem | BuswayItem,
  kind: keyof typeof POWER_COLOURS,
  mode: ColourMode,
  maps: StatusMaps,
  scope: ReadonlySet<string> | null,
  out: Color,
): Color {
  const hex =
    mode === 'kind' || mode === 'temperature'
      ? POWER_COLOURS[kind]
      : mode === 'utilisation'
        ? utilisationColour(maps, maps.utilisation.nodes.get(item.nodeId))
        : statusColour(maps.subjects.get(item.nodeId))
  return finish(hex, [item.nodeId], scope, out)
}
