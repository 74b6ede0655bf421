// The overall verdict of the current variant: OK / WARN / FAIL with a one-line label.
import type { Report } from '../solver/report'
import { selectReport, selectSolveError, selectSolving, useStore } from '../store'
import { STATUS_TEXT } from './labels'

function verdictLabel(report: Report): string {
  const fails = report.checks.filter((c) => c.status === 'fail').length
  const warns = report.checks.filter((c) => c.status === 'warn').length
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  if (report.verdict === 'fail') return `${plural(fails, 'check')} fail${fails === 1 ? 's' : ''}`
  if (report.verdict === 'warn') return `passes with ${plural(warns, 'warning')}`
  return `all ${report.checks.length} checks pass`
}

export function VerdictBadge() {
  const report = useStore(selectReport)
  const solving = useStore(selectSolving)
  const error = useStore(selectSolveError)
  if (error) {
    return (
      <div className="verdict verdict-error" data-testid="verdict" data-status="error">
        <span className="verdict-word">ERROR</span> <span className="verdict-label">solver: {error}</span>
      </div>
    )
  }
  if (!report) {
    return (
      <div className="verdict verdict-pending" data-testid="verdict" data-status="pending">
        <span className="verdict-word">…</span> <span className="verdict-label">{solving ? 'solving' : 'no report yet'}</span>
      </div>
    )
  }
  return (
    <div className={`verdict verdict-${report.verdict}`} data-testid="verdict" data-status={report.verdict} data-variant={report.variant}>
      <span className="verdict-word">{STATUS_TEXT[report.verdict]}</span> <span className="verdict-label">{verdictLabel(report)}</span>
    </div>
  )
}
