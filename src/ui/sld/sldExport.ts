// Export of the diagram: the on-screen SVG, un-zoomed to the whole drawing, with its own style
// sheet, a title block and the legend, in dark ink on white (for documents and print), as an .svg
// file; or printed on a landscape page through the browser's print dialog ("Save as PDF").
const SVG_NS = 'http://www.w3.org/2000/svg'

export interface ExportInfo {
  /** Scene and variant names for the title block and the file name. */
  scene: string
  variant: string
  widthPx: number
  heightPx: number
}

const TITLE_PX = 54

/** A standalone SVG document of the whole diagram. */
export function diagramSvg(svg: SVGSVGElement, legendSource: SVGGElement | null, info: ExportInfo, paper: boolean): string {
  const clone = svg.cloneNode(true) as SVGSVGElement
  const legend = legendSource ? (legendSource.cloneNode(true) as SVGGElement) : null
  if (legend) clone.appendChild(legend)
  const legendH = legend ? 48 : 0
  const w = Math.max(info.widthPx, 720)
  const h = info.heightPx + TITLE_PX + legendH
  clone.setAttribute('xmlns', SVG_NS)
  clone.setAttribute('width', String(Math.ceil(w)))
  clone.setAttribute('height', String(Math.ceil(h)))
  clone.setAttribute('viewBox', `0 0 ${Math.ceil(w)} ${Math.ceil(h)}`)
  clone.removeAttribute('style')
  clone.removeAttribute('data-k')
  clone.setAttribute('class', `sld-root${paper ? ' paper' : ''}`)
  const bg = clone.querySelector('.sld-bg')
  bg?.setAttribute('width', String(Math.ceil(w)))
  bg?.setAttribute('height', String(Math.ceil(h)))
  const drawing = clone.querySelector('[data-role=diagram]')
  drawing?.setAttribute('transform', `translate(0,${TITLE_PX})`)
  legend?.setAttribute('transform', `translate(20,${TITLE_PX + info.heightPx + 14})`)
  clone.querySelector('[data-testid=sld-viewport]')?.removeAttribute('transform')
  const doc = svg.ownerDocument
  const title = doc.createElementNS(SVG_NS, 'g')
  title.setAttribute('transform', 'translate(20,0)')
  const line = (y: number, text: string, cls: string) => {
    const t = doc.createElementNS(SVG_NS, 'text')
    t.setAttribute('x', '0')
    t.setAttribute('y', String(y))
    t.setAttribute('class', cls)
    t.textContent = text
    title.appendChild(t)
  }
  line(22, `Single-line diagram — ${info.scene}`, 'sld-title')
  line(40, `Variant: ${info.variant} · loads and loading from the Halltwin solver · ${new Date().toISOString().slice(0, 10)}`, 'sld-line')
  clone.appendChild(title)
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'halltwin'

/** Saves the whole diagram as an .svg file. */
export function downloadSvg(svg: SVGSVGElement, legend: SVGGElement | null, info: ExportInfo): void {
  const url = URL.createObjectURL(new Blob([diagramSvg(svg, legend, info, true)], { type: 'image/svg+xml' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `${slug(info.scene)}-${slug(info.variant)}-single-line.svg`
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Prints the diagram on one landscape page (the browser offers "Save as PDF"). The page lives in
 *  a hidden frame, kept until the next print (a print dialog may still be reading it). */
export function printDiagram(svg: SVGSVGElement, legend: SVGGElement | null, info: ExportInfo): void {
  const markup = diagramSvg(svg, legend, info, true).replace(/^<\?xml[^>]*>\s*/, '')
  document.querySelector('iframe[data-testid=sld-print-frame]')?.remove()
  const frame = document.createElement('iframe')
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0'
  frame.setAttribute('aria-hidden', 'true')
  frame.dataset.testid = 'sld-print-frame'
  document.body.appendChild(frame)
  const page = frame.contentDocument
  const win = frame.contentWindow
  if (!page || !win) return
  const title = `${info.scene} single-line`.replace(/[<&>]/g, '')
  page.open()
  page.write(
    `<!doctype html><html><head><title>${title}</title><style>@page{size:A3 landscape;margin:10mm}html,body{margin:0;background:#fff}svg{width:100%;height:auto;max-height:100vh}</style></head><body>${markup}</body></html>`,
  )
  page.close()
  win.focus()
  win.print()
}
