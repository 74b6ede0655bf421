// A schematic plan of the site (top view, north up) as inline SVG: halls, racks coloured by device
// kind, fans, pads, the liquid plant and the placed power equipment. Used by the CLI report in
// place of the 3D snapshots the app captures.
import type { Catalog } from '../model/catalog'
import { arrayBoxes, coolingBoxes, hallToSite, rowRackBoxes, type Box } from '../model/layout'
import type { Variant } from '../model/sceneSchema'
import { escapeHtml as e } from './escape'
import { REPORT_INK, REPORT_KIND } from './colours'

/** Drawn size of power equipment the catalog has no size for (metres, a plan symbol only). */
const POWER_SYMBOL_M = { widthM: 2.4, depthM: 1.6 }

const LEGEND: [string, string][] = [
  ['ASIC racks', REPORT_KIND.asic],
  ['GPU racks', REPORT_KIND.gpu],
  ['Fans', REPORT_KIND.fan],
  ['Pads', REPORT_KIND.pad],
  ['Liquid plant', REPORT_KIND.liquid],
  ['Power', REPORT_KIND.power],
]

interface Drawn {
  box: Box
  colour: string
}

function corners(b: Box): [number, number][] {
  const c = Math.cos(b.rotationRad)
  const s = Math.sin(b.rotationRad)
  const hw = b.widthM / 2
  const hd = b.depthM / 2
  return [
    [-hw, -hd],
    [hw, -hd],
    [hw, hd],
    [-hw, hd],
  ].map(([u, v]) => [b.cx + u! * c - v! * s, b.cy + u! * s + v! * c])
}

export function planSvg(variant: Variant, catalog: Catalog, widthPx = 720): string {
  const items: Drawn[] = []
  for (const hall of variant.halls) {
    for (const row of hall.rows) {
      const kind = catalog.devices.get(row.deviceId)?.kind ?? 'asic'
      for (const box of rowRackBoxes(hall, row, catalog)) items.push({ box, colour: kind === 'gpu' ? REPORT_KIND.gpu : REPORT_KIND.asic })
    }
    for (const unit of hall.cooling) {
      const k = catalog.coolingUnits.get(unit.modelId)?.kind
      const colour = k === 'exhaust-fan' ? REPORT_KIND.fan : k === 'evap-pad' ? REPORT_KIND.pad : REPORT_KIND.liquid
      for (const box of coolingBoxes(hall, unit, catalog)) items.push({ box, colour })
    }
  }
  for (const node of variant.power) {
    const p = node.placement
    if (!p) continue
    const hall = p.hallId ? variant.halls.find((h) => h.id === p.hallId) : undefined
    const corner = hall ? hallToSite(hall, p.position) : p.position
    const size = (node.kind === 'transformer' && node.modelId ? catalog.transformers.get(node.modelId)?.size : undefined) ?? { ...POWER_SYMBOL_M, heightM: 2 }
    const box = arrayBoxes(corner, p.rotationDeg ?? 0, 1, size.widthM, size.depthM, size.heightM)[0]
    if (box) items.push({ box, colour: REPORT_KIND.power })
  }
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  const grow = (x: number, y: number) => {
    minX = Math.min(minX, x)
    maxX = Math.max(maxX, x)
    minY = Math.min(minY, y)
    maxY = Math.max(maxY, y)
  }
  for (const h of variant.halls) {
    grow(h.origin.x, h.origin.y)
    grow(h.origin.x + h.lengthM, h.origin.y + h.widthM)
  }
  for (const it of items) for (const [x, y] of corners(it.box)) grow(x, y)
  if (!Number.isFinite(minX)) return ''
  const pad = 4
  const spanX = maxX - minX + 2 * pad
  const spanY = maxY - minY + 2 * pad
  const scale = widthPx / spanX
  const heightPx = Math.round(spanY * scale)
  // Site y runs north (up); SVG y runs down.
  const X = (x: number) => ((x - minX + pad) * scale).toFixed(1)
  const Y = (y: number) => ((maxY + pad - y) * scale).toFixed(1)
  const halls = variant.halls.map(
    (h) =>
      `<rect x="${X(h.origin.x)}" y="${Y(h.origin.y + h.widthM)}" width="${(h.lengthM * scale).toFixed(1)}" height="${(h.widthM * scale).toFixed(1)}" fill="${REPORT_KIND.hall}" stroke="${REPORT_KIND.wall}" stroke-width="2"/>` +
      `<text x="${X(h.origin.x + 1)}" y="${(Number(Y(h.origin.y + h.widthM)) - 4).toFixed(1)}" class="lbl">${e(h.name)} · ${h.lengthM} × ${h.widthM} m</text>`,
  )
  const boxes = items.map((it) => `<polygon points="${corners(it.box).map(([x, y]) => `${X(x)},${Y(y)}`).join(' ')}" fill="${it.colour}"/>`)
  const barM = niceScaleBar(spanX / 5)
  // Scale bar on one line, the legend on the next: a long scale bar never runs into the legend.
  return `<svg class="plan" viewBox="0 -16 ${widthPx} ${heightPx + 58}" width="${widthPx}" height="${heightPx + 58}" role="img" aria-label="Site plan of ${e(variant.name)}" xmlns="http://www.w3.org/2000/svg">
${halls.join('\n')}
<g>${boxes.join('')}</g>
<g transform="translate(8,${heightPx + 14})"><rect width="${(barM * scale).toFixed(1)}" height="4" fill="${REPORT_INK.text}"/><text x="${(barM * scale + 6).toFixed(1)}" y="6" class="sub">${barM} m · north up</text></g>
<g transform="translate(8,${heightPx + 32})">${LEGEND.map(([label, colour], i) => `<rect x="${i * 96}" y="-3" width="10" height="10" fill="${colour}"/><text x="${14 + i * 96}" y="6" class="sub">${label}</text>`).join('')}</g>
</svg>`
}

function niceScaleBar(m: number): number {
  for (const step of [100, 50, 20, 10, 5, 2]) if (m >= step) return step
  return 1
}
