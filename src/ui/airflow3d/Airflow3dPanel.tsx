// The 3-D airflow panel: the run's progress and Cancel, the °C scale (the heat map's), the
// cold-aisle / hot-aisle figures and the metrics of the view on screen, where the vertical slice
// cuts (a slider along the hall), the time each grid took, and which model the checks use. Every
// figure is the worker's (solver/thermal3d/view.ts); nothing is computed here. While the 3D view
// is on screen it starts a run for each scene revision and variant (useAirflow3dRuns).
import type { Airflow3dGridKind } from '../../solver/thermal3d/hallAirflow'
import { builtInCatalog } from '../../model/catalog'
import { rowRackBoxes } from '../../model/layout'
import { selectReport, selectVariant, useStore } from '../../store'
import { useAirflow3d, useAirflow3dRuns } from '../../viewport/airflow3d/airflow3dStore'
import { INLET_SLICE_HEIGHT_M, airflowScale, inletLayer, rowSliceAt, sliceAxisOf } from '../../viewport/airflow3d/slices'
import { sliceCells, sliceRange, snapToCell } from '../../viewport/airflow3d/sliceDrag'
import { PARTICLE_TIME_SCALE } from '../../viewport/airflow3d/particles'
import { formatNumber } from '../format'
import { thermalCss } from '../../viewport/thermalScale'
import { THERMAL_SCALE } from '../../viewport/palette'
import { ThermalScaleBar } from '../ThermalScaleBar'
import '../thermal.css'
import './airflow3d.css'

const GRID_NAME: Record<Airflow3dGridKind, string> = { preview: 'Preview grid', default: 'Default grid' }
const seconds = (ms: number): string => `${formatNumber(ms / 1000, ms < 10_000 ? 1 : 0)} s`

export function Airflow3dPanel() {
  const on = useAirflow3d((s) => s.on)
  const status = useAirflow3d((s) => s.status)
  const progress = useAirflow3d((s) => s.progress)
  const view = useAirflow3d((s) => s.view)
  const timings = useAirflow3d((s) => s.timings)
  const error = useAirflow3d((s) => s.error)
  const slice = useAirflow3d((s) => s.slice)
  const setSlice = useAirflow3d((s) => s.setSlice)
  const dragging = useAirflow3d((s) => s.sliceDragging)
  const playing = useAirflow3d((s) => s.particlesPlaying)
  const setPlaying = useAirflow3d((s) => s.setParticlesPlaying)
  const cancel = useAirflow3d((s) => s.cancel)
  const start = useAirflow3d((s) => s.start)
  const variant = useStore(selectVariant)
  const variantId = useStore((s) => s.variantId)
  const inletModel = useStore((s) => selectReport(s)?.inletModel ?? null)
  const selectedId = useStore((s) => s.selectedId)
  useAirflow3dRuns()
  if (!on || !variant) return null
  const shown = view && view.variantId === variantId ? view : null
  const hall = shown?.halls[0] ?? null
  const range = airflowScale(shown?.halls ?? [])
  const stretched = range.minC !== THERMAL_SCALE.minC || range.maxC !== THERMAL_SCALE.maxC
  const axis = sliceAxisOf(variant.halls.flatMap((h) => h.rows))
  // The slice stands on a cell column of the field shown: the slider steps a column at a time, and
  // the drag of the handle in the view snaps the same way (one `slice` in the store for both).
  const cells = hall ? sliceCells(hall, axis) : null
  const extent = cells ? { from: cells.from, to: cells.from + cells.count * cells.cellM, ...sliceRange(cells) } : null
  const at = cells && extent ? snapToCell(slice ?? (extent.from + extent.to) / 2, cells) : null
  // The selected row: the vertical slice can be put across it.
  const picked = variant.halls.flatMap((h) => h.rows.map((row) => ({ hall: h, row }))).find((x) => x.row.id === selectedId)
  const rowAt = picked ? rowSliceAt(rowRackBoxes(picked.hall, picked.row, builtInCatalog()), axis) : null
  const rowInView = extent && rowAt !== null && rowAt >= extent.from && rowAt <= extent.to ? rowAt : null
  const rerun = (): void => {
    const s = useStore.getState()
    if (s.scene && s.variantId !== null) start(s.scene, s.variantId, `${s.sceneRevision}:${s.variantId}`)
  }
  return (
    <div className="airflow3d-panel" data-testid="airflow3d-panel" data-status={status} data-grid={shown?.grid ?? ''}>
      <div className="legend-title">3-D airflow, design day (FFD model)</div>
      {status === 'running' && (
        <div className="airflow3d-progress">
          <progress max={1} value={progress?.fraction ?? 0} data-testid="airflow3d-progress" data-grid={progress?.grid ?? ''} data-fraction={progress?.fraction ?? 0} />
          <div className="airflow3d-progress-row">
            <span className="muted num">
              {progress ? `${GRID_NAME[progress.grid]}: step ${progress.step}/${progress.maxSteps}${progress.halls > 1 ? ` · hall ${progress.hallIndex + 1}/${progress.halls}` : ''}` : 'Starting the solver…'}
            </span>
            <button type="button" className="small" data-testid="airflow3d-cancel" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {(status === 'cancelled' || status === 'error') && (
        <div className="airflow3d-progress-row">
          <span className="thermal-badge" data-testid="airflow3d-status">
            {status === 'cancelled' ? 'Cancelled.' : `Failed: ${error ?? ''}`}
          </span>
          <button type="button" className="small" data-testid="airflow3d-run" onClick={rerun}>
            Run
          </button>
        </div>
      )}
      <ThermalScaleBar range={range} />
      {stretched && (
        <div className="muted small" data-testid="airflow3d-scale-note">
          Scale stretched to {formatNumber(range.minC, 0)}–{formatNumber(range.maxC, 0)} °C (the heat map's is {THERMAL_SCALE.minC}–{THERMAL_SCALE.maxC} °C) to reach this hall's hot aisle.
        </div>
      )}
      {shown && hall && (
        <>
          <div className="airflow3d-aisles" data-testid="airflow3d-aisles" data-cold={hall.aisles.coldAisleC} data-hot={hall.aisles.hotAisleC}>
            <div className="airflow3d-aisle" style={{ borderColor: thermalCss(hall.aisles.coldAisleC, range) }}>
              <span className="muted">Cold aisle (rack inlets)</span>
              <strong className="num">{formatNumber(hall.aisles.coldAisleC, 1)} °C</strong>
            </div>
            <div className="airflow3d-aisle" style={{ borderColor: thermalCss(hall.aisles.hotAisleC, range) }}>
              <span className="muted">Hot aisle (exhausts)</span>
              <strong className="num">{formatNumber(hall.aisles.hotAisleC, 1)} °C</strong>
            </div>
            <div className="airflow3d-aisle">
              <span className="muted">Difference</span>
              <strong className="num">{formatNumber(hall.aisles.differenceK, 1)} K</strong>
            </div>
          </div>
          <div className="muted num small">
            Hottest inlet {formatNumber(hall.aisles.maxInletC, 1)} °C · {hall.aisles.racksOverRecommended} of {hall.aisles.racks} racks over {hall.metrics.bands.maxRecC} °C · RCI<sub>HI</sub>{' '}
            {formatNumber(hall.metrics.rciHiPct, 0)} % · RTI {formatNumber(hall.metrics.rtiPct, 0)} % · SHI {formatNumber(hall.metrics.shi, 2)}
          </div>
          <div className="airflow3d-progress-row small">
            <span className="muted">
              Particles: the air from the openings and into the racks, {PARTICLE_TIME_SCALE}× its speed
            </span>
            <button type="button" className="small" data-testid="airflow3d-particles" aria-pressed={playing} onClick={() => setPlaying(!playing)}>
              {playing ? 'Pause' : 'Play'}
            </button>
          </div>
          <div className="muted small">
            Floor slice at inlet height {formatNumber(INLET_SLICE_HEIGHT_M, 1)} m (cells {formatNumber(inletLayer(hall) * hall.cellZM, 1)}–{formatNumber((inletLayer(hall) + 1) * hall.cellZM, 1)} m); lines: air from the openings, and back from each rack intake to where its air came from.
          </div>
          {extent && at !== null && (
            <label className="airflow3d-slider small">
              <span className="muted num" data-testid="airflow3d-slice-at" data-at={at}>
                Vertical slice at {axis} = {formatNumber(at, 1)} m{dragging ? ' (dragging)' : ''} — drag the arrow on its top edge, or:
              </span>
              <input type="range" data-testid="airflow3d-slice" min={extent.min} max={extent.max} step={extent.step} value={at} onChange={(e) => setSlice(Number(e.target.value))} />
            </label>
          )}
          {picked && rowInView !== null && (
            <button type="button" className="small" data-testid="airflow3d-slice-row" onClick={() => setSlice(rowInView)}>
              Slice across {picked.row.name ?? picked.row.id}
            </button>
          )}
          <div className="muted num small" data-testid="airflow3d-timings">
            {GRID_NAME[shown.grid]} {hall.nx} × {hall.ny} × {hall.nz}, {hall.steps} steps ({seconds(shown.solveMs)} in the solver)
            {timings.preview !== undefined && <> · preview {seconds(timings.preview)}</>}
            {timings.default !== undefined && <> · default {seconds(timings.default)}</>}
            {shown.grid === 'preview' && status === 'running' && <> · default grid on its way</>}
          </div>
          {hall.notes.length > 0 && (
            <details className="muted small">
              <summary>Model notes ({hall.notes.length})</summary>
              {hall.notes.join('; ')}
            </details>
          )}
        </>
      )}
      <div className="airflow3d-model-note small" data-testid="airflow3d-model-note">
        Indicative. The inlet checks and the verdict use the {inletModel?.name ?? '2-D plan field'}, not this model (docs/airflow3d.md).
      </div>
    </div>
  )
}
