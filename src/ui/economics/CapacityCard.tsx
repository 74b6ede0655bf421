// "What is the largest AI density this site can carry?": pick a GPU device and a tier, the worker
// grows the racks of that device on the base variant's site, stepping past cheap fixes, and the
// card shows the racks added beside the site's total IT, each cheap fix on the way, what stops the
// next rack and what it needs, the way further stage by stage, and the floor limit.
import { useMemo } from 'react'
import { builtInCatalog } from '../../model/catalog'
import { selectCapacityTier, useStore, type CapacityTier } from '../../store'
import { capacityFiguresText } from '../../report/format'
import { formatMW, formatNumber } from '../format'
import { SegmentedControl, type SegmentOption } from '../SegmentedControl'
import type { CapacityBinding, PricedUpgrade } from '../../solver/economics/types'
import { CapacityStepsChart } from './CapacityStepsChart'
import { Money } from './Money'

const TIERS: SegmentOption<CapacityTier>[] = [
  { id: 'N', label: 'N', title: 'No redundancy required' },
  { id: 'N+1', label: 'N+1', title: 'Every critical group survives the loss of one member' },
  { id: '2N', label: '2N', title: 'Two independent sides, dual-corded racks' },
]

export function CapacityCard() {
  const baseName = useStore((s) => s.scene?.variants[0]?.name ?? '—')
  const deviceId = useStore((s) => s.capacityDeviceId)
  const tier = useStore(selectCapacityTier)
  const setDevice = useStore((s) => s.setCapacityDevice)
  const setTier = useStore((s) => s.setCapacityTier)
  const run = useStore((s) => s.runCapacity)
  const pending = useStore((s) => s.capacityPending)
  const error = useStore((s) => s.capacityError)
  const result = useStore((s) => s.capacityResult)
  const resultFor = useStore((s) => s.capacityResultFor)
  const revision = useStore((s) => s.sceneRevision)
  const devices = useMemo(() => [...builtInCatalog().devices.values()].filter((d) => d.kind === 'gpu'), [])
  const stale = resultFor !== null && (resultFor.deviceId !== deviceId || resultFor.tier !== tier || resultFor.sceneRevision !== revision)

  return (
    <section className="econ-card capacity" data-testid="capacity">
      <div className="econ-card-head">
        <h3>Largest AI density</h3>
        <span className="muted small">that the {baseName} site carries</span>
      </div>
      <div className="capacity-form">
        <label className="capacity-field">
          <span className="muted small">Device</span>
          <select value={deviceId} onChange={(e) => setDevice(e.target.value)} data-testid="capacity-device">
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <div className="capacity-field">
          <span className="muted small">Tier</span>
          <SegmentedControl options={TIERS} value={tier} onChange={setTier} label="Required tier" testIdPrefix="capacity-tier" />
        </div>
        <button type="button" className="button primary" onClick={run} disabled={pending} data-testid="capacity-run">
          {pending ? 'Searching…' : 'Find capacity'}
        </button>
      </div>
      {pending && (
        <div className="capacity-progress" data-testid="capacity-pending" role="status">
          <span className="progress-bar" />
          <span className="muted small">Solving the site at growing rack counts…</span>
        </div>
      )}
      {error && !pending && <p className="text-fail small" data-testid="capacity-error">Capacity search failed: {error}</p>}
      {result && (
        <div className={`capacity-result${stale || pending ? ' stale' : ''}`} data-testid="capacity-result">
          {stale && !pending && <p className="muted small">Shown: {result.deviceName} at {result.requiredTier}. Run again for the current choice.</p>}
          <p className="capacity-headline" data-testid="capacity-headline">
            {result.maxRacks > 0 ? (
              <>
                <strong>{formatNumber(result.maxRacks, 0)} racks</strong> of {result.deviceName} added ({formatNumber(result.maxDevices, 0)} devices, {formatMW(result.maxItKW)} MW of GPU IT) — site total IT {formatMW(result.siteItKW)} MW
              </>
            ) : (
              <>
                <strong className="text-fail">No rack</strong> of {result.deviceName} fits as the site stands — site total IT {formatMW(result.siteItKW)} MW
              </>
            )}
          </p>
          <dl className="capacity-figures">
            <div className="figure">
              <dt>Racks added</dt>
              <dd>
                <span className={`figure-value num${result.maxRacks === 0 ? ' text-fail' : ''}`} data-testid="capacity-racks">{formatNumber(result.maxRacks, 0)}</span>
                <span className="figure-unit">{result.devicesPerRack} per rack</span>
              </dd>
            </div>
            <div className="figure">
              <dt>GPU IT</dt>
              <dd>
                <span className="figure-value num">{formatMW(result.maxItKW)}</span>
                <span className="figure-unit">MW</span>
              </dd>
            </div>
            <div className="figure">
              <dt>Site total IT</dt>
              <dd>
                <span className="figure-value num">{formatMW(result.siteItKW)}</span>
                <span className="figure-unit">MW</span>
              </dd>
            </div>
            <div className="figure">
              <dt>Floor holds</dt>
              <dd>
                <span className="figure-value num">{formatNumber(result.floorLimitRacks, 0)}</span>
                <span className="figure-unit">racks</span>
              </dd>
            </div>
          </dl>
          {result.unlocks.length > 0 && (
            <div data-testid="capacity-unlocks">
              <div className="power-block-title">Cheap fixes on the way (each under {result.cheapFixSharePct} % of the racks it lets in)</div>
              <UpgradeTable rows={result.unlocks.map((u) => ({ key: `${u.atRacks}-${u.upgrade.kind}`, lead: `at ${formatNumber(u.atRacks, 0)} racks: ${u.check.title}`, upgrade: u.upgrade }))} />
            </div>
          )}
          <div className="capacity-binding" data-testid="capacity-binding">
            <div className="power-block-title">{result.maxRacks > 0 ? 'What stops the next rack' : 'What stops the first rack'}</div>
            {result.binding ? <Binding binding={result.binding} /> : <p className="muted">Nothing: the floor is full before any check fails.</p>}
          </div>
          {result.upgrades.length > 0 && (
            <div>
              <div className="power-block-title">{result.maxRacks > 0 ? 'What the next rack needs' : 'What the first rack needs'}</div>
              <UpgradeTable rows={result.upgrades.map((u) => ({ key: u.kind, lead: u.title, upgrade: u }))} testId="capacity-upgrades" />
            </div>
          )}
          {result.path.length > 0 && (
            <div data-testid="capacity-path">
              <div className="power-block-title">The way further</div>
              <ol className="capacity-path">
                {result.path.map((stage, i) => (
                  <li key={i}>
                    Pay <Money usd={stage.costUsd} /> ({stage.upgrades.filter((u) => !u.includedIn).map((u) => u.title).join(', ')}) → <strong>{formatNumber(stage.racks, 0)} racks</strong>, {formatMW(stage.itKW)} MW of GPU IT
                    {stage.unlocks.length > 0 && <span className="muted"> (with {stage.unlocks.map((u) => u.check.title).join(', ')})</span>}
                    {stage.binding && <div className="muted small">then: {stage.binding.title} · {stage.binding.subject}{stage.binding.why === 'site limit' ? ' (site limit)' : ''}</div>}
                  </li>
                ))}
              </ol>
            </div>
          )}
          <CapacityStepsChart result={result} />
          <p className="muted small">
            Searched on the design day
            {result.maxRacks > 0 ? (result.yearFailures.length > 0 ? `; with the typical year the answer also fails: ${result.yearFailures.join('; ')}` : '; the answer passes the typical year too') : ''}.
          </p>
        </div>
      )}
    </section>
  )
}

const WHY = { 'site limit': 'a site limit: a grid application, not a purchase', 'not priced': 'its fix has no price in models/economics.json', 'not cheap': 'its fix is not cheap against the racks it lets in' } as const

/** What stops the next rack, with the figures `halltwin capacity` writes (capacityFiguresText). */
export function Binding({ binding: b }: { binding: CapacityBinding }) {
  return (
    <p>
      <span className="status-dot status-fail" /> {b.title} <span className="muted">· {b.subject}</span>
      <span className="num capacity-binding-figures">{capacityFiguresText(b)}</span>
      {b.why && <span className="muted small capacity-why">{WHY[b.why]}</span>}
    </p>
  )
}

/** Priced fixes: what, and its cost (the arithmetic and sources in the title). */
function UpgradeTable({ rows, testId }: { rows: { key: string; lead: string; upgrade: PricedUpgrade }[]; testId?: string }) {
  return (
    <table className="capacity-upgrades" data-testid={testId}>
      <tbody>
        {rows.map(({ key, lead, upgrade: u }) => (
          <tr key={key} title={`${u.basis}${u.sources.length > 0 ? ` — ${u.sources.map((x) => x.title).join('; ')}` : ''}`}>
            <td>
              {lead}
              <div className="muted small">{u.text}</div>
            </td>
            <td className="num">{u.costUsd === null ? <span className="muted">not priced</span> : u.includedIn ? <span className="muted">included</span> : <Money usd={u.costUsd} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
