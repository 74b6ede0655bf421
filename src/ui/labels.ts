// Words the panels use for statuses and domains.
import type { CheckDomain, CheckStatus } from '../solver/report'
import { DOMAIN_ORDER_TEXT } from '../report/format'

export const STATUS_TEXT: Record<CheckStatus, string> = { ok: 'OK', warn: 'WARN', fail: 'FAIL' }

export const DOMAIN_LABELS: Record<CheckDomain, string> = {
  grid: 'Grid',
  power: 'Power',
  redundancy: 'Redundancy',
  cooling: 'Cooling',
  density: 'Density',
  inlet: 'Inlet air',
  liquid: 'Liquid',
  network: 'Network',
  layout: 'Layout',
}

/** One order for the docs, the report and the panels (report/format.ts). */
export const DOMAIN_ORDER: readonly CheckDomain[] = DOMAIN_ORDER_TEXT

export const STATUS_RANK: Record<CheckStatus, number> = { fail: 0, warn: 1, ok: 2 }
