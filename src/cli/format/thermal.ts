// `halltwin thermal` as aligned text: per hall the grid, the energy balance, the hot spots and a
// table of every rack's inlet and outlet air.
import type { HallThermalRecord, ThermalRecord } from '../thermalCommand'
import { formatValue } from './numbers'
import { INLET_MODEL_2D } from '../../solver/report'

const c1 = (v: number): string => v.toFixed(1)

function hallLines(h: HallThermalRecord, solveMs: number): string[] {
  const g = h.grid
  const e = h.energy
  const lines = [
    `Hall ${h.hallId}: ${g.kind} grid ${g.nx} × ${g.ny} cells of ${g.cellXM.toFixed(2)} × ${g.cellYM.toFixed(2)} m, solved in ${solveMs.toFixed(1)} ms ` +
      `(${h.iterations.flow} CG iterations, ${h.iterations.temperature} sweeps${h.converged ? '' : ', NOT converged'})`,
    // The air handlers' supply is in the notes of a hall that has them ("4 air handlers supply air
    // at 22.0 °C"); here it named a setpoint for halls without any (the mining hall).
    `  Air        intake ${c1(h.air.intakeC)} °C, ρ ${h.air.densityKgM3.toFixed(3)} kg/m³`,
    `  Energy     heat in ${formatValue(e.heatInKW)} kW, heat out ${formatValue(e.heatOutKW)} kW, error ${e.errorPct >= 0 ? '+' : ''}${e.errorPct.toFixed(4)} %`,
    `  Air temp   ${c1(h.minC)} to ${c1(h.maxC)} °C${h.saturated ? ' (SATURATED: the hall cannot shed its heat)' : ''}`,
    `  Hot spots  ${h.hotSpots.map((s, i) => `${i + 1}. ${c1(s.tempC)} °C at (${c1(s.x)}, ${c1(s.y)}) m`).join('; ') || 'none'}`,
    ...h.notes.map((n) => `  Note       ${n}`),
    '',
  ]
  const rows = [['ROW', 'RACK', 'INLET °C', 'OUTLET °C']]
  for (const r of h.racks) rows.push([r.rowId, String(r.index), r.inletC.toFixed(2), r.outletC.toFixed(2)])
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)))
  for (const row of rows) lines.push(`  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`)
  return lines
}

export function formatThermalTable(r: ThermalRecord): string {
  const lines = [`Scene    ${r.scene}`, `Variant  ${r.variantName} [${r.variant}] · thermal field (${INLET_MODEL_2D.name}: the inlet checks' model), design day · ${r.meta.solveMs.toFixed(1)} ms`, '']
  for (const h of r.halls) lines.push(...hallLines(h, r.meta.hallSolveMs[h.hallId] ?? 0), '')
  return `${lines.join('\n')}`
}
