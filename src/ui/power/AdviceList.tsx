// The smallest upgrades that fix the failing power checks; a click selects what to upgrade.
import type { Advice } from '../../solver/report'
import { useStore } from '../../store'
import { ShowMore } from './ShowMore'

export function AdviceList({ advice }: { advice: readonly Advice[] }) {
  const select = useStore((s) => s.select)
  if (advice.length === 0) return null
  return (
    <div className="power-block">
      <div className="power-block-title">Upgrade advice</div>
      <ul className="power-list" data-testid="power-advice">
        <ShowMore
          items={advice}
          first={3}
          render={(a) => (
            <li key={`${a.checkId}:${a.subjectId}`}>
              <button type="button" className="power-row" onClick={() => select(a.subjectId)} title={a.checkId}>
                <span className="advice-mark">↑</span>
                <span className="power-row-text">{a.text}</span>
              </button>
            </li>
          )}
        />
      </ul>
    </div>
  )
}
