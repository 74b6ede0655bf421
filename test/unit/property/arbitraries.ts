// fast-check generators of random valid scenes over the shipped catalog.
import fc from 'fast-check'
import type { Catalog } from '../../../src/model/catalog'
import type { CoolingPlacement, Hall, PowerNode, Row, Scene } from '../../../src/model/sceneSchema'

export function sceneArbitrary(catalog: Catalog): fc.Arbitrary<Scene> {
  const deviceIds = [...catalog.devices.keys()]
  const enclosureIds = [...catalog.enclosures.keys()]
  const coolingIds = [...catalog.coolingUnits.keys()]
  const transformerIds = [...catalog.transformers.keys()]
  const climateIds = [...catalog.climates.keys()]

  const power = fc
    .record({
      transformers: fc.array(fc.constantFrom(...transformerIds), { minLength: 1, maxLength: 5 }),
      busway: fc.option(fc.double({ min: 0.9, max: 1, noNaN: true }), { nil: undefined }),
      ups: fc.option(fc.double({ min: 0.9, max: 0.99, noNaN: true }), { nil: undefined }),
    })
    .map(({ transformers, busway, ups }) => {
      const nodes: PowerNode[] = [{ id: 'GRID', kind: 'grid', parent: null }]
      transformers.forEach((modelId, i) => {
        nodes.push({ id: `T${i}`, kind: 'transformer', parent: 'GRID', modelId })
        nodes.push({ id: `LV${i}`, kind: 'board', parent: `T${i}` })
      })
      if (busway !== undefined) nodes.push({ id: 'BW', kind: 'busway', parent: 'LV0', efficiency: busway, ratingKVA: 800 })
      if (ups !== undefined) nodes.push({ id: 'UPS', kind: 'ups', parent: 'LV0', efficiency: ups, ratingKVA: 500 })
      return nodes
    })

  return power.chain((nodes) => {
    const feeds = nodes.filter((n) => n.kind !== 'grid' && n.kind !== 'transformer').map((n) => n.id)
    const row = fc
      .record({
        deviceId: fc.constantFrom(...deviceIds),
        enclosureId: fc.constantFrom(...enclosureIds),
        rackCount: fc.integer({ min: 1, max: 80 }),
        fill: fc.double({ min: 0, max: 1, noNaN: true }),
        feed: fc.constantFrom(...feeds),
        // Where along the hall's length and width, as a share of each (rows may run past a wall).
        x: fc.double({ min: 0, max: 1, noNaN: true }),
        y: fc.double({ min: 0, max: 1, noNaN: true }),
        rotationDeg: fc.constantFrom(0, 90, 180, 270, 33),
      })
      .map(({ deviceId, enclosureId, rackCount, fill, feed, x, y, rotationDeg }, ): Omit<Row, 'id'> => {
        const d = catalog.devices.get(deviceId)!
        const e = catalog.enclosures.get(enclosureId)!
        const capacity = e.slotUnit === 'U' ? Math.floor(e.slots / (d.rackUnits ?? 1)) : e.slots
        const devicesPerRack = Math.max(1, Math.round(fill * Math.max(1, capacity)))
        // Devices too tall for the enclosure go on a shelf instead.
        const fits = devicesPerRack * (e.slotUnit === 'U' ? d.rackUnits ?? 1 : 1) <= e.slots
        return { deviceId, enclosureId: fits ? enclosureId : 'mining-shelf-5x4', rackCount, devicesPerRack: fits ? devicesPerRack : 1, feed, position: { x, y }, rotationDeg }
      })
    const cooling = fc.record({
      modelId: fc.constantFrom(...coolingIds),
      count: fc.integer({ min: 1, max: 60 }),
      feed: fc.constantFrom(...feeds),
    })
    // Small halls (a check grid of 300 to 2400 cells): the properties hold for any size, and a
    // field solve costs in proportion to its cells.
    const hall = fc.record({
      lengthM: fc.integer({ min: 12, max: 36 }),
      widthM: fc.integer({ min: 6, max: 24 }),
      heightM: fc.integer({ min: 4, max: 10 }),
      rows: fc.array(row, { maxLength: 6 }),
      cooling: fc.array(cooling, { maxLength: 5 }),
      airScheme: fc.constantFrom('wall-to-wall', 'room', 'contained-aisle', 'rear-door' as const),
    })
    return fc
      .record({
        halls: fc.array(hall, { minLength: 1, maxLength: 2 }),
        climateId: fc.constantFrom(...climateIds),
        gridMVA: fc.double({ min: 0.5, max: 200, noNaN: true }),
        params: fc.option(
          fc.record({ airDeltaTK: fc.double({ min: 5, max: 30, noNaN: true }), fanFlowDerate: fc.double({ min: 0.5, max: 1, noNaN: true }) }, { requiredKeys: [] }),
          { nil: undefined },
        ),
      })
      .map(({ halls, climateId, gridMVA, params }): Scene => {
        const builtHalls: Hall[] = halls.map((h, hi) => {
          const origin = { x: 0, y: hi * 30 }
          return {
            id: `hall${hi}`,
            name: `Hall ${hi}`,
            origin,
            lengthM: h.lengthM,
            widthM: h.widthM,
            heightM: h.heightM,
            airScheme: h.airScheme,
            rows: h.rows.map((r, ri) => ({ ...r, id: `row${hi}.${ri}`, position: { x: origin.x + r.position.x * h.lengthM, y: origin.y + r.position.y * h.widthM } })),
            cooling: h.cooling.map((c, ci): CoolingPlacement => ({ ...c, id: `cool${hi}.${ci}`, position: { x: origin.x + 1, y: origin.y + 1 }, rotationDeg: 0 })),
          }
        })
        const scene: Scene = {
          version: 1,
          name: 'random',
          site: { name: 'random', climateId, grid: { capacityMVA: gridMVA, voltageKV: 110, minPowerFactor: 0.9 } },
          variants: [{ id: 'v', name: 'V', halls: builtHalls, power: nodes }],
        }
        if (params) scene.params = params
        return scene
      })
  })
}

/** Every number anywhere in a value, with its path. */
export function numbersIn(value: unknown, path = '', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value])
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out)
  return out
}

/** The entries of numbersIn(value) that are NaN or ±Infinity, same paths, without building a
 *  path for every finite number (a report holds the airflow field's cells: thousands of them). */
export function nonFiniteIn(value: unknown, path = '', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push([path, value])
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]
      if (typeof v === 'number' ? !Number.isFinite(v) : v && typeof v === 'object') nonFiniteIn(v, `${path}[${i}]`, out)
    }
  } else if (value instanceof Float64Array || value instanceof Float32Array) {
    // Object.entries of a typed array: its indices as keys, so numbersIn's path is `.${i}`.
    for (let i = 0; i < value.length; i++) if (!Number.isFinite(value[i]!)) out.push([`${path}.${i}`, value[i]!])
  } else if (value && typeof value === 'object') {
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue
      const v: unknown = (value as Record<string, unknown>)[k]
      if (typeof v === 'number' ? !Number.isFinite(v) : v && typeof v === 'object') nonFiniteIn(v, `${path}.${k}`, out)
    }
  }
  return out
}
