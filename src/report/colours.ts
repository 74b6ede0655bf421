// Colours of the printed report. The same status colours as the app (viewport/palette.ts), written
// out here because the report room imports no viewport code; darker variants read on white paper.
import type { CheckStatus } from '../solver/report'

export const REPORT_STATUS: Record<CheckStatus, string> = { ok: '#2e8b57', warn: '#c98a12', fail: '#c8372f' }
export const REPORT_INK = { text: '#1c2430', muted: '#5d6877', line: '#d5dbe3', faint: '#eef1f5', rating: '#c9d1dc' }
export const REPORT_KIND = {
  asic: '#5f93c4',
  gpu: '#8a6cc6',
  fan: '#8d9aa8',
  pad: '#5fb3bf',
  liquid: '#4f82d1',
  power: '#c98f4e',
  hall: '#f3f5f8',
  wall: '#7d8a99',
}
