// Two variants side by side: verdict, totals and every check, with the differences marked.
import { useState } from 'react'
import type { Check, Report } from '../../solver/report'
import { useStore } from '../../store'
import { StatusDot } from '../StatusDot'
import { formatNumber } from '../format'
import { checkRatioText } from '../../report/format'

const TOTALS: { key: string; label: string; unit: string; scale?: number; digits?: number }[] = [
  { key: 'itKW', label: 'IT load', unit: 'MW', scale: 1e-3, digits: 2 },
  { key: 'facilityKW', label: 'Facility', unit: 'MW', scale: 1e-3, digits: 2 },
  { key: 'gridKVA', label: 'Grid', unit: 'MVA', scale: 1e-3, digits: 2 },
  { key: 'coolingKW', label: 'Cooling', unit: 'kW', digits: 0 },
  { key: 'pue', label: 'PUE', unit: '', digits: 3 },
  { key: 'deviceCount', label: 'Devices', unit: '', digits: 0 },
]

export function CompareView() {
  const scene = useStore((s) => s.scene)
  const current = useStore((s) => s.variantId)
  const reports = useStore((s) => s.reports)
  const close = useStore((s) => s.setEditorOverlay)
  const variants = scene?.variants ?? []
  const [a, setA] = useState(current ?? variants[0]?.id ?? '')
  const [b, setB] = useState(variants.find((v) => v.id !== a)?.id ?? a)
  const ra = reports[a]
  const rb = reports[b]
  const select = (value: string, set: (v: string) => void) => (
    <select value={value} onChange={(e) => set(e.target.value)}>
      {variants.map((v) => (
        <option key={v.id} value={v.id}>
          {v.name}
        </option>
      ))}
    </select>
  )
  const checkIds = [...new Set([...(ra?.checks ?? []), ...(rb?.checks ?? [])].map((c) => c.id))]
  const byId = (r: Report | undefined) => new Map((r?.checks ?? []).map((c) => [c.id, c]))
  const ca = byId(ra)
  const cb = byId(rb)
  return (
    <div className="ed-modal-backdrop" onClick={() => close(null)}>
      <div className="ed-modal ed-compare" role="dialog" aria-label="Compare variants" data-testid="compare" onClick={(e) => e.stopPropagation()}>
        <div className="section-head">
          <h2>Compare variants</h2>
          <button type="button" className="icon-button" onClick={() => close(null)} aria-label="Close">
            ×
          </button>
        </div>
        <table className="ed-compare-table num">
          <thead>
            <tr>
              <th />
              <th>{select(a, setA)}</th>
              <th>{select(b, setB)}</th>
            </tr>
          </thead>
          <tbody>
            <tr className={ra?.verdict !== rb?.verdict ? 'ed-diff' : ''}>
              <td>Verdict</td>
              <td>{ra ? <Verdict r={ra} /> : '…'}</td>
              <td>{rb ? <Verdict r={rb} /> : '…'}</td>
            </tr>
            {TOTALS.map((t) => {
              const va = total(ra, t.key)
              const vb = total(rb, t.key)
              const fa = va === null ? '—' : formatNumber(va * (t.scale ?? 1), t.digits ?? 1)
              const fb = vb === null ? '—' : formatNumber(vb * (t.scale ?? 1), t.digits ?? 1)
              return (
                <tr key={t.key} className={fa !== fb ? 'ed-diff' : ''}>
                  <td>
                    {t.label} <span className="muted">{t.unit}</span>
                  </td>
                  <td>{fa}</td>
                  <td>{fb}</td>
                </tr>
              )
            })}
            <tr>
              <td colSpan={3}>
                <h3 className="ed-compare-sub">Checks</h3>
              </td>
            </tr>
            {checkIds.map((id) => {
              const x = ca.get(id)
              const y = cb.get(id)
              return (
                <tr key={id} className={x?.status !== y?.status ? 'ed-diff' : ''}>
                  <td className="ellipsis" title={(x ?? y)?.title}>
                    {(x ?? y)?.title} <span className="muted">{(x ?? y)?.subject}</span>
                  </td>
                  <td>
                    <CheckCell c={x} />
                  </td>
                  <td>
                    <CheckCell c={y} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function total(r: Report | undefined, key: string): number | null {
  const v = (r?.totals as unknown as Record<string, unknown> | undefined)?.[key]
  return typeof v === 'number' ? v : null
}

function Verdict({ r }: { r: Report }) {
  return (
    <span>
      <StatusDot status={r.verdict} /> {r.verdict.toUpperCase()}
    </span>
  )
}

function CheckCell({ c }: { c: Check | undefined }) {
  if (!c) return <span className="muted">—</span>
  return (
    <span>
      <StatusDot status={c.status} /> {checkRatioText(c)}
    </span>
  )
}
