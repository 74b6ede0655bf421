// The report room: pure builders of the printable report and the tour captions (no DOM), shared by
// the app's print view and `halltwin report`.
export { buildReportHtml, type ReportInput } from './reportHtml'
export { fillCaption, captionFigures, describeBinding, moneyLine, CAPTION_FIELDS } from './caption'
export { escapeHtml, safeImageDataUrl } from './escape'
export { powerBudget, type BudgetLevel } from './powerBudget'
export { judgedLoads, judgedLoadKVA, nodeLoadKVA, type NodeLoads } from './nodeLoad'
export { planSvg } from './plan'
