// "What is the largest AI density this site can carry?": pick a GPU device and a tier, the worker
// grows the racks of that device on the base variant's site until a check fails, and the card
// shows the maximum, what stops the next step, the floor limit and the upgrades with their cost.
import { useMemo } from 'react'
import { builtInCatalog } from '../../model/catalog'
import { selectCapacityTier, useStore, type CapacityTier } from '../../store'
import { formatMW, formatNumber, formatValue } from '../format'
import { SegmentedControl, type SegmentOption } from '../SegmentedControl'
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
  const upgrades = useMemo(() => [...(result?.upgrades ?? [])].sort((a, b) => (a.costUsd ?? Infinity) - (b.costUsd ?? Infinity)), [result])

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
          <dl className="capacity-figures">
            <div className="figure">
              <dt>Max racks</dt>
              <dd>
                <span className={`figure-value num${result.maxRacks === 0 ? ' text-fail' : ''}`} data-testid="capacity-racks">{formatNumber(result.maxRacks, 0)}</span>
              </dd>
            </div>
            <div className="figure">
              <dt>Devices</dt>
              <dd>
                <span className="figure-value num">{formatNumber(result.maxDevices, 0)}</span>
                {result.devicesPerRack > 1 && <span className="figure-unit">{result.devicesPerRack} per rack</span>}
              </dd>
            </div>
            <div className="figure">
              <dt>IT load</dt>
              <dd>
                <span className="figure-value num">{formatMW(result.maxItKW)}</span>
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
          <div className="capacity-binding" data-testid="capacity-binding">
            <div className="power-block-title">What stops the next step</div>
            {result.binding ? (
              <p>
                <span className="status-dot status-fail" /> {result.binding.title} <span className="muted">· {result.binding.subject}</span>
                <span className="num capacity-binding-figures">
                  {result.binding.value === null ? '—' : formatValue(result.binding.value, result.binding.unit)} / {result.binding.limit === null ? '—' : formatValue(result.binding.limit, result.binding.unit)} {result.binding.unit}
                </span>
              </p>
            ) : (
              <p className="muted">Nothing: the floor is full before any check fails.</p>
            )}
          </div>
          {upgrades.length > 0 && (
            <div>
              <div className="power-block-title">Upgrades to go further, cheapest first</div>
              <table className="capacity-upgrades" data-testid="capacity-upgrades">
                <tbody>
                  {upgrades.map((u) => (
                    <tr key={u.text}>
                      <td>{u.text}</td>
                      <td className="num">{u.costUsd === null ? <span className="muted">not priced</span> : <Money usd={u.costUsd} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <CapacityStepsChart result={result} />
        </div>
      )}
    </section>
  )
}
