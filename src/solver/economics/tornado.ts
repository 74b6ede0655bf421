// The inputs the tornado chart swings, each over a range grounded in the reference ranges
// (../shared/reference/economics-data.md) or ±30 % where no range is known.
import type { EconomicsInputs } from '../../model/economicsSchema'

export type NumericInput = { [K in keyof EconomicsInputs]: EconomicsInputs[K] extends number ? K : never }[keyof EconomicsInputs]

export interface TornadoInput {
  input: NumericInput
  label: string
  unit: string
  range: (value: number) => [number, number]
}

const relative = (share: number) => (v: number): [number, number] => [v * (1 - share), v * (1 + share)]
const clamp01 = (v: number) => Math.min(1, Math.max(0, v))

export const TORNADO_INPUTS: TornadoInput[] = [
  { input: 'tariffUsdPerMWh', label: 'Electricity tariff', unit: 'USD/MWh', range: relative(0.3) },
  // Hashprice: 2025–26 readings 38–42 USD/PH/day; 2022 low 56, 2021 average 315: swing ±40 %.
  { input: 'hashpriceUsdPerPHDay', label: 'Hashprice', unit: 'USD/PH/day', range: relative(0.4) },
  // GPU-hour prices span 1.5–5 USD for H100 by provider tier: ±30 % on the factor.
  { input: 'gpuPriceFactor', label: 'GPU-hour price', unit: '× global', range: relative(0.3) },
  // Utilisation of a rented fleet 60–85 %.
  { input: 'gpuUtilisation', label: 'GPU utilisation', unit: 'share', range: (v) => [clamp01(Math.min(v, 0.6)), clamp01(Math.max(v, 0.85))] },
  // Parallel-import premium 20–50 %.
  { input: 'importPremiumGpuPct', label: 'GPU import premium', unit: '%', range: (v) => [Math.min(v, 20), Math.max(v, 50)] },
  { input: 'retrofitLiquidUsdPerMW', label: 'Liquid fit-out', unit: 'USD/MW', range: relative(0.3) },
  { input: 'retrofitAirUsdPerMW', label: 'Air fit-out', unit: 'USD/MW', range: relative(0.3) },
  { input: 'miningBanDaysPerYear', label: 'Mining ban days', unit: 'days/yr', range: (v) => [Math.max(0, v - 60), Math.min(365, v + 60)] },
  // Discount rate 18–25 % nominal RUB (economics-data.md).
  { input: 'discountRatePct', label: 'Discount rate', unit: '%', range: (v) => [Math.max(0, v - 5), v + 5] },
  { input: 'leadTimeGpuMonths', label: 'GPU lead time', unit: 'months', range: (v) => [Math.max(0, Math.min(v, 2)), Math.max(v, 6)] },
]
