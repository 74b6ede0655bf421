// Chart colours of the economics view. Variants take the redundancy-group colours (no red, green,
// orange or yellow: those mean a status); capex items a calm ramp of blues, violets and greys.
import { GROUP_COLOURS, UI_COLOURS } from '../../viewport/palette'

export function variantColour(index: number): string {
  return GROUP_COLOURS[index % GROUP_COLOURS.length] ?? UI_COLOURS.accent
}

const CAPEX_COLOURS = ['#5f93c4', '#8a7cc8', '#4fa3a5', '#b08fc7', '#7f8fa6', '#3f6f9e', '#a3a9b3', '#6b5f9e', '#5d7f7e', '#c2b8d8', '#8fb4d6', '#4d5b70']

export function capexColour(index: number): string {
  return CAPEX_COLOURS[index % CAPEX_COLOURS.length] ?? '#888888'
}

/** Tornado halves: the input at its low value, at its high value. */
export const TORNADO_COLOURS = { low: '#5f7fa8', high: '#9a86cf' } as const
