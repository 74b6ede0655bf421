// Two variants side by side: pick each with its selector; the verdict, binding constraint, usable
// IT, money (capex, NPV, IRR, payback), PUE and water of each with the difference B − A; a top-down
// plan of each site (the report's static plan, src/report/plan.ts: two live 3D canvases would
// double the GPU load of the app); and the checks whose status differs. Figures come from the
// solved reports; a variant still solving shows "solving…".
import { useMemo, useState } from 'react'
import { builtInCatalog } from '../../model/catalog'
import { planSvg } from '../../report'
import { STATUS_WORD } from '../../report/format'
import type { Check, Report } from '../../solver/report'
import { useStore } from '../../store'
import { StatusDot } from '../StatusDot'
import { bindingTitle, checkCellText, COMPARE_ROWS, defaultPair, pairChecks, rowDelta } from './compareRows'
import './compare.css'

/** Label, A, B, B − A: both tables line up. */
function CompareColumns() {
  return (
    <colgroup>
      <col className="cmp-col-label" />
      <col />
      <col />
      <col className="cmp-col-delta" />
    </colgroup>
  )
}

export function CompareView() {
  const scene = useStore((s) => s.scene)
  const current = useStore((s) => s.variantId)
  const reports = useStore((s) => s.reports)
  const close = useStore((s) => s.setEditorOverlay)
  const variants = useMemo(() => scene?.variants ?? [], [scene])
  const [initialA, initialB] = defaultPair(variants, current)
  const [a, setA] = useState(initialA)
  const [b, setB] = useState(initialB)
  const [allChecks, setAllChecks] = useState(false)
  const ra = reports[a]
  const rb = reports[b]
  const nameOf = (id: string) => variants.find((v) => v.id === id)?.name ?? id
  const picker = (side: 'a' | 'b', value: string, set: (v: string) => void) => (
    <label className="cmp-pick">
      <span className="cmp-side">{side.toUpperCase()}</span>
      <select value={value} onChange={(e) => set(e.target.value)} data-testid={`compare-${side}`} aria-label={`Variant ${side.toUpperCase()}`}>
        {variants.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <div className="ed-modal-backdrop cmp-backdrop" onClick={() => close(null)}>
      <div className="cmp" role="dialog" aria-label="Compare variants" data-testid="compare" data-a={a} data-b={b} onClick={(e) => e.stopPropagation()}>
        <div className="cmp-head">
          <h2>Compare variants</h2>
          <span className="muted small">figures from the solver’s reports · B − A on the right</span>
          <button type="button" className="icon-button" onClick={() => close(null)} aria-label="Close" data-testid="compare-close">
            ×
          </button>
        </div>
        {a === b && <p className="cmp-same small">Both sides show the same variant: pick another one for A or B.</p>}
        <table className="cmp-table">
          <CompareColumns />
          <thead>
            <tr>
              <th />
              <th>
                {picker('a', a, setA)}
                <VerdictBadge r={ra} />
              </th>
              <th>
                {picker('b', b, setB)}
                <VerdictBadge r={rb} />
              </th>
              <th className="cmp-delta-head">B − A</th>
            </tr>
          </thead>
          <tbody>
            {COMPARE_ROWS.map((row) => {
              const d = ra && rb ? rowDelta(row, ra, rb) : null
              const ta = ra ? row.text(ra) : null
              const tb = rb ? row.text(rb) : null
              const differs = ta !== null && tb !== null && ta !== tb
              return (
                <tr key={row.key} className={`${row.group ? 'cmp-group' : ''}${differs ? ' cmp-diff' : ''}`} data-testid={`compare-row-${row.key}`}>
                  <th scope="row" title={row.hint}>
                    {row.label}
                  </th>
                  <Cell report={ra} text={ta} side="a" row={row.key} />
                  <Cell report={rb} text={tb} side="b" row={row.key} />
                  <td className={`num cmp-delta${d ? ` cmp-${d.tone}` : ''}`}>{d?.text ?? ''}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <div className="cmp-plans" data-testid="compare-plans">
          <Plan variantId={a} side="A" name={nameOf(a)} />
          <Plan variantId={b} side="B" name={nameOf(b)} />
        </div>
        <ChecksDiff ra={ra} rb={rb} all={allChecks} setAll={setAllChecks} />
      </div>
    </div>
  )
}

function VerdictBadge({ r }: { r: Report | undefined }) {
  if (!r) return <span className="cmp-verdict muted">solving…</span>
  return (
    <span className={`cmp-verdict cmp-verdict-${r.verdict}`} title={bindingTitle(r)}>
      {STATUS_WORD[r.verdict]}
    </span>
  )
}

function Cell({ report, text, side, row }: { report: Report | undefined; text: string | null; side: 'a' | 'b'; row: string }) {
  if (!report || text === null)
    return (
      <td className="muted" data-testid="compare-cell" data-side={side} data-row={row}>
        solving…
      </td>
    )
  const fail = (row === 'verdict' && report.verdict === 'fail') || (row === 'buildable' && text.startsWith('no'))
  return (
    <td className={`num${fail ? ' text-fail' : ''}`} data-testid="compare-cell" data-side={side} data-row={row} title={row === 'binding' ? bindingTitle(report) : undefined}>
      {row === 'verdict' && <StatusDot status={report.verdict} />} {text}
    </td>
  )
}

/** The site of a variant from above (north up), the report's plan. */
function Plan({ variantId, side, name }: { variantId: string; side: string; name: string }) {
  const variant = useStore((s) => s.scene?.variants.find((v) => v.id === variantId))
  // planSvg escapes every text of the scene (report/escape.ts): its markup is safe to insert.
  const svg = useMemo(() => (variant ? planSvg(variant, builtInCatalog()) : ''), [variant])
  return (
    <figure className="cmp-plan" data-testid="compare-plan" data-variant={variantId}>
      <figcaption>
        <span className="cmp-side">{side}</span> {name}
      </figcaption>
      {svg ? <div className="cmp-plan-svg" dangerouslySetInnerHTML={{ __html: svg }} /> : <p className="muted small">Nothing to draw.</p>}
    </figure>
  )
}

function ChecksDiff({ ra, rb, all, setAll }: { ra: Report | undefined; rb: Report | undefined; all: boolean; setAll: (v: boolean) => void }) {
  if (!ra || !rb) return null
  const { pairs, differing } = pairChecks(ra, rb)
  const shown = all ? pairs : differing
  return (
    <section className="cmp-checks">
      <div className="cmp-checks-head">
        <h3>Checks</h3>
        <span className="muted small">
          {differing.length} of {pairs.length} differ in status
        </span>
        <label className="small">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> show all
        </label>
      </div>
      <table className="cmp-table cmp-checks-table">
        <CompareColumns />
        <tbody>
          {shown.slice(0, 400).map(({ key, a: x, b: y }) => {
            const c = (x ?? y)!
            // A check about the variant itself names each variant: then neither name is the row's.
            const subject = x && y && x.subject !== y.subject ? '' : c.subject
            return (
              <tr key={key} className={x?.status !== y?.status ? 'cmp-diff' : ''}>
                <th scope="row" className="ellipsis" title={subject ? `${c.title} — ${subject}` : c.title}>
                  {c.title} <span className="muted">{subject}</span>
                </th>
                <td>
                  <CheckCell c={x} />
                </td>
                <td>
                  <CheckCell c={y} />
                </td>
                <td />
              </tr>
            )
          })}
        </tbody>
      </table>
      {shown.length > 400 && <p className="muted small">…and {shown.length - 400} more.</p>}
    </section>
  )
}

function CheckCell({ c }: { c: Check | undefined }) {
  if (!c) return <span className="muted">—</span>
  return (
    <span className="num">
      <StatusDot status={c.status} /> {checkCellText(c)}
    </span>
  )
}
