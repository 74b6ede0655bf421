// The solver's public face: pure functions from scene + catalog to report.
export { solveVariant, SOLVER_VERSION } from './solve'
export { compareChecks, sortChecks, groupChecks, worstStatus } from './check'
export type { CheckGroup } from './check'
export { CHECK_METAS } from './checks'
export type { Report, Check, CheckStatus, CheckDomain, CheckKind, CheckMeta, NodeResult, RowResult, HallResult, Totals, PowerSummary, GroupResult, ContingencyResult, Advice } from './report'
export { findCapacity } from './capacity/findCapacity'
export type { EconomicsResult, CapacityResult, CapacityAnswer, CapacityStage, CapacityBinding, CapacityUnlock, CashFlowYear, TornadoBar, CapexLine, CapacityStep, PricedUpgrade, CostToPass } from './economics/types'
