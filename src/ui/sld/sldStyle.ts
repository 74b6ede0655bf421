// The diagram's own style sheet, inside the <svg>: the exported SVG and the printed page look the
// same as the screen. `.paper` is the printable variant (dark ink on white).
import { SLD_COLOURS } from '../../viewport/palette'

export const SLD_STYLE = `
.sld-root { font-family: Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.sld-bg { fill: #12161c; }
.sld-wire { fill: none; stroke: ${SLD_COLOURS.link}; stroke-width: 1.6; }
.sld-wire.side-B { stroke: ${SLD_COLOURS.linkB}; }
.sld-wire.kind-feedB { stroke: ${SLD_COLOURS.linkB}; stroke-dasharray: 7 4; }
.sld-wire.kind-backup { stroke: ${SLD_COLOURS.backup}; stroke-dasharray: 4 3; }
.sld-wire.kind-alt { stroke: ${SLD_COLOURS.linkB}; stroke-dasharray: 2 3; }
.sld-bar { fill: #c7d0db; }
.sld-bar.side-B { fill: ${SLD_COLOURS.linkB}; }
.sld-breaker { fill: #12161c; stroke: #c7d0db; stroke-width: 1.4; }
.sld-el { cursor: pointer; color: #c7d0db; }
.sld-el.side-B { color: ${SLD_COLOURS.linkB}; }
.sld-hit { fill: transparent; }
.sld-el:hover > .sld-hit { fill: rgba(255,255,255,0.05); }
.sld-el.selected > .sld-hit { fill: rgba(255,255,255,0.08); stroke: #ffffff; stroke-width: 1.5; }
.sld-title { font-size: 13px; font-weight: 650; fill: #eef2f6; }
.sld-line { font-size: 12px; fill: #9aa6b4; font-variant-numeric: tabular-nums; }
.sld-load { font-size: 12px; fill: #d5dce4; font-variant-numeric: tabular-nums; }
.sld-pct { font-weight: 700; }
.sld-fold { cursor: pointer; }
.sld-fold rect { fill: #2b3644; stroke: #6b7686; stroke-width: 1; }
.sld-fold text { font-size: 12px; font-weight: 700; fill: #eef2f6; }
.sld-fold:hover rect { fill: #3a4a5e; }
.sld-tag { font-size: 10.5px; font-weight: 650; fill: #c9a15a; }
.sld-legend text { font-size: 12px; fill: #9aa6b4; }
.sld-legend .sld-legend-title { font-size: 12px; font-weight: 650; fill: #eef2f6; }
.paper .sld-bg { fill: #ffffff; }
.paper .sld-wire { stroke: #333b44; }
.paper .sld-wire.side-B, .paper .sld-wire.kind-feedB, .paper .sld-wire.kind-alt { stroke: #1f5fa8; }
.paper .sld-wire.kind-backup { stroke: #9a6a12; }
.paper .sld-bar { fill: #222a33; }
.paper .sld-bar.side-B { fill: #1f5fa8; }
.paper .sld-breaker { fill: #ffffff; stroke: #222a33; }
.paper .sld-el { color: #222a33; }
.paper .sld-el.side-B { color: #1f5fa8; }
.paper .sld-title { fill: #11151a; }
.paper .sld-line, .paper .sld-legend text { fill: #4a5563; }
.paper .sld-load { fill: #222a33; }
.paper .sld-fold rect { fill: #e8edf2; stroke: #6b7686; }
.paper .sld-fold text, .paper .sld-legend .sld-legend-title { fill: #11151a; }
.paper .sld-tag { fill: #9a6a12; }
`
