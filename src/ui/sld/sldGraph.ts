// The single-line diagram's graph, from the variant's structure alone (no report values): one box
// per element of the power chain, with identical sibling branches folded into one box marked "× N"
// (T-1.1A … T-1.11A, each with its UPS, busway and row, become one branch of 11), and the A and B
// sides ordered apart — A on the left, what both sides feed in the middle, B on the right — so the
// layered layout draws them without crossing wires. Focus keeps only the path from the grid to one
// element. The report's figures are painted onto the laid-out boxes later (sldValues.ts).
import type { Catalog } from '../../model/catalog'
import type { Variant } from '../../model/sceneSchema'
import { buildNetwork, pathToGrid, type Network, type Side, type SldElementKind, type SldLinkKind } from './sldNetwork'

export type { Side, SldElementKind, SldLinkKind } from './sldNetwork'

/** Boards, switchgear and busways are drawn as busbars with their feeders hanging off. */
export const BUS_KINDS: ReadonlySet<SldElementKind> = new Set(['switchgear', 'board', 'busway'])
export const LOAD_KINDS: ReadonlySet<SldElementKind> = new Set(['row', 'cooling'])

export interface SldBox {
  /** Diagram id: the first member's id. */
  id: string
  /** What a click selects in the store: the first member. */
  selectId: string
  kind: SldElementKind
  name: string
  /** The real elements the box stands for (several when identical branches are folded). */
  members: string[]
  /** Folded: the key that expands the fold (shared by its A and B copies); null when not folded. */
  foldKey: string | null
  side: Side | null
  group: { id: string; scheme: string } | null
  kvLabel: string | null
  detail: string | null
  /** A board whose feeders all end in loads: the loads, drawn down a vertical bus inside it. */
  stack: SldBox[]
  /** Standby supplies behind a transfer switch (drawn as a tag outside focus mode). */
  altFeeds: string[]
  /** Left-to-right rank inside a layer: A side, then both, then B side; the scene's order within. */
  rank: number
  /** The first member's place in the scene. */
  order: number
  widthPx: number
  heightPx: number
}

export interface SldLink {
  id: string
  source: string
  target: string
  kind: SldLinkKind
}

export interface SldGraph {
  boxes: SldBox[]
  links: SldLink[]
}

export interface SldGraphOptions {
  /** Fold keys the user opened. */
  expanded?: ReadonlySet<string>
  /** Show only the path from the grid to this element (row, cooling placement or power node). */
  focus?: string | null
  gridKV?: number | null
}

/** Element sizes in diagram px (buses grow with their feeders). */
export const SLD_SIZE = {
  equipment: { widthPx: 232, heightPx: 76 },
  load: { widthPx: 236, heightPx: 90 },
  busHeightPx: 52,
  busMinWidthPx: 280,
  busPerFeederPx: 240,
  /** A board with loads down a vertical bus: its head, and one line per load. */
  stackWidthPx: 330,
  stackHeadPx: 44,
  stackLinePx: 42,
} as const

/** A board drawn with its loads down a vertical bus from this many loads on (a row of them is wide). */
export const STACK_MIN_LOADS = 2

export function buildSldGraph(variant: Variant, catalog: Catalog, options: SldGraphOptions = {}): SldGraph {
  return graphOfNetwork(buildNetwork(variant, catalog, options.gridKV ?? null), options)
}

interface Kid {
  target: string
  kind: SldLinkKind
}

export function graphOfNetwork(net: Network, options: SldGraphOptions = {}): SldGraph {
  const expanded = options.expanded ?? new Set<string>()
  const keep = options.focus && net.elements.has(options.focus) ? pathToGrid(net, options.focus) : null
  const allowed = (id: string) => keep === null || keep.has(id)

  // An element's children (fed elements, then backing generators), sorted so that the i-th child
  // of two identical elements is the same part of the branch.
  const kidsCache = new Map<string, Kid[]>()
  const kidsOf = (id: string): Kid[] => {
    let kids = kidsCache.get(id)
    if (!kids) {
      kids = [
        // A standby (ATS) supply is a wire only in focus; otherwise a tag on the load, so the
        // loads hang under their normal board and no wire crosses to the other side.
        ...(net.out.get(id) ?? []).filter((l) => l.kind !== 'backup' && (l.kind !== 'alt' || keep !== null)).map((l) => ({ target: l.target, kind: l.kind })),
        ...(net.backers.get(id) ?? []).map((g) => ({ target: g, kind: 'backup' as const })),
      ]
        .filter((k) => allowed(k.target))
        .map((k, i) => ({ k, i, key: `${k.kind}:${net.sig.get(k.target) ?? ''}` }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
        .map((x) => x.k)
      kidsCache.set(id, kids)
    }
    return kids
  }

  const boxes = new Map<string, SldBox>()
  const boxOf = new Map<string, string>()
  const links: SldLink[] = []
  const linkKeys = new Set<string>()
  const addLink = (source: string, target: string, kind: SldLinkKind) => {
    const key = `${source}>${target}>${kind}`
    if (source === target || linkKeys.has(key)) return
    linkKeys.add(key)
    links.push({ id: `${kind}:${source}>${target}`, source, target, kind })
  }
  const queue: SldBox[] = []
  const makeBox = (members: string[], foldKey: string | null): SldBox | null => {
    const first = members[0]
    const e = first !== undefined ? net.elements.get(first) : undefined
    if (!e || first === undefined) return null
    const box: SldBox = {
      id: first,
      selectId: first,
      kind: e.kind,
      name: e.name,
      members,
      foldKey: members.length > 1 ? foldKey : null,
      side: e.side,
      group: e.group,
      kvLabel: e.kvLabel,
      detail: e.detail,
      rank: 0,
      order: e.order,
      stack: [],
      altFeeds: [...new Set(members.flatMap((m) => (net.in.get(m) ?? []).filter((l) => l.kind === 'alt').map((l) => l.source)))],
      ...(LOAD_KINDS.has(e.kind) ? SLD_SIZE.load : SLD_SIZE.equipment),
    }
    boxes.set(box.id, box)
    for (const m of members) boxOf.set(m, box.id)
    queue.push(box)
    return box
  }
  // Places a set of elements that one link position reaches: those already drawn link to their
  // box; the rest become one new box.
  const place = (from: SldBox, set: string[], kind: SldLinkKind, foldKey: string | null) => {
    const fresh = set.filter((id) => !boxOf.has(id))
    const targets = new Set(set.filter((id) => boxOf.has(id)).map((id) => boxOf.get(id) ?? id))
    const created = fresh.length > 0 ? makeBox(fresh, foldKey) : null
    if (created) targets.add(created.id)
    for (const t of targets) (kind === 'backup' ? addLink(t, from.id, kind) : addLink(from.id, t, kind))
  }

  const drain = () => {
    while (queue.length > 0) {
      const box = queue.shift()
      if (!box) break
      const memberKids = box.members.map(kidsOf)
      const positions = memberKids[0] ?? []
      // Position i across the members: the same part of each identical branch.
      const sets = positions.map((k, i) => ({
        kind: k.kind,
        sig: net.sig.get(k.target) ?? '',
        shape: net.shapeSig.get(k.target) ?? '',
        ids: [...new Set(memberKids.map((kids) => kids[i]?.target).filter((t): t is string => t !== undefined))],
      }))
      // Siblings with one signature fold into one box unless their fold was opened.
      const bySig = new Map<string, typeof sets>()
      for (const s of sets) bySig.set(`${s.kind}|${s.sig}`, [...(bySig.get(`${s.kind}|${s.sig}`) ?? []), s])
      for (const group of bySig.values()) {
        const first = group[0]
        if (!first) continue
        const inherited = box.foldKey
        if (group.length > 1 && !expanded.has(first.shape)) place(box, group.flatMap((s) => s.ids), first.kind, inherited ?? first.shape)
        else for (const s of group) place(box, s.ids, s.kind, inherited ?? s.shape)
      }
    }
  }
  // From the grid down; then anything no root reaches (an unfed load), on its own.
  for (const id of [...net.roots, ...net.elements.keys()]) {
    if (!allowed(id) || boxOf.has(id)) continue
    makeBox([id], null)
    drain()
  }

  let list = [...boxes.values()]
  rankBoxes(list, links)
  list.sort((a, b) => a.rank - b.rank)
  const stacked = stackLoads(list, links)
  list = list.filter((b) => !stacked.has(b.id))
  const drawn = links.filter((l) => !stacked.has(l.target))
  sizeBuses(list, drawn)
  return { boxes: list, links: drawn }
}

/** A side first, what both sides feed in the middle, B last; on each side the branches that reach
 *  the middle stand next to it, so the A and B wires meet there without crossing. */
function rankBoxes(boxes: SldBox[], links: readonly SldLink[]): void {
  const byId = new Map(boxes.map((b) => [b.id, b]))
  const out = new Map<string, string[]>()
  for (const l of links) if (l.kind === 'feed' || l.kind === 'feedB') out.set(l.source, [...(out.get(l.source) ?? []), l.target])
  const reaches = new Map<string, boolean>()
  const reachesMiddle = (id: string, depth = 0): boolean => {
    const known = reaches.get(id)
    if (known !== undefined) return known
    const b = byId.get(id)
    const r = !!b && depth <= boxes.length && (b.side === null || (out.get(id) ?? []).some((t) => reachesMiddle(t, depth + 1)))
    reaches.set(id, r)
    return r
  }
  // Within a band, depth-first order from the grid: the branches of one bus stay together, so a
  // tree draws without crossings; generators stand just before the bus they back.
  const backers = new Map<string, string[]>()
  for (const l of links) if (l.kind === 'backup') backers.set(l.target, [...(backers.get(l.target) ?? []), l.source])
  const fed = new Set(links.filter((l) => l.kind === 'feed' || l.kind === 'feedB').map((l) => l.target))
  const dfs = new Map<string, number>()
  const visit = (id: string) => {
    if (dfs.has(id)) return
    for (const g of backers.get(id) ?? []) if (!dfs.has(g)) dfs.set(g, dfs.size)
    dfs.set(id, dfs.size)
    const kids = [...(out.get(id) ?? [])].sort((x, y) => (byId.get(x)?.order ?? 0) - (byId.get(y)?.order ?? 0))
    for (const k of kids) visit(k)
  }
  for (const b of [...boxes].sort((x, y) => x.order - y.order)) if (!fed.has(b.id) && !(b.kind === 'generator' && backers.size > 0)) visit(b.id)
  for (const b of boxes) visit(b.id)
  boxes.forEach((b) => {
    const middle = b.side !== null && reachesMiddle(b.id)
    const band = b.side === 'A' ? (middle ? 1 : 0) : b.side === 'B' ? (middle ? 3 : 4) : 2
    b.rank = band * 1_000_000 + (dfs.get(b.id) ?? 0)
  })
}

/** Boards whose feeders all end in loads fed from nowhere else take those loads into a vertical
 *  bus inside their box; returns the ids of the loads taken in. */
function stackLoads(boxes: readonly SldBox[], links: readonly SldLink[]): Set<string> {
  const byId = new Map(boxes.map((b) => [b.id, b]))
  const incoming = new Map<string, number>()
  const outgoing = new Map<string, SldLink[]>()
  for (const l of links) {
    incoming.set(l.target, (incoming.get(l.target) ?? 0) + 1)
    outgoing.set(l.source, [...(outgoing.get(l.source) ?? []), l])
  }
  const taken = new Set<string>()
  for (const b of boxes) {
    if (!BUS_KINDS.has(b.kind)) continue
    const out = outgoing.get(b.id) ?? []
    const loads = out.map((l) => byId.get(l.target)).filter((t): t is SldBox => t !== undefined && LOAD_KINDS.has(t.kind) && incoming.get(t.id) === 1)
    if (loads.length < STACK_MIN_LOADS || loads.length !== out.length) continue
    b.stack = [...loads].sort((x, y) => x.rank - y.rank)
    for (const t of loads) taken.add(t.id)
  }
  return taken
}

function sizeBuses(boxes: SldBox[], links: readonly SldLink[]): void {
  const feeders = new Map<string, number>()
  for (const l of links) if (l.kind !== 'backup') feeders.set(l.source, (feeders.get(l.source) ?? 0) + 1)
  for (const b of boxes) {
    if (!BUS_KINDS.has(b.kind)) continue
    if (b.stack.length > 0) {
      b.widthPx = SLD_SIZE.stackWidthPx
      b.heightPx = SLD_SIZE.stackHeadPx + b.stack.length * SLD_SIZE.stackLinePx
      continue
    }
    b.heightPx = SLD_SIZE.busHeightPx
    b.widthPx = Math.max(SLD_SIZE.busMinWidthPx, (feeders.get(b.id) ?? 0) * SLD_SIZE.busPerFeederPx)
  }
}

/** The part of `id` after what it shares with `first`, cut back to a separator: "T-1.11A" → "11A". */
function suffixAfter(first: string, id: string): string {
  let common = 0
  while (common < first.length && first[common] === id[common]) common++
  const cut = Math.max(first.lastIndexOf('.', common - 1), first.lastIndexOf('-', common - 1)) + 1
  return id.slice(cut)
}

const lastNumber = (id: string): number | null => {
  const m = /(\d+)\D*$/.exec(id)
  return m?.[1] !== undefined ? Number(m[1]) : null
}

/** A fold's tag: "T-1.1A … 11A" for a run (1, 2, … 11), "T-1.1, 3 … 11" when members skip
 *  numbers (every other transformer on one bus); the id otherwise. */
export function boxTitle(box: SldBox): string {
  const [first = box.id, second] = box.members
  const last = box.members[box.members.length - 1]
  if (box.members.length < 2 || last === undefined) return first
  const numbers = box.members.map(lastNumber)
  const run = numbers.every((n, i) => n !== null && n === (numbers[0] ?? 0) + i)
  if (run || box.members.length === 2 || second === undefined) return `${first} … ${suffixAfter(first, last)}`
  return `${first}, ${suffixAfter(first, second)} … ${suffixAfter(first, last)}`
}
