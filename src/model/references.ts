// Cross-references a schema cannot see: catalog ids, feed and parent ids, unique ids, one grid
// root and no cycles in the power chain. Each problem names its field path.
// Every scene a parse accepts passes here, so the loops are plain: one id map per variant, and a
// field path is written only for a problem found.
import type { Catalog } from './catalog'
import type { Row, Scene, Variant } from './sceneSchema'
import type { FieldIssue } from './issues'

function unknownId(path: string, what: string, value: string, known: Iterable<string>): FieldIssue {
  const ids = [...known]
  const hint = ids.length <= 12 ? ` (known: ${ids.join(', ')})` : ''
  return { path, message: `unknown ${what} "${value}"${hint}` }
}

/** Each power node's parent, by id (a duplicate id: the last node's), in the order the ids first
 *  appear; duplicate ids are reported as they are met. */
function parentsById(variant: Variant, base: string, issues: FieldIssue[]): Map<string, string | null> {
  const parentOf = new Map<string, string | null>()
  const power = variant.power
  for (let i = 0; i < power.length; i++) {
    const node = power[i]!
    if (parentOf.has(node.id)) issues.push({ path: `${base}.power[${i}].id`, message: `duplicate power node id "${node.id}"` })
    parentOf.set(node.id, node.parent)
  }
  return parentOf
}

/** A loop check's verdict on an id, and the mark of an id on the path being walked. */
const ON_PATH = 2

function checkPowerGraph(variant: Variant, base: string, parentOf: ReadonlyMap<string, string | null>, issues: FieldIssue[]): void {
  const power = variant.power
  // Generators stand apart: no parent, they back a node through a transfer switch.
  let roots = 0
  let firstRoot: Variant['power'][number] | undefined
  for (const n of power) {
    if (n.parent === null && n.kind !== 'generator') {
      if (roots++ === 0) firstRoot = n
    }
  }
  if (roots !== 1 || firstRoot?.kind !== 'grid') {
    issues.push({
      path: `${base}.power`,
      message: `expected exactly one root node (parent null) of kind "grid", got ${roots} root(s)`,
    })
  }
  const schemes = new Map<string, string>()
  for (let i = 0; i < power.length; i++) {
    const node = power[i]!
    if (node.parent !== null && !parentOf.has(node.parent)) {
      issues.push(unknownId(`${base}.power[${i}].parent`, 'power node', node.parent, parentOf.keys()))
    }
    if (node.kind === 'grid' && node.parent !== null) issues.push({ path: `${base}.power[${i}].parent`, message: 'the grid node cannot have a parent' })
    if (node.kind === 'generator') {
      if (node.parent !== null) issues.push({ path: `${base}.power[${i}].parent`, message: 'a generator has no parent: name the node it backs in "backs"' })
      if (node.backs === undefined) issues.push({ path: `${base}.power[${i}].backs`, message: 'a generator needs "backs": the node it carries when the grid is lost' })
      else if (!parentOf.has(node.backs)) issues.push(unknownId(`${base}.power[${i}].backs`, 'power node', node.backs, parentOf.keys()))
      if (node.ratingKVA === undefined) issues.push({ path: `${base}.power[${i}].ratingKVA`, message: 'a generator needs a ratingKVA' })
    } else if (node.backs !== undefined) {
      issues.push({ path: `${base}.power[${i}].backs`, message: 'only a generator backs another node' })
    }
    if (node.redundancy) {
      const known = schemes.get(node.redundancy.group)
      if (known !== undefined && known !== node.redundancy.scheme) {
        issues.push({
          path: `${base}.power[${i}].redundancy.scheme`,
          message: `group "${node.redundancy.group}" is ${known} elsewhere, got ${node.redundancy.scheme}`,
        })
      }
      schemes.set(node.redundancy.group, node.redundancy.scheme)
    }
    if (node.kind === 'transformer' && node.modelId === undefined && node.ratingKVA === undefined) {
      issues.push({ path: `${base}.power[${i}].modelId`, message: 'a transformer needs a modelId from the catalog or a ratingKVA' })
    }
  }
  // Cycle check: walk up from every node until a node already judged, then judge the whole
  // path at once (so every node is walked once: linear in the chain, however deep). A node
  // whose way up runs into a loop is reported, as is every node on the loop.
  // verdict: id -> 1 (on a loop or runs into one), 0 (reaches a root), ON_PATH (being walked).
  const verdict = new Map<string, number>()
  // The ids walked from one node, path[0..steps): one array for every walk (no truncation: a
  // length write is a runtime call).
  const path: string[] = []
  for (const node of power) {
    let cur: string | null | undefined = node.id
    let looped = 0
    let steps = 0
    while (cur != null && parentOf.has(cur)) {
      const known = verdict.get(cur)
      if (known !== undefined) {
        looped = known === ON_PATH ? 1 : known
        break
      }
      verdict.set(cur, ON_PATH)
      path[steps++] = cur
      cur = parentOf.get(cur)
    }
    for (let k = 0; k < steps; k++) verdict.set(path[k]!, looped)
  }
  for (let i = 0; i < power.length; i++) {
    const id = power[i]!.id
    if (verdict.get(id) === 1) issues.push({ path: `${base}.power[${i}].parent`, message: `power chain loops back to "${id}"` })
  }
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

/** One side of a row's supply: its feed and, when racks are fed one by one, their feeds. */
function checkRowSide(
  hp: string,
  ri: number,
  field: 'feed' | 'feedB',
  feed: string | undefined,
  rackFeeds: string[] | undefined,
  rackField: 'rackFeeds' | 'rackFeedsB',
  rackCount: number,
  parentOf: ReadonlyMap<string, string | null>,
  issues: FieldIssue[],
): void {
  if (feed === undefined) {
    if (rackFeeds !== undefined) issues.push({ path: `${hp}.rows[${ri}].${rackField}`, message: `per-rack feeds need a ${field} they hang from` })
    return
  }
  if (!parentOf.has(feed)) {
    issues.push(unknownId(`${hp}.rows[${ri}].${field}`, 'power node', feed, parentOf.keys()))
    return
  }
  if (rackFeeds === undefined) return
  if (rackFeeds.length !== rackCount) {
    issues.push({ path: `${hp}.rows[${ri}].${rackField}`, message: `expected one feed per rack (${rackCount}), got ${rackFeeds.length}` })
  }
  for (let i = 0; i < rackFeeds.length; i++) {
    const pdu = rackFeeds[i]!
    if (!parentOf.has(pdu)) issues.push(unknownId(`${hp}.rows[${ri}].${rackField}[${i}]`, 'power node', pdu, []))
    else if (!descendsFrom(pdu, feed, parentOf)) {
      issues.push({ path: `${hp}.rows[${ri}].${rackField}[${i}]`, message: `"${pdu}" is not fed from the row's ${field} "${feed}"` })
    }
  }
}

function checkRowFeeds(row: Row, hp: string, ri: number, parentOf: ReadonlyMap<string, string | null>, issues: FieldIssue[]): void {
  checkRowSide(hp, ri, 'feed', row.feed, row.rackFeeds, 'rackFeeds', row.rackCount, parentOf, issues)
  checkRowSide(hp, ri, 'feedB', row.feedB, row.rackFeedsB, 'rackFeedsB', row.rackCount, parentOf, issues)
  if (row.feedB !== undefined && row.feedB === row.feed) issues.push({ path: `${hp}.rows[${ri}].feedB`, message: 'the B feed must differ from the A feed' })
}

function checkVariant(variant: Variant, vi: number, catalog: Catalog, issues: FieldIssue[]): void {
  const base = `variants[${vi}]`
  // Made once per variant: every row's feeds are looked up in it (a campus has a thousand nodes
  // and dozens of rows). Its keys are the variant's node ids.
  const parentOf = parentsById(variant, base, issues)
  checkPowerGraph(variant, base, parentOf, issues)
  const power = variant.power
  for (let i = 0; i < power.length; i++) {
    const node = power[i]!
    if (node.kind === 'transformer' && node.modelId !== undefined && !catalog.transformers.has(node.modelId)) {
      issues.push(unknownId(`${base}.power[${i}].modelId`, 'transformer model', node.modelId, catalog.transformers.keys()))
    }
  }
  const seen = new Set<string>()
  /** Is `id` taken already (by a node, or a hall, row or unit met before)? It is now. */
  const taken = (id: string) => {
    const dup = seen.has(id) || parentOf.has(id)
    seen.add(id)
    return dup
  }
  const halls = variant.halls
  for (let hi = 0; hi < halls.length; hi++) {
    const hall = halls[hi]!
    const hp = `${base}.halls[${hi}]`
    if (taken(hall.id)) issues.push({ path: `${hp}.id`, message: `duplicate id "${hall.id}"` })
    const rows = hall.rows
    for (let ri = 0; ri < rows.length; ri++) {
      const row = rows[ri]!
      if (taken(row.id)) issues.push({ path: `${hp}.rows[${ri}].id`, message: `duplicate id "${row.id}"` })
      const device = catalog.devices.get(row.deviceId)
      if (!device) issues.push(unknownId(`${hp}.rows[${ri}].deviceId`, 'device', row.deviceId, catalog.devices.keys()))
      const enclosure = catalog.enclosures.get(row.enclosureId)
      if (!enclosure) issues.push(unknownId(`${hp}.rows[${ri}].enclosureId`, 'enclosure', row.enclosureId, catalog.enclosures.keys()))
      checkRowFeeds(row, hp, ri, parentOf, issues)
      if (device && enclosure) {
        const used = enclosure.slotUnit === 'U' ? row.devicesPerRack * (device.rackUnits ?? 1) : row.devicesPerRack
        if (used > enclosure.slots) {
          issues.push({
            path: `${hp}.rows[${ri}].devicesPerRack`,
            message: `${row.devicesPerRack} × ${device.name} need ${used} ${enclosure.slotUnit === 'U' ? 'U' : 'slots'}, but a ${enclosure.name} has ${enclosure.slots}`,
          })
        }
      }
    }
    if (hall.containment) {
      const rowIds = new Set(rows.map((r) => r.id))
      hall.containment.forEach((aisle, ai) => {
        const ap = `${hp}.containment[${ai}].rows`
        aisle.rows.forEach((rowId, k) => {
          if (!rowIds.has(rowId)) issues.push(unknownId(`${ap}[${k}]`, 'row of this hall', rowId, rowIds))
        })
        if (aisle.rows[0] === aisle.rows[1]) issues.push({ path: `${ap}[1]`, message: 'an aisle lies between two different rows' })
      })
    }
    const cooling = hall.cooling
    for (let ci = 0; ci < cooling.length; ci++) {
      const unit = cooling[ci]!
      if (taken(unit.id)) issues.push({ path: `${hp}.cooling[${ci}].id`, message: `duplicate id "${unit.id}"` })
      if (!catalog.coolingUnits.has(unit.modelId)) {
        issues.push(unknownId(`${hp}.cooling[${ci}].modelId`, 'cooling unit', unit.modelId, catalog.coolingUnits.keys()))
      }
      if (!parentOf.has(unit.feed)) issues.push(unknownId(`${hp}.cooling[${ci}].feed`, 'power node', unit.feed, parentOf.keys()))
      if (unit.feedB !== undefined && !parentOf.has(unit.feedB)) issues.push(unknownId(`${hp}.cooling[${ci}].feedB`, 'power node', unit.feedB, parentOf.keys()))
    }
  }
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
