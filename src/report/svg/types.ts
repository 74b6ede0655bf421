// What the economics charts draw: one series per variant, with its colour and its economics (null
// until solved). The app passes its variants (ui/economics/useVariantEconomics.ts), the report its
// reports; the chart components are the same.
import type { EconomicsResult } from '../../solver/economics/types'

export interface ChartVariant {
  id: string
  name: string
  colour: string
  /** Drawn strongest (the variant on screen in the app; none in the report). */
  current: boolean
  economics: EconomicsResult | null
}
