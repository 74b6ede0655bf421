// The palette: rows of any catalog device, cooling units and transformers from the catalog. A
// row goes to the first free spot (of the selection's hall, else the next hall with room), fed
// from the board with the most room up to the grid; the message after it says where and why.
import { useState } from 'react'
import { builtInCatalog } from '../../model/catalog'
import { addCoolingOf, addRowOf, addTransformerOf } from './editorActions'

export function AddMenu() {
  const [open, setOpen] = useState(false)
  const catalog = builtInCatalog()
  const devices = [...catalog.devices.values()]
  const pick = (fn: () => void) => () => {
    fn()
    setOpen(false)
  }
  return (
    <div className="ed-group ed-add">
      <button type="button" className={open ? 'ed-btn ed-on' : 'ed-btn'} onClick={() => setOpen(!open)} aria-expanded={open} data-testid="add-open">
        + Add
      </button>
      {open && (
        <div className="ed-menu" role="menu" data-testid="palette" title="New items go to a free spot with their aisles, fed from the board with the most room">
          <div className="ed-menu-col">
            <h3>Row of ASIC miners</h3>
            {devices.filter((d) => d.kind === 'asic').map((d) => (
              <button key={d.id} type="button" role="menuitem" onClick={pick(() => addRowOf(d.id))} data-testid={`add-row-${d.id}`}>
                {d.name} <span className="muted">{(d.powerW / 1000).toFixed(1)} kW</span>
              </button>
            ))}
            <h3>Row of GPU racks</h3>
            {devices.filter((d) => d.kind === 'gpu').map((d) => (
              <button key={d.id} type="button" role="menuitem" onClick={pick(() => addRowOf(d.id))} data-testid={`add-row-${d.id}`}>
                {d.name} <span className="muted">{(d.powerW / 1000).toFixed(1)} kW</span>
              </button>
            ))}
          </div>
          <div className="ed-menu-col">
            <h3>Cooling</h3>
            {[...catalog.coolingUnits.values()].map((u) => (
              <button key={u.id} type="button" role="menuitem" onClick={pick(() => addCoolingOf(u.id))} data-testid={`add-cooling-${u.id}`}>
                {u.name}
              </button>
            ))}
            <h3>Power</h3>
            {[...catalog.transformers.values()].map((t) => (
              <button key={t.id} type="button" role="menuitem" onClick={pick(() => addTransformerOf(t.id))}>
                {t.name}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  )
}
