// Every colour the app uses, in one place. The panels read the same values through CSS custom
// properties (see applyPaletteToCss), so a status looks the same in the table and in the 3D view.
import { schemeTableau10 } from 'd3-scale-chromatic'
import type { CheckStatus } from '../solver/report'
import type { CoolingUnitKind } from '../model/catalogSchema'
import type { PowerNodeKind } from '../model/sceneSchema'

export const STATUS_COLOURS: Record<CheckStatus, string> = {
  ok: '#4caf7d',
  warn: '#e2a53a',
  fail: '#e0544c',
}
/** Racks or equipment the current report says nothing about. */
export const NO_STATUS_COLOUR = '#6b7584'

/** Utilisation ramp: each status band shades from its low end to the status colour, so a
 *  lightly loaded transformer reads apart from one at the margin (see utilisationScale.ts). */
export const UTILISATION_COLOURS = {
  okLow: '#3d6a58',
  ok: STATUS_COLOURS.ok,
  warnLow: '#c9b14a',
  warn: STATUS_COLOURS.warn,
  fail: STATUS_COLOURS.fail,
  failHigh: '#b02f3a',
} as const

/** Redundancy-group tags: Tableau 10 without its red, orange, green and yellow, which would read
 *  as utilisation. */
export const GROUP_COLOURS: readonly string[] = [0, 3, 6, 7, 8, 9].map((i) => schemeTableau10[i] ?? '#888888')

/** Single-line diagram strokes. */
export const SLD_COLOURS = {
  link: '#6b7686',
  linkB: '#6ea4dc',
  backup: '#c9a15a',
  box: '#1d232b',
  selection: '#ffffff',
} as const

export const DEVICE_KIND_COLOURS = {
  asic: '#5f93c4', // calm steel blue: the mining fleet
  gpu: '#a184d6', // muted violet: AI compute
} as const

export const COOLING_COLOURS: Record<CoolingUnitKind, string> = {
  'exhaust-fan': '#8d9aa8',
  'evap-pad': '#5fb3bf',
  crah: '#6f9fd8',
  cdu: '#4f82d1',
  'dry-cooler': '#57a6c9',
  chiller: '#4a8fb0',
  'immersion-tank': '#3e7fa8',
}

export const POWER_COLOURS: Record<PowerNodeKind, string> = {
  grid: '#b9894f',
  transformer: '#c98f4e', // copper
  switchgear: '#aea6c2', // lavender grey: MV panels
  feeder: '#9aa2ad',
  board: '#8c9cb8', // blue grey: LV boards
  busway: '#8a929d',
  pdu: '#7f8b99',
  ups: '#c9b458', // ochre
  generator: '#7f9660', // olive: genset containers
}

export const SCENE_COLOURS = {
  background: '#1b2028',
  ground: '#20262f',
  gridCell: '#2a313b',
  gridSection: '#38414d',
  slab: '#3a414b',
  slabEdge: '#5a6470',
  wall: '#8796a8',
  wallEdge: '#9aa7b6',
  /** Multiplies the rack colour on the front panels: the same hue, darker. */
  rackFront: '#7d848e',
  selection: '#ffffff',
  hemisphereSky: '#dfe8f5',
  hemisphereGround: '#2b3038',
} as const

/** Air temperature scale of the heat map and the inlet colour mode (turbo ramp, thermalScale.ts):
 *  fixed, so variants compare at a glance; 27 °C is the ASHRAE recommended inlet maximum
 *  (engineering-data.md §4). */
export const THERMAL_SCALE = { minC: 15, maxC: 50, ticksC: [15, 27, 40, 50] } as const

/** How much an item not involved in the selection fades towards the background (0..1). */
export const DIM_AMOUNT = 0.72

export const UI_COLOURS = {
  accent: '#6ea4dc',
} as const

/** Writes the palette as CSS custom properties (--ok, --warn, --fail, --asic, --gpu, ...). */
export function applyPaletteToCss(root: HTMLElement): void {
  const vars: Record<string, string> = {
    '--ok': STATUS_COLOURS.ok,
    '--warn': STATUS_COLOURS.warn,
    '--fail': STATUS_COLOURS.fail,
    '--none': NO_STATUS_COLOUR,
    '--asic': DEVICE_KIND_COLOURS.asic,
    '--gpu': DEVICE_KIND_COLOURS.gpu,
    '--cooling': COOLING_COLOURS['exhaust-fan'],
    '--pads': COOLING_COLOURS['evap-pad'],
    '--liquid': COOLING_COLOURS.cdu,
    '--power': POWER_COLOURS.transformer,
    '--viewport-bg': SCENE_COLOURS.background,
    '--accent': UI_COLOURS.accent,
  }
  for (const [name, value] of Object.entries(vars)) root.style.setProperty(name, value)
}
