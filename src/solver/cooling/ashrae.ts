// ASHRAE TC 9.9 thermal guidelines (5th ed., 2021 reference card; engineering-data.md §4).
import type { Device } from '../../model/catalogSchema'

/** Air classes: allowable inlet range, °C; recommended 18–27 °C for A1–A4 (H1: 18–22, approx). */
export const ASHRAE_AIR_CLASSES = {
  A1: { minC: 15, maxC: 32, recommendedMaxC: 27 },
  A2: { minC: 10, maxC: 35, recommendedMaxC: 27 },
  A3: { minC: 5, maxC: 40, recommendedMaxC: 27 },
  A4: { minC: 5, maxC: 45, recommendedMaxC: 27 },
  H1: { minC: 5, maxC: 25, recommendedMaxC: 22 },
} as const

/** Liquid classes: highest facility water supply, °C (ASHRAE liquid cooling guidelines, W classes). */
export const ASHRAE_LIQUID_CLASSES = [
  { name: 'W17', maxC: 17 },
  { name: 'W27', maxC: 27 },
  { name: 'W32', maxC: 32 },
  { name: 'W40', maxC: 40 },
  { name: 'W45', maxC: 45 },
] as const

/** The strictest W class that covers a coolant limit (W+ above 45 °C). */
export function liquidClassFor(maxSupplyC: number): string {
  return [...ASHRAE_LIQUID_CLASSES].reverse().find((c) => maxSupplyC >= c.maxC)?.name ?? 'below W17'
}

/** The inlet limit a device is held to: its own allowable maximum, never looser than its class. */
export function allowableInletC(device: Device): number {
  const cls = device.inlet.ashraeClass ? ASHRAE_AIR_CLASSES[device.inlet.ashraeClass] : undefined
  return cls ? Math.min(device.inlet.allowableMaxC, cls.maxC) : device.inlet.allowableMaxC
}
