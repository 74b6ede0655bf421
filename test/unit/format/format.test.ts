// The one number formatter (src/report/format.ts): its money, percent and payback texts, and the
// proof that the app's panels and the report print the same text for the same figure.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { fmt, fmtMW, fmtPct, fmtUsd, fmtUsdExact, paybackParts } from '../../../src/report/format'
import { formatMW, formatNumber } from '../../../src/ui/format'
import { Money } from '../../../src/ui/economics/Money'
import { formatUsdTick } from '../../../src/ui/economics/money'

describe('money', () => {
  it('writes billions, millions and thousands with three significant digits', () => {
    // 1.234e9 = 1.234 billion → three significant digits: 1.23 → "$1.23 B".
    expect(fmtUsd(1.234e9)).toBe('$1.23 B')
    // 1,234 M is a billion: never "$1,234M".
    expect(fmtUsd(1_234_000_000)).not.toMatch(/1,234/)
    expect(fmtUsd(96_912_000)).toBe('$96.9 M')
    expect(fmtUsd(104_600_000)).toBe('$105 M')
    expect(fmtUsd(5_570_000)).toBe('$5.57 M')
    expect(fmtUsd(12_500)).toBe('$12.5 k')
    expect(fmtUsd(0)).toBe('$0')
  })

  it('rounds across a suffix rather than writing "$1,000 k"', () => {
    expect(fmtUsd(999_999)).toBe('$1 M')
    expect(fmtUsd(999_600_000)).toBe('$1 B')
  })

  it('a negative amount has a true minus (U+2212) before the dollar', () => {
    expect(fmtUsd(-266_040_000)).toBe('\u2212$266 M')
    expect(fmtUsdExact(-950)).toBe('\u2212$950')
  })

  it('never prints NaN or Infinity', () => {
    for (const v of [Number.NaN, Infinity, -Infinity]) {
      expect(fmtUsd(v)).toBe('—')
      expect(fmtUsdExact(v)).toBe('—')
      expect(fmtPct(v)).toBe('—')
      expect(fmt(v, 1)).toBe('—')
    }
  })

  it('exact dollars are grouped by thousands', () => {
    expect(fmtUsdExact(12_345_678.4)).toBe('$12,345,678')
  })

  it('axis ticks read like the figures', () => {
    expect(formatUsdTick(200_000_000)).toBe('$200 M')
    expect(formatUsdTick(-50_000_000)).toBe('−$50 M')
    expect(formatUsdTick(0)).toBe('$0')
  })
})

describe('percent and payback', () => {
  it('percent with a space, whole above 100', () => {
    expect(fmtPct(23.54)).toBe('23.5 %')
    expect(fmtPct(123.4)).toBe('123 %')
  })

  it('no investment has no payback: a dash with its reason, not "0 y"', () => {
    const p = paybackParts(0, 5)
    expect(p.text).toBe('—')
    expect(p.note).toBe('no investment')
    expect(p.reason).toMatch(/no investment/)
  })

  it('a payback past the horizon says so', () => {
    const p = paybackParts(null, 5)
    expect(p.text).toBe('never')
    expect(p.reason).toMatch(/after 5 years/)
  })
})

describe('one text in the app and the report', () => {
  it('the panels\' number names are the report formatter', () => {
    for (const kw of [0, 950, 20_790, 123_456, -4_200]) expect(formatMW(kw)).toBe(fmtMW(kw))
    for (const v of [0, 1.005, -12_345.678]) expect(formatNumber(v, 2)).toBe(fmt(v, 2))
  })

  it('the app\'s money figure shows the report\'s text', () => {
    for (const usd of [1.234e9, -266_040_000, 820_000, 950]) {
      const html = renderToStaticMarkup(createElement(Money, { usd }))
      expect(html).toContain(`>${fmtUsd(usd)}<`)
    }
    expect(renderToStaticMarkup(createElement(Money, { usd: 1.234e9 }))).toContain('>$1.23 B<')
  })
})
