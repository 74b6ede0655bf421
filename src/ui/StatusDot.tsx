import type { CheckStatus } from '../solver/report'

export function StatusDot({ status, title }: { status: CheckStatus | 'none'; title?: string }) {
  return <span className={`status-dot status-${status}`} title={title ?? status} aria-label={status} />
}
