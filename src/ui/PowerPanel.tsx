// The power chain at a glance: the redundancy the variant needs, the IT load the chain can carry
// at that tier against what is installed and what the grid connection allows, the redundancy
// groups, the N-1 cases that fail and the smallest upgrades that fix them.
import { selectPower, selectUsableCheck, useStore } from '../store'
import { formatMW, formatNumber } from './format'
import { AdviceList } from './power/AdviceList'
import { ContingencyList } from './power/ContingencyList'
import { GroupList } from './power/GroupList'
import { useNodeNames } from './power/useNodeNames'

export function PowerPanel() {
  const power = useStore(selectPower)
  const usableCheck = useStore(selectUsableCheck)
  const gridMVA = useStore((s) => s.scene?.site.grid.capacityMVA ?? null)
  const select = useStore((s) => s.select)
  const names = useNodeNames()
  if (!power) return null
  const share = power.installedITKW > 0 ? power.usableITKW / power.installedITKW : 1
  // The colour is the usable-IT check's status: fail above the chain's firm rating, warn above it
  // within the continuous-load margin — the same status the verdict counts.
  const status = usableCheck?.status ?? 'ok'
  const short = status !== 'ok'
  const limitedBy = power.usableLimitedBy
  return (
    <section className="panel-section power-panel" data-testid="power-panel">
      <div className="section-head">
        <h3>Power</h3>
        <span className="tag" title="Redundancy the power path to the IT must meet">
          required {power.requiredTier}
        </span>
      </div>
      <dl className="power-figures">
        <div className="figure">
          <dt>Usable IT</dt>
          <dd>
            <span className={`figure-value num${status === 'ok' ? '' : ` text-${status}`}`} data-testid="usable-it" data-status={status} title={usableCheck?.note}>
              {formatMW(power.usableITKW)}
            </span>
            <span className="figure-unit">MW</span>
          </dd>
        </div>
        <div className="figure">
          <dt>Installed IT</dt>
          <dd>
            <span className="figure-value num">{formatMW(power.installedITKW)}</span>
            <span className="figure-unit">MW</span>
          </dd>
        </div>
        <div className="figure">
          <dt>Grid nameplate</dt>
          <dd>
            <span className="figure-value num">{gridMVA === null ? '—' : formatNumber(gridMVA, 0)}</span>
            <span className="figure-unit">MVA</span>
          </dd>
        </div>
      </dl>
      <div className="usable-bar" title={`${formatNumber(share * 100, 0)} % of the installed IT load can run at ${power.requiredTier}`}>
        <span className={`usable-fill ${status}`} style={{ width: `${Math.min(100, share * 100)}%` }} />
      </div>
      {limitedBy && (
        <p className="muted small power-limit">
          {short ? 'Limited by ' : 'Tightest: '}
          <button type="button" className="link-button" onClick={() => select(limitedBy)}>
            {names.get(limitedBy) ?? limitedBy}
          </button>
        </p>
      )}
      <GroupList groups={power.groups} />
      <ContingencyList groups={power.groups} names={names} />
      <AdviceList advice={power.advice} />
    </section>
  )
}
