// The capacity chart draws every point the search tried; the search tries one rack count more than
// once (with and without a cheap fix), and React logged a duplicate-key error for each such dot
// when they were keyed by rack count (62 on the example site). The chart body is a hook-free
// function of its props, so its element tree is checked here for keys repeated among siblings.
import { createElement, isValidElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CapacityStepsSvg } from '../../../src/ui/economics/CapacityStepsChart'
import type { CapacityResult, CapacityStep } from '../../../src/solver/economics/types'

function result(steps: CapacityStep[]): CapacityResult {
  return {
    deviceId: 'dgx-h100',
    deviceName: 'DGX H100',
    enclosureId: 'rack-600',
    requiredTier: 'N',
    cheapFixSharePct: 5,
    floorLimitRacks: 120,
    path: [],
    basis: 'design day',
    yearFailures: [],
    steps,
    devicesPerRack: 4,
    maxRacks: 40,
    maxDevices: 160,
    maxItKW: 1640,
    siteItKW: 1640,
    unlocks: [],
    binding: null,
    upgrades: [],
  }
}

/** Keys that repeat among the children of one element, anywhere in the tree (what React reports as
 *  "Encountered two children with the same key"). */
function duplicateKeys(node: ReactNode): string[] {
  const found: string[] = []
  const visit = (n: ReactNode) => {
    if (Array.isArray(n)) {
      const keys = n.filter(isValidElement).map((e) => e.key).filter((k): k is string => k !== null)
      for (const k of new Set(keys)) if (keys.indexOf(k) !== keys.lastIndexOf(k)) found.push(k)
      n.forEach(visit)
    } else if (isValidElement(n)) visit((n.props as { children?: ReactNode }).children)
  }
  visit(node)
  return found
}

const steps: CapacityStep[] = [
  { racks: 10, devices: 40, itKW: 410, verdict: 'ok' },
  { racks: 20, devices: 80, itKW: 820, verdict: 'ok' },
  { racks: 20, devices: 80, itKW: 820, verdict: 'warn', unlocked: true },
  { racks: 40, devices: 160, itKW: 1640, verdict: 'warn' },
  { racks: 41, devices: 164, itKW: 1681, verdict: 'fail' },
  { racks: 41, devices: 164, itKW: 1681, verdict: 'fail' },
]

describe('capacity chart', () => {
  it('draws one dot per step tried, repeated rack counts included, every key unique', () => {
    const tree = CapacityStepsSvg({ result: result(steps), width: 480 })
    expect(duplicateKeys(tree)).toEqual([])
    expect(renderToStaticMarkup(tree).match(/<circle/g)?.length).toBe(6)
  })

  it('the check can fail: dots keyed by rack count repeat "20" and "41"', () => {
    const byRacks = steps.map((s) => createElement('circle', { key: s.racks }))
    expect(duplicateKeys(createElement('g', null, byRacks)).sort()).toEqual(['20', '41'])
  })
})
