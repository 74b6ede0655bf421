// Model vs measured in the app: import a meter CSV (docs/calibration.md), compare it with the
// model hour by hour against ASHRAE Guideline 14, fit the uncertain parameters, and add the
// calibrated variant to the scene (one undoable command). The figures are the solver's
// (solver/calibration); this only shows them. The CSV's text goes to the solver worker, which
// reads it at the site weather's time zone (the EPW's: the page never parses the weather), compares
// and fits: a few seconds for a hall, longer for a campus, the page responsive throughout.
import { useState } from 'react'
import type { CalibrationResult, SeriesComparison } from '../../solver/calibration/calibrate'
import type { FitMetrics } from '../../solver/calibration/metrics'
import { selectVariant, solverPort, useStore } from '../../store'
import './calibration.css'

type State = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'error'; lines: string[] } | { kind: 'done'; result: CalibrationResult; csv: string; file: string }

/** One decimal, never "-0.0". */
const fixed1 = (v: number) => (Math.abs(v) < 0.05 ? 0 : v).toFixed(1)

function Metric({ m }: { m: FitMetrics | null }) {
  if (!m) return <span className="muted">n/a</span>
  return (
    <span className={m.pass ? 'cal-pass' : 'cal-fail'} title={`n = ${m.n}`}>
      {fixed1(m.nmbePct)} % / {fixed1(m.cvrmsePct)} % {m.pass ? '✓' : '✗'}
    </span>
  )
}

/** Daily means: measured (solid), model before (dashed), model after the fit. */
function Chart({ s }: { s: SeriesComparison }) {
  const W = 320
  const H = 90
  const pts = s.daily
  if (pts.length < 2) return null
  const values = pts.flatMap((p) => [p.measured, p.before, ...(p.after === null ? [] : [p.after])])
  const lo = Math.min(...values)
  const hi = Math.max(...values) + 1e-9
  const x = (i: number) => (i / (pts.length - 1)) * W
  const y = (v: number) => H - 4 - ((v - lo) / (hi - lo)) * (H - 8)
  const line = (get: (i: number) => number | null) =>
    pts
      .map((_, i) => get(i))
      .map((v, i) => (v === null ? '' : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter(Boolean)
      .join(' ')
  return (
    <svg className="cal-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${s.name}: daily means, measured and model`}>
      <polyline className="cal-before" points={line((i) => pts[i]!.before)} />
      {pts[0]!.after !== null && <polyline className="cal-after" points={line((i) => pts[i]!.after)} />}
      <polyline className="cal-measured" points={line((i) => pts[i]!.measured)} />
    </svg>
  )
}

export function MeasuredPanel() {
  const scene = useStore((s) => s.scene)
  const variant = useStore(selectVariant)
  const applyCommand = useStore((s) => s.applyCommand)
  const [state, setState] = useState<State>({ kind: 'idle' })
  if (!scene || !variant) return null

  const run = (csv: string, file: string, fit: boolean) => {
    // The comparison and the fit are physics: they run in the solver worker, never on this thread.
    const port = solverPort()
    if (!port?.calibrate) {
      setState({ kind: 'error', lines: ['The solver worker is not running: the comparison cannot run.'] })
      return
    }
    setState({ kind: 'busy', what: fit ? 'Fitting the parameters…' : 'Comparing with the model…' })
    port.calibrate(scene, variant.id, csv, file, { fit, dataLabel: file }).then(
      (answer) => setState(answer.ok ? { kind: 'done', result: answer.result, csv, file } : { kind: 'error', lines: answer.errors }),
      (e: unknown) => setState({ kind: 'error', lines: [e instanceof Error ? e.message : String(e)] }),
    )
  }

  const onFile = async (file: File) => run(await file.text(), file.name, false)

  const addVariant = (result: CalibrationResult) => {
    const v = result.calibratedVariant
    if (!v) return
    applyCommand({
      type: 'AddCalibratedVariant',
      label: `Add ${v.name}`,
      variantId: v.id,
      execute: (s) => ({ ...s, variants: [...s.variants.filter((x) => x.id !== v.id), v] }),
      undo: (s) => ({ ...s, variants: s.variants.filter((x) => x.id !== v.id) }),
    })
  }

  return (
    <section className="panel-section measured-panel" data-testid="measured-panel">
      <div className="section-head">
        <h3>Model vs measured</h3>
        <label className="button small">
          Import CSV…
          <input type="file" accept=".csv,text/csv" hidden data-testid="measured-file" onChange={(e) => e.target.files?.[0] && void onFile(e.target.files[0])} />
        </label>
      </div>
      {state.kind === 'idle' && <p className="muted small">Meter data (kW, kVA, inlet °C, water by scene id) against the model, ASHRAE Guideline 14; see docs/calibration.md.</p>}
      {state.kind === 'busy' && <p className="muted small">{state.what}</p>}
      {state.kind === 'error' && (
        <ul className="cal-errors small" data-testid="measured-errors">
          {state.lines.slice(0, 8).map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      {state.kind === 'done' && (
        <div data-testid="measured-result">
          <p className="muted small">
            {state.file}: {state.result.period.from} … {state.result.period.to}, every {state.result.period.intervalMin} min · {state.result.weather.note}
          </p>
          <p className="small cal-legend">
            NMBE / CV(RMSE), hourly ≤ 10 / 30 %, monthly ≤ 5 / 15 % · <span className="cal-key-measured">measured</span> <span className="cal-key-before">model</span>
            {state.result.fit && <span className="cal-key-after"> fitted</span>}
          </p>
          {state.result.series.map((s) => (
            <div key={s.name} className="cal-series">
              <div className="cal-series-head small">
                <b>{s.name}</b> <span className="muted">{s.hoursCompared} h, {s.missingHours} h missing</span>
              </div>
              <Chart s={s} />
              <div className="small num">
                hourly <Metric m={s.before.hourly} />
                {s.after && (
                  <>
                    {' → '}
                    <Metric m={s.after.hourly} />
                  </>
                )}
                {' · '}monthly <Metric m={s.before.monthly} />
                {s.after && (
                  <>
                    {' → '}
                    <Metric m={s.after.monthly} />
                  </>
                )}
              </div>
            </div>
          ))}
          {state.result.fit ? (
            <>
              <table className="cal-fit small num" data-testid="measured-fit">
                <tbody>
                  {state.result.fit.params.map((p) => (
                    <tr key={p.key} title={`${p.label}. Prior: ${p.priorSource}. From ${p.informedBy.join(', ')}.`}>
                      <td>{p.key}</td>
                      <td>
                        {p.value.toPrecision(4)} ± {p.sigma.toPrecision(2)} {p.unit}
                      </td>
                      <td className="muted">
                        prior {Number(p.prior.toPrecision(4))} ± {Number(p.priorSigma.toPrecision(2))}
                        {p.atBound ? ' · at its bound' : ''}
                        {p.determined ? '' : ' · prior-dominated'}
                      </td>
                    </tr>
                  ))}
                  {state.result.fit.notFitted.map((n) => (
                    <tr key={n.key} className="muted" title={n.why}>
                      <td>{n.key}</td>
                      <td colSpan={2}>not fitted</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button className="button small" onClick={() => addVariant(state.result)} disabled={!state.result.calibratedVariant}>
                Add “{state.result.calibratedVariant?.name}”
              </button>
            </>
          ) : (
            <button className="button small" data-testid="measured-fit-button" onClick={() => run(state.csv, state.file, true)}>
              Fit parameters
            </button>
          )}
        </div>
      )}
    </section>
  )
}
