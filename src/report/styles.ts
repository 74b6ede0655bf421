// The report's stylesheet, inlined into the page: readable on screen, clean on paper (A4, one
// variant per page group, colours kept when printed).
import { REPORT_INK, REPORT_STATUS } from './colours'

export const REPORT_CSS = `
:root { --ok: ${REPORT_STATUS.ok}; --warn: ${REPORT_STATUS.warn}; --fail: ${REPORT_STATUS.fail};
  --text: ${REPORT_INK.text}; --muted: ${REPORT_INK.muted}; --line: ${REPORT_INK.line}; --faint: ${REPORT_INK.faint}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #e9edf2; color: var(--text);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 960px; margin: 24px auto; background: #fff; padding: 36px 44px; box-shadow: 0 2px 14px rgba(0,0,0,.12); }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 6px; display: flex; align-items: center; gap: 12px; }
h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 22px 0 8px; }
p { margin: 6px 0; }
.muted { color: var(--muted); }
.lead { font-size: 15px; max-width: 60em; }
.meta { color: var(--muted); margin-bottom: 18px; }
section { margin-top: 28px; }
.variant { border-top: 3px solid var(--text); padding-top: 18px; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; letter-spacing: .06em; padding: 2px 9px; border-radius: 4px; color: #fff; }
.badge.ok { background: var(--ok); } .badge.warn { background: var(--warn); } .badge.fail { background: var(--fail); }
.tag { display: inline-block; font-size: 10.5px; font-weight: 600; padding: 0 6px; border-radius: 3px; border: 1px solid currentColor; }
.tag.ok { color: var(--ok); } .tag.fail { color: var(--fail); }
.note { color: var(--muted); font-size: 11.5px; }
.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; vertical-align: 1px; }
.dot.ok { background: var(--ok); } .dot.warn { background: var(--warn); } .dot.fail { background: var(--fail); }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px 18px; margin: 12px 0; }
.figure .k { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .05em; }
.figure .v { font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; }
.figure .u { font-size: 12px; color: var(--muted); font-weight: 400; }
.binding { background: var(--faint); border-left: 4px solid var(--muted); padding: 8px 12px; margin: 10px 0; }
.binding.fail { border-color: var(--fail); } .binding.warn { border-color: var(--warn); } .binding.ok { border-color: var(--ok); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.fail td:first-child { box-shadow: inset 3px 0 var(--fail); }
tr.warn td:first-child { box-shadow: inset 3px 0 var(--warn); }
.checks td { font-size: 12px; }
.checks .note { color: var(--muted); font-size: 11px; }
.snapshot { width: 100%; border-radius: 4px; border: 1px solid var(--line); display: block; }
svg.chart, svg.plan { max-width: 100%; height: auto; display: block; font: 12px system-ui, sans-serif; }
svg .lbl { fill: var(--text); font-size: 12px; }
svg .sub { fill: var(--muted); font-size: 10.5px; }
svg .val { fill: var(--text); font-size: 11.5px; font-weight: 600; }
/* The app's economics charts (src/report/svg), on paper. */
.econ-chart { margin: 6px 0 10px; }
.econ-grid line { stroke: var(--line); stroke-width: 1; shape-rendering: crispEdges; }
.econ-grid line.econ-zero { stroke: var(--muted); stroke-dasharray: 4 3; }
.econ-grid text { font-size: 10.5px; fill: var(--muted); font-variant-numeric: tabular-nums; }
.econ-series path { stroke-width: 2; }
.econ-end { font-size: 11px; font-weight: 600; fill: var(--text); }
.econ-tornado-label { font-size: 11.5px; fill: var(--text); }
.econ-tornado-value { font-size: 10.5px; fill: var(--muted); font-variant-numeric: tabular-nums; }
.econ-tornado-value.strong { fill: var(--text); font-weight: 600; }
.econ-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0 0; padding: 0; font-size: 11.5px; }
.econ-legend li { display: inline-flex; align-items: center; gap: 6px; }
.econ-legend .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
.econ-legend-line { display: inline-block; width: 16px; height: 0; border-top: 2.5px solid var(--muted); }
.econ-legend-line.dashed { border-top-style: dashed; }
.econ-legend-line.zero { border-top: 1px dashed var(--muted); }
ul.advice { margin: 4px 0; padding-left: 20px; }
.toolbar { max-width: 960px; margin: 16px auto 0; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  .page { box-shadow: none; margin: 0; max-width: none; padding: 0; }
  .toolbar { display: none; }
  .variant { break-before: page; }
  tr, .figure, svg, img, .binding { break-inside: avoid; }
  thead { display: table-header-group; }
}
`
