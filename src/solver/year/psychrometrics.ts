// Moist-air properties for weather files: saturation pressure, humidity ratio and the
// thermodynamic wet bulb, in SI, from ASHRAE Handbook — Fundamentals (2017), chapter 1
// "Psychrometrics". Equation numbers below are that chapter's.
// An EPW row gives dry bulb, dew point and station pressure; the plant needs the wet bulb.

/** Kelvin offset, K. */
const KELVIN = 273.15
/** Ratio of the molar masses of water and dry air, 18.015268 / 28.966 (eq. 20). */
const MOLAR_MASS_RATIO = 0.621945

/** Saturation pressure of water vapour, Pa: over ice for −100…0 °C (eq. 5), over liquid water for
 *  0…200 °C (eq. 6); Hyland and Wexler's fits as the Handbook gives them. */
export function saturationPressurePa(tempC: number): number {
  const t = tempC + KELVIN
  if (tempC < 0) {
    return Math.exp(
      -5.6745359e3 / t + 6.3925247 - 9.677843e-3 * t + 6.2215701e-7 * t * t + 2.0747825e-9 * t ** 3 - 9.484024e-13 * t ** 4 + 4.1635019 * Math.log(t),
    )
  }
  return Math.exp(-5.8002206e3 / t + 1.3914993 - 4.8640239e-2 * t + 4.1764768e-5 * t * t - 1.4452093e-8 * t ** 3 + 6.5459673 * Math.log(t))
}

/** Humidity ratio from the partial pressure of the vapour, kg water per kg dry air (eq. 20). */
export function humidityRatio(vapourPa: number, pressurePa: number): number {
  return (MOLAR_MASS_RATIO * vapourPa) / Math.max(1, pressurePa - vapourPa)
}

/** Humidity ratio at saturation at a temperature (eq. 23). */
function saturationRatio(tempC: number, pressurePa: number): number {
  return humidityRatio(saturationPressurePa(tempC), pressurePa)
}

/** Humidity ratio of air that a wet bulb at t* implies at dry bulb t (eq. 33 above freezing,
 *  eq. 35 over ice below). Increases with t*. */
export function ratioAtWetBulb(dryBulbC: number, wetBulbC: number, pressurePa: number): number {
  const ws = saturationRatio(wetBulbC, pressurePa)
  if (wetBulbC >= 0) return ((2501 - 2.326 * wetBulbC) * ws - 1.006 * (dryBulbC - wetBulbC)) / (2501 + 1.86 * dryBulbC - 4.186 * wetBulbC)
  return ((2830 - 0.24 * wetBulbC) * ws - 1.006 * (dryBulbC - wetBulbC)) / (2830 + 1.86 * dryBulbC - 2.1 * wetBulbC)
}

/** Thermodynamic wet bulb from dry bulb and humidity ratio, °C: the t* of eq. 33/35 that gives
 *  the air's humidity ratio, found by bisection between −100 °C and the dry bulb (the relation is
 *  monotonic in t*). Never above the dry bulb. */
export function wetBulbFromRatioC(dryBulbC: number, ratio: number, pressurePa: number): number {
  let low = -100
  let high = dryBulbC
  if (ratioAtWetBulb(dryBulbC, high, pressurePa) <= ratio) return dryBulbC
  for (let i = 0; i < 60 && high - low > 1e-6; i++) {
    const mid = (low + high) / 2
    if (ratioAtWetBulb(dryBulbC, mid, pressurePa) < ratio) low = mid
    else high = mid
  }
  return (low + high) / 2
}

/** Wet bulb from dry bulb and dew point, °C (the vapour pressure is the saturation pressure at
 *  the dew point, eq. 5/6; a dew point above the dry bulb is taken as the dry bulb). */
export function wetBulbFromDewPointC(dryBulbC: number, dewPointC: number, pressurePa: number): number {
  const dp = Math.min(dewPointC, dryBulbC)
  return wetBulbFromRatioC(dryBulbC, humidityRatio(saturationPressurePa(dp), pressurePa), pressurePa)
}

/** Wet bulb from dry bulb and relative humidity (%), °C: vapour pressure = RH × saturation pressure. */
export function wetBulbFromRelativeHumidityC(dryBulbC: number, rhPct: number, pressurePa: number): number {
  const rh = Math.min(100, Math.max(0, rhPct)) / 100
  return wetBulbFromRatioC(dryBulbC, humidityRatio(rh * saturationPressurePa(dryBulbC), pressurePa), pressurePa)
}
