// What `halltwin help` prints and the exit codes: kept apart from the commands so that `help`
// loads nothing else (main.ts imports each command only when it runs).

export const EXIT = { ok: 0, fail: 1, badInput: 2, internal: 3 } as const

export const USAGE = `Usage:
  halltwin check <scene.json>... [--variant ID|all] [--json | --md]
      Solve one or more scenes and print a report of each (table by default; several files:
      each report headed by its file name, --json an array with one entry per file).
      Exit code 0 when every verdict is ok or warn, 1 when one fails, 2 for bad input (the
      worst over all files).
  halltwin economics <scene.json> [--variant ID|all] [--json]
      Capex, opex, revenue, payback, NPV, IRR and break-even prices, variants side by side.
  halltwin capacity <scene.json> --device ID [--variant BASE] [--tier N|N+1|2N] [--json]
      The largest number of racks of a GPU system the site carries with every check passing.
  halltwin report <scene.json> [-o report.html] [--variant ID|all]
      The printable report (standalone HTML: every check, charts, a plan of each variant).
  halltwin checks [--json]                Every check kind the solver runs (from the check registry).
  halltwin thermal <scene.json> [--variant ID|all] [--grid check|fine] [--json]
      The design-day air temperature field of each hall (check grid by default): grid, energy
      balance, hot spots, every rack's inlet and outlet air.
      --model 3d [--grid preview|default]: the 3-D fast-fluid model (docs/airflow3d.md; the
      checks still read the 2-D field): per hall RCI/RTI/SHI/RHI and every rack's inlet/outlet.
  halltwin calibrate <scene.json> --measured data.csv [--weather file.epw] [--variant ID]
      [--no-fit] [--json] [--out calibrated.json] [--html page.html]
      Model vs measured (ASHRAE Guideline 14 NMBE, CV(RMSE)), a fit of the uncertain parameters
      and a calibrated variant (docs/calibration.md).
  halltwin generate campus --miners N     Write a generated campus of N miners (scene JSON) to stdout.
  halltwin generate siberia               Write the default 20 MW example scene to stdout.
  halltwin help
A scene file of - reads the scene from standard input.`

/** Where the commands write: the terminal, or a test's strings. */
export interface Io {
  out: (text: string) => void
  err: (text: string) => void
}
