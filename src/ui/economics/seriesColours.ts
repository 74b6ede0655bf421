// Chart colours of the economics view. Variants take the redundancy-group colours (no red, green,
// orange or yellow: those mean a status); capex items take the ramp of the capex chart.
import { GROUP_COLOURS, UI_COLOURS } from '../../viewport/palette'

export function variantColour(index: number): string {
  return GROUP_COLOURS[index % GROUP_COLOURS.length] ?? UI_COLOURS.accent
}

// Capex item colours live with the capex chart (src/report/svg/CapexSvg.tsx).

/** Tornado halves: the input at its low value, at its high value. */
export const TORNADO_COLOURS = { low: '#5f7fa8', high: '#9a86cf' } as const
