// The presentation: the 3D view alone, full screen, with the tour caption (live figures from the
// current report), the key figures of the variant, labels on the key equipment, the variant
// transition, and the player (play/pause, step back/forward, scrubber, speed). Esc leaves.
import { useEffect, useMemo, useRef } from 'react'
import { fillCaption, describeBinding, moneyLine } from '../../report'
import { selectReport, selectVariant, useStore } from '../../store'
import { stepAt } from '../../viewport/tour/timeline'
import { currentTour, useTour } from '../../viewport/tour/tourStore'
import { equipmentLabelBus } from '../../viewport/tour/equipmentLabels'
import { declutter, labelSizes, placeLabel, type LabelAnchor } from '../../viewport/labels'
import { fmtPaybackWithReason, fmtPctOrDash, fmtUsd, formatMW, formatNumber } from '../format'
import type { Tour } from '../../model/sceneSchema'

/** Player icons as SVG: the ⏮ ⏸ ⏭ glyphs are missing from many system fonts. */
function Icon({ kind }: { kind: 'prev' | 'next' | 'play' | 'pause' }) {
  const d = {
    prev: 'M5 4h2v12H5zM17 4v12L8 10z',
    next: 'M13 4h2v12h-2zM3 4v12l9-6z',
    play: 'M6 3v14l11-7z',
    pause: 'M5 3h4v14H5zM11 3h4v14h-4z',
  }[kind]
  return (
    <svg width="16" height="16" viewBox="0 0 20 20" aria-hidden="true">
      <path d={d} fill="currentColor" />
    </svg>
  )
}

// A stable empty list: a zustand selector returning a new [] each call re-renders forever.
const NO_TOURS: Tour[] = []

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`

/** The leader under a label, below its anchor (present.css: .eq-label::after): a label takes its
 *  height and the leader's. */
const LEADER_PX = 7
/** Highest a label rises above its equipment before it is left out. */
const MAX_LIFT_PX = 90

function EquipmentLabels() {
  const layer = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let shown: readonly LabelAnchor[] = []
    const els: HTMLDivElement[] = []
    /** Each label's size, measured once it is in the page and shown (labelSizes). */
    let sizes: { width: number; height: number }[] = []
    return equipmentLabelBus.subscribe((anchors, positions) => {
      const root = layer.current
      if (!root) return
      if (anchors !== shown) {
        shown = anchors
        root.replaceChildren()
        els.length = 0
        sizes = []
        for (const a of anchors) {
          const el = document.createElement('div')
          el.className = 'eq-label'
          el.dataset.id = a.id
          const t = document.createElement('span')
          t.className = 'eq-label-title'
          t.textContent = a.title // textContent: scene text never becomes markup
          const d = document.createElement('span')
          d.className = 'eq-label-detail'
          d.textContent = a.detail
          el.append(t, d)
          // The labels that keep their place are drawn over the leaders of those lifted past them.
          el.style.zIndex = String(anchors.length - els.length)
          root.append(el)
          els.push(el)
        }
      }
      // Labels of equipment close together (gensets, UPS and unit transformers seen from afar)
      // would cover each other: the later ones rise above, on a longer leader, or are left out.
      sizes = labelSizes(els, sizes, LEADER_PX)
      const lifts = declutter(
        sizes.map((size, i) => ({ x: positions[2 * i] ?? Number.NaN, y: (positions[2 * i + 1] ?? Number.NaN) + LEADER_PX, ...size })),
        MAX_LIFT_PX,
      )
      els.forEach((el, i) => {
        const lift = lifts[i]!
        if (Number.isNaN(lift)) {
          el.style.visibility = 'hidden'
          return
        }
        el.style.setProperty('--lift', `${Math.round(lift)}px`)
        placeLabel(el, positions, i, `translate(-50%, -100%) translateY(${-Math.round(lift)}px)`)
      })
    })
  }, [])
  return <div ref={layer} className="eq-label-layer" aria-hidden="true" data-testid="equipment-labels" />
}

function KeyFigures() {
  const report = useStore(selectReport)
  const variant = useStore(selectVariant)
  if (!variant) return null
  return (
    <div className="present-figures" data-testid="present-figures">
      <div className="pf-variant">
        <span className="pf-name">{variant.name}</span>
        {report && (
          <span className={`pf-verdict pf-${report.verdict}`} data-testid="present-verdict">
            {report.verdict.toUpperCase()}
          </span>
        )}
      </div>
      {report ? (
        <>
          <div className="pf-grid">
            <div>
              <span className="pf-k">IT load</span>
              <span className="pf-v" data-testid="present-it" data-kw={report.totals.itKW}>
                {formatMW(report.totals.itKW)} MW
              </span>
            </div>
            {/* The facility as the plant runs on the design day, whose ratio to IT is the PUE beside
                it (the nameplate figure, 22.3 MW for GB200's 20.3 MW of IT, read as PUE 1.10). */}
            <div>
              <span className="pf-k">Facility, design day</span>
              <span className="pf-v" data-testid="present-facility" data-kw={report.totals.designDayFacilityKW}>
                {formatMW(report.totals.designDayFacilityKW)} MW
              </span>
            </div>
            <div>
              <span className="pf-k">PUE, design day</span>
              <span className="pf-v" data-testid="present-pue" data-value={report.totals.pue}>
                {formatNumber(report.totals.pue, 2)}
              </span>
            </div>
            <div>
              <span className="pf-k">Usable IT at {report.power.requiredTier}</span>
              <span className="pf-v">{formatMW(report.power.usableITKW)} MW</span>
            </div>
          </div>
          <Money />
          <div className="pf-binding">
            <span className="pf-k">Binding constraint</span> {describeBinding(report.binding)}
          </div>
        </>
      ) : (
        <div className="pf-k">Solving…</div>
      )}
    </div>
  )
}

/** Capex, NPV, IRR and payback of the variant on screen, from the solver's economics; where the
 *  verdict fails, "not buildable as drawn" and the figures greyed (what it would earn if it ran). */
function Money() {
  const e = useStore(selectReport)?.economics
  if (!e) return null
  const unbuildable = e.buildable === false
  return (
    <div className={`pf-money${unbuildable ? ' pf-unbuildable' : ''}`} data-testid="present-money">
      {unbuildable && (
        <div className="pf-not-buildable" data-testid="present-not-buildable">
          Not buildable as drawn{e.notBuildable ? `: ${e.notBuildable.title}` : ''}
        </div>
      )}
      <div className="pf-grid">
        <div>
          <span className="pf-k">Capex</span>
          <span className="pf-v" data-testid="present-capex">{fmtUsd(e.capexUsd)}</span>
        </div>
        <div>
          <span className="pf-k">NPV @ {formatNumber(e.discountRatePct, 0)} %{unbuildable ? ', if it ran' : ''}</span>
          <span className={`pf-v${e.npvUsd < 0 ? ' pf-neg' : ''}`} data-testid="present-npv">{fmtUsd(e.npvUsd)}</span>
        </div>
        <div>
          <span className="pf-k">IRR</span>
          <span className="pf-v" data-testid="present-irr">{fmtPctOrDash(e.irrPct)}</span>
        </div>
        <div>
          <span className="pf-k">Payback</span>
          <span className="pf-v" data-testid="present-payback">{fmtPaybackWithReason(e.paybackYears, e.horizonYears)}</span>
        </div>
      </div>
    </div>
  )
}

function Caption() {
  const step = useTour((s) => (s.timeline ? stepAt(s.timeline, s.timeS) : -1))
  const tourId = useTour((s) => s.tourId)
  const report = useStore(selectReport)
  const bookmarks = useStore((s) => s.scene?.bookmarks)
  const tour = useMemo(() => currentTour({ tourId }), [tourId])
  const s = tour?.steps[step]
  if (!tour || !s) return null
  const title = bookmarks?.find((b) => b.id === s.bookmarkId)?.name ?? ''
  const money = report ? moneyLine(report) : null
  return (
    <div className="present-caption" key={step} data-testid="tour-caption" data-step={step}>
      <div className="pc-step">
        {step + 1} / {tour.steps.length} · {title}
      </div>
      <div className="pc-text">{fillCaption(s.caption, report)}</div>
      {money && (
        <div className={`pc-money${money.buildable ? '' : ' pc-unbuildable'}`} data-testid="caption-money">
          {money.lead && <strong>{money.lead}</strong>}
          {money.lead && ' · '}
          {money.figures}
        </div>
      )}
    </div>
  )
}

function Transition() {
  const t = useTour((s) => s.transition)
  if (!t) return null
  return (
    <>
      <div className="present-flash" key={`f${t.at}`} />
      <div className="present-banner" key={`b${t.at}`} data-testid="variant-banner">
        Now showing <strong>{t.name}</strong>
      </div>
    </>
  )
}

function Player() {
  const { timeline, timeS, playing, speed, tourId } = useTour()
  const { play, pause, seek, stepBy, setSpeed, selectTour, leave } = useTour.getState()
  const tours = useStore((s) => s.scene?.tours ?? NO_TOURS)
  const total = timeline?.totalS ?? 0
  return (
    <div className="present-player" data-testid="tour-player" data-playing={playing ? 'true' : 'false'}>
      {tours.length > 1 && (
        <select value={tourId ?? ''} onChange={(e) => selectTour(e.target.value)} aria-label="Tour">
          {tours.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      )}
      {timeline ? (
        <>
          <button type="button" onClick={() => stepBy(-1)} data-testid="tour-prev" title="Previous step (←)" aria-label="Previous step">
            <Icon kind="prev" />
          </button>
          <button type="button" className="pp-play" onClick={playing ? pause : play} data-testid="tour-play" title="Play / pause (space)" aria-label={playing ? 'Pause' : 'Play'}>
            <Icon kind={playing ? 'pause' : 'play'} />
          </button>
          <button type="button" onClick={() => stepBy(1)} data-testid="tour-next" title="Next step (→)" aria-label="Next step">
            <Icon kind="next" />
          </button>
          <input
            type="range"
            className="pp-scrubber"
            min={0}
            max={total}
            step={0.05}
            value={timeS}
            onChange={(e) => seek(Number(e.target.value))}
            data-testid="tour-scrubber"
            aria-label="Tour position"
          />
          <span className="pp-time" data-testid="tour-time" data-time={timeS.toFixed(2)} data-total={total.toFixed(2)}>
            {clock(timeS)} / {clock(total)}
          </span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Speed" data-testid="tour-speed">
            {[...new Set([0.5, 1, 2, 4, 8, speed])].sort((a, b) => a - b).map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </>
      ) : (
        <span className="muted">This scene has no tour: orbit freely.</span>
      )}
      <button type="button" onClick={leave} data-testid="present-exit" title="Leave (Esc)">
        ✕ Exit
      </button>
    </div>
  )
}

export function PresentationOverlay() {
  const leave = useTour((s) => s.leave)
  const sceneName = useStore((s) => s.scene?.name ?? '')
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = useTour.getState()
      if (e.key === 'Escape') t.leave()
      else if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) (t.playing ? t.pause : t.play)()
      else if (e.key === 'ArrowRight') t.stepBy(1)
      else if (e.key === 'ArrowLeft') t.stepBy(-1)
      else return
      e.preventDefault()
    }
    // The browser's Esc leaves full screen without a keydown: leave the presentation with it.
    let wasFull = document.fullscreenElement !== null
    const onFull = () => {
      if (wasFull && document.fullscreenElement === null) leave()
      wasFull = document.fullscreenElement !== null
    }
    window.addEventListener('keydown', onKey)
    document.addEventListener('fullscreenchange', onFull)
    return () => {
      window.removeEventListener('keydown', onKey)
      document.removeEventListener('fullscreenchange', onFull)
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
    }
  }, [leave])
  return (
    <div className="present-overlay" data-testid="present-overlay">
      <EquipmentLabels />
      <Transition />
      <div className="present-title">
        <span className="pt-brand">Halltwin</span> {sceneName}
      </div>
      <KeyFigures />
      <Caption />
      <Player />
    </div>
  )
}
