// Cross-references a schema cannot see: catalog ids, feed and parent ids, unique ids, one grid
// root and no cycles in the power chain. Each problem names its field path.
import type { Catalog } from './catalog'
import type { Row, Scene, Variant } from './sceneSchema'
import type { FieldIssue } from './issues'

function unknownId(path: string, what: string, value: string, known: Iterable<string>): FieldIssue {
  const ids = [...known]
  const hint = ids.length <= 12 ? ` (known: ${ids.join(', ')})` : ''
  return { path, message: `unknown ${what} "${value}"${hint}` }
}

function checkPowerGraph(variant: Variant, base: string, parentOf: ReadonlyMap<string, string | null>, issues: FieldIssue[]): void {
  const index = new Map<string, number>()
  variant.power.forEach((node, i) => {
    if (index.has(node.id)) issues.push({ path: `${base}.power[${i}].id`, message: `duplicate power node id "${node.id}"` })
    else index.set(node.id, i)
  })
  // Generators stand apart: no parent, they back a node through a transfer switch.
  const roots = variant.power.filter((n) => n.parent === null && n.kind !== 'generator')
  if (roots.length !== 1 || roots[0]?.kind !== 'grid') {
    issues.push({
      path: `${base}.power`,
      message: `expected exactly one root node (parent null) of kind "grid", got ${roots.length} root(s)`,
    })
  }
  const schemes = new Map<string, string>()
  variant.power.forEach((node, i) => {
    const p = `${base}.power[${i}]`
    if (node.parent !== null && !index.has(node.parent)) {
      issues.push(unknownId(`${p}.parent`, 'power node', node.parent, index.keys()))
    }
    if (node.kind === 'grid' && node.parent !== null) issues.push({ path: `${p}.parent`, message: 'the grid node cannot have a parent' })
    if (node.kind === 'generator') {
      if (node.parent !== null) issues.push({ path: `${p}.parent`, message: 'a generator has no parent: name the node it backs in "backs"' })
      if (node.backs === undefined) issues.push({ path: `${p}.backs`, message: 'a generator needs "backs": the node it carries when the grid is lost' })
      else if (!index.has(node.backs)) issues.push(unknownId(`${p}.backs`, 'power node', node.backs, index.keys()))
      if (node.ratingKVA === undefined) issues.push({ path: `${p}.ratingKVA`, message: 'a generator needs a ratingKVA' })
    } else if (node.backs !== undefined) {
      issues.push({ path: `${p}.backs`, message: 'only a generator backs another node' })
    }
    if (node.redundancy) {
      const known = schemes.get(node.redundancy.group)
      if (known !== undefined && known !== node.redundancy.scheme) {
        issues.push({
          path: `${p}.redundancy.scheme`,
          message: `group "${node.redundancy.group}" is ${known} elsewhere, got ${node.redundancy.scheme}`,
        })
      }
      schemes.set(node.redundancy.group, node.redundancy.scheme)
    }
    if (node.kind === 'transformer' && node.modelId === undefined && node.ratingKVA === undefined) {
      issues.push({ path: `${p}.modelId`, message: 'a transformer needs a modelId from the catalog or a ratingKVA' })
    }
  })
  // Cycle check: walk up from every node until a node already judged, then judge the whole
  // path at once (so every node is walked once: linear in the chain, however deep). A node
  // whose way up runs into a loop is reported, as is every node on the loop.
  const loops = new Map<string, boolean>()
  const onPath = new Set<string>()
  for (const node of variant.power) {
    const path: string[] = []
    let cur: string | null | undefined = node.id
    let looped = false
    while (cur != null && parentOf.has(cur)) {
      const known = loops.get(cur)
      if (known !== undefined) {
        looped = known
        break
      }
      if (onPath.has(cur)) {
        looped = true
        break
      }
      onPath.add(cur)
      path.push(cur)
      cur = parentOf.get(cur)
    }
    for (const id of path) {
      loops.set(id, looped)
      onPath.delete(id)
    }
  }
  variant.power.forEach((node, i) => {
    if (loops.get(node.id)) issues.push({ path: `${base}.power[${i}].parent`, message: `power chain loops back to "${node.id}"` })
  })
}

/** Is `ancestor` on the path from `id` up to the grid? */
function descendsFrom(id: string, ancestor: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  let cur: string | null | undefined = id
  for (let steps = 0; cur != null && steps <= parentOf.size; steps++) {
    if (cur === ancestor) return true
    cur = parentOf.get(cur)
  }
  return false
}

function checkRowFeeds(row: Row, rp: string, parentOf: ReadonlyMap<string, string | null>, issues: FieldIssue[]): void {
  const sides: [string, string | undefined, string[] | undefined, string][] = [
    ['feed', row.feed, row.rackFeeds, 'rackFeeds'],
    ['feedB', row.feedB, row.rackFeedsB, 'rackFeedsB'],
  ]
  for (const [field, feed, rackFeeds, rackField] of sides) {
    if (feed === undefined) {
      if (rackFeeds !== undefined) issues.push({ path: `${rp}.${rackField}`, message: `per-rack feeds need a ${field} they hang from` })
      continue
    }
    if (!parentOf.has(feed)) {
      issues.push(unknownId(`${rp}.${field}`, 'power node', feed, parentOf.keys()))
      continue
    }
    if (rackFeeds === undefined) continue
    if (rackFeeds.length !== row.rackCount) {
      issues.push({ path: `${rp}.${rackField}`, message: `expected one feed per rack (${row.rackCount}), got ${rackFeeds.length}` })
    }
    rackFeeds.forEach((pdu, i) => {
      if (!parentOf.has(pdu)) issues.push(unknownId(`${rp}.${rackField}[${i}]`, 'power node', pdu, []))
      else if (!descendsFrom(pdu, feed, parentOf)) {
        issues.push({ path: `${rp}.${rackField}[${i}]`, message: `"${pdu}" is not fed from the row's ${field} "${feed}"` })
      }
    })
  }
  if (row.feedB !== undefined && row.feedB === row.feed) issues.push({ path: `${rp}.feedB`, message: 'the B feed must differ from the A feed' })
}

function checkVariant(variant: Variant, vi: number, catalog: Catalog, issues: FieldIssue[]): void {
  const base = `variants[${vi}]`
  // Each node's parent, by id (a duplicate id: the last node's), made once per variant: every row's
  // feeds are looked up in it (a campus has a thousand nodes and dozens of rows).
  const parentOf = new Map(variant.power.map((n) => [n.id, n.parent]))
  checkPowerGraph(variant, base, parentOf, issues)
  const nodeIds = new Set(variant.power.map((n) => n.id))
  variant.power.forEach((node, i) => {
    if (node.kind === 'transformer' && node.modelId !== undefined && !catalog.transformers.has(node.modelId)) {
      issues.push(unknownId(`${base}.power[${i}].modelId`, 'transformer model', node.modelId, catalog.transformers.keys()))
    }
  })
  const seen = new Set<string>()
  const unique = (id: string, path: string) => {
    if (seen.has(id) || nodeIds.has(id)) issues.push({ path, message: `duplicate id "${id}"` })
    seen.add(id)
  }
  variant.halls.forEach((hall, hi) => {
    const hp = `${base}.halls[${hi}]`
    unique(hall.id, `${hp}.id`)
    hall.rows.forEach((row, ri) => {
      const rp = `${hp}.rows[${ri}]`
      unique(row.id, `${rp}.id`)
      const device = catalog.devices.get(row.deviceId)
      if (!device) issues.push(unknownId(`${rp}.deviceId`, 'device', row.deviceId, catalog.devices.keys()))
      const enclosure = catalog.enclosures.get(row.enclosureId)
      if (!enclosure) issues.push(unknownId(`${rp}.enclosureId`, 'enclosure', row.enclosureId, catalog.enclosures.keys()))
      checkRowFeeds(row, rp, parentOf, issues)
      if (device && enclosure) {
        const used = enclosure.slotUnit === 'U' ? row.devicesPerRack * (device.rackUnits ?? 1) : row.devicesPerRack
        if (used > enclosure.slots) {
          issues.push({
            path: `${rp}.devicesPerRack`,
            message: `${row.devicesPerRack} × ${device.name} need ${used} ${enclosure.slotUnit === 'U' ? 'U' : 'slots'}, but a ${enclosure.name} has ${enclosure.slots}`,
          })
        }
      }
    })
    const rowIds = new Set(hall.rows.map((r) => r.id))
    hall.containment?.forEach((aisle, ai) => {
      const ap = `${hp}.containment[${ai}].rows`
      aisle.rows.forEach((rowId, k) => {
        if (!rowIds.has(rowId)) issues.push(unknownId(`${ap}[${k}]`, 'row of this hall', rowId, rowIds))
      })
      if (aisle.rows[0] === aisle.rows[1]) issues.push({ path: `${ap}[1]`, message: 'an aisle lies between two different rows' })
    })
    hall.cooling.forEach((unit, ci) => {
      const cp = `${hp}.cooling[${ci}]`
      unique(unit.id, `${cp}.id`)
      if (!catalog.coolingUnits.has(unit.modelId)) {
        issues.push(unknownId(`${cp}.modelId`, 'cooling unit', unit.modelId, catalog.coolingUnits.keys()))
      }
      if (!nodeIds.has(unit.feed)) issues.push(unknownId(`${cp}.feed`, 'power node', unit.feed, nodeIds))
      if (unit.feedB !== undefined && !nodeIds.has(unit.feedB)) issues.push(unknownId(`${cp}.feedB`, 'power node', unit.feedB, nodeIds))
    })
  })
}

export function checkReferences(scene: Scene, catalog: Catalog): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (!catalog.climates.has(scene.site.climateId)) {
    issues.push(unknownId('site.climateId', 'climate', scene.site.climateId, catalog.climates.keys()))
  }
  const variantIds = new Set<string>()
  scene.variants.forEach((variant, vi) => {
    if (variantIds.has(variant.id)) issues.push({ path: `variants[${vi}].id`, message: `duplicate variant id "${variant.id}"` })
    variantIds.add(variant.id)
    checkVariant(variant, vi, catalog, issues)
  })
  const bookmarks = new Set<string>()
  scene.bookmarks?.forEach((b, i) => {
    if (bookmarks.has(b.id)) issues.push({ path: `bookmarks[${i}].id`, message: `duplicate bookmark id "${b.id}"` })
    bookmarks.add(b.id)
  })
  scene.tours?.forEach((tour, ti) =>
    tour.steps.forEach((step, si) => {
      const p = `tours[${ti}].steps[${si}]`
      if (!bookmarks.has(step.bookmarkId)) issues.push(unknownId(`${p}.bookmarkId`, 'bookmark', step.bookmarkId, bookmarks))
      if (step.variantId !== undefined && !variantIds.has(step.variantId)) issues.push(unknownId(`${p}.variantId`, 'variant', step.variantId, variantIds))
    }),
  )
  return issues
}
