// A money figure: tabular digits, negative values in the fail colour with a minus sign, the exact
// figure in the title.
import { fmtUsd, fmtUsdExact } from '../../report/format'

export function Money({ usd, className }: { usd: number | null; className?: string }) {
  if (usd === null) return <span className={`num muted ${className ?? ''}`}>—</span>
  return (
    <span className={`num${usd < 0 ? ' neg' : ''}${className ? ` ${className}` : ''}`} title={fmtUsdExact(usd)}>
      {fmtUsd(usd)}
    </span>
  )
}
