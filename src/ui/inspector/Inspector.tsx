// The selection's properties, editable: position and rotation with units, rack and device
// counts, device model (for the row, its hall or the whole variant), feeds, and for a row the
// array tool. Every change is one command of the history.
import { useState } from 'react'
import { builtInCatalog } from '../../model/catalog'
import type { CoolingPlacement, Row, Variant } from '../../model/sceneSchema'
import { setCoolingProps, setDevice, setRowProps } from '../../editor/commands'
import { multi } from '../../editor/command'
import { locateItem } from '../../editor/sceneEdit'
import { selectEditorSelection, selectVariant, useStore } from '../../store'
import { arraySelectedRow, setDeviceFor } from '../editor/editorActions'
import { QuantityField } from './QuantityField'

const positiveInt = (v: number) => (Number.isInteger(v) && v >= 1 ? null : 'expected a whole number ≥ 1')
const nonNegative = (v: number) => (v >= 0 ? null : 'expected a value ≥ 0')

export function Inspector() {
  const variant = useStore(selectVariant)
  const ids = useStore(selectEditorSelection)
  if (!variant) return null
  const editable = ids.filter((id) => locateItem(variant, id) !== null)
  return (
    <section className="panel-section ed-inspector" aria-label="Inspector" data-testid="inspector">
      <div className="section-head">
        <h3>Inspector</h3>
        {editable.length > 1 && <span className="tag">{editable.length} selected</span>}
      </div>
      {editable.length === 0 && <p className="muted small ed-hint">Click a row or a cooling unit in the 3D view to edit it; Shift + drag to select several. Press ? for shortcuts.</p>}
      {editable.length === 1 && <ItemInspector variant={variant} id={editable[0]!} />}
      {editable.length > 1 && <MultiInspector variant={variant} ids={editable} />}
    </section>
  )
}

function ItemInspector({ variant, id }: { variant: Variant; id: string }) {
  const at = locateItem(variant, id)!
  const hall = variant.halls[at.hallIndex]!
  if (at.kind === 'row') return <RowInspector variant={variant} row={hall.rows[at.index]!} hallId={hall.id} />
  return <CoolingInspector variant={variant} unit={hall.cooling[at.index]!} />
}

function RowInspector({ variant, row, hallId }: { variant: Variant; row: Row; hallId: string }) {
  const apply = useStore((s) => s.requestEdit)
  const catalog = builtInCatalog()
  const set = (patch: Partial<Row>, what: string) => apply(setRowProps(variant.id, row.id, patch, `${what} of ${row.id}`))
  const feeds = variant.power.filter((n) => n.kind !== 'grid' && n.kind !== 'generator')
  const device = catalog.devices.get(row.deviceId)
  return (
    <div className="ed-fields" data-testid="row-inspector" data-row-id={row.id} data-x={row.position.x} data-y={row.position.y} data-rotation={row.rotationDeg} data-device={row.deviceId}>
      <div className="ed-title">
        <span className="selection-kind">Row</span> <strong>{row.name ?? row.id}</strong> <span className="muted">{row.id}</span>
      </div>
      <div className="ed-grid">
        <QuantityField label="x" value={row.position.x} unit="m" onCommit={(x) => set({ position: { ...row.position, x } }, 'Move')} testId="field-x" />
        <QuantityField label="y" value={row.position.y} unit="m" onCommit={(y) => set({ position: { ...row.position, y } }, 'Move')} testId="field-y" />
        <QuantityField label="Rotation" value={row.rotationDeg} unit="deg" onCommit={(r) => set({ rotationDeg: r }, 'Rotate')} testId="field-rotation" />
        <QuantityField label="Racks" value={row.rackCount} unit="" digits={0} validate={positiveInt} onCommit={(n) => set({ rackCount: n }, 'Racks')} testId="field-racks" />
        <QuantityField label="Devices / rack" value={row.devicesPerRack} unit="" digits={0} validate={positiveInt} onCommit={(n) => set({ devicesPerRack: n }, 'Devices per rack')} testId="field-dpr" />
        {row.circuitKVA !== undefined && (
          <QuantityField label="Rack circuit" value={row.circuitKVA} unit="kVA" validate={(v) => (v > 0 ? null : 'expected a rating > 0')} onCommit={(v) => set({ circuitKVA: v }, 'Circuit')} testId="field-circuit" />
        )}
      </div>
      <DeviceControl variant={variant} row={row} hallId={hallId} />
      <label className="ed-select">
        <span>Enclosure</span>
        <select value={row.enclosureId} onChange={(e) => set({ enclosureId: e.target.value }, 'Enclosure')}>
          {[...catalog.enclosures.values()].map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <label className="ed-select">
        <span>Feed A</span>
        <select value={row.feed} onChange={(e) => set({ feed: e.target.value }, 'Feed')}>
          {feeds.map((n) => (
            <option key={n.id} value={n.id}>
              {n.id} · {n.kind}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">
        {device?.name}: {((device?.powerW ?? 0) / 1000).toFixed(1)} kW each · {(((device?.powerW ?? 0) * row.devicesPerRack * row.rackCount) / 1e6).toFixed(2)} MW row
      </p>
      <ArrayControl row={row} />
    </div>
  )
}

function DeviceControl({ variant, row, hallId }: { variant: Variant; row: Row; hallId: string }) {
  const catalog = builtInCatalog()
  const [scope, setScope] = useState<'row' | 'hall' | 'variant'>('row')
  const devices = [...catalog.devices.values()]
  const onChange = (deviceId: string) => setDeviceFor(scope === 'row' ? { rowId: row.id } : scope === 'hall' ? { hallId } : { variant: true }, deviceId)
  return (
    <div className="ed-device">
      <label className="ed-select">
        <span>Device</span>
        <select value={row.deviceId} onChange={(e) => onChange(e.target.value)} data-testid="field-device">
          <optgroup label="ASIC miners">
            {devices.filter((d) => d.kind === 'asic').map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="GPU">
            {devices.filter((d) => d.kind === 'gpu').map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <div className="ed-scope" role="radiogroup" aria-label="Apply the device to">
        {(['row', 'hall', 'variant'] as const).map((s) => (
          <button key={s} type="button" role="radio" aria-checked={scope === s} className={scope === s ? 'ed-on' : ''} onClick={() => setScope(s)} title={`A new device applies to the ${s === 'variant' ? `whole variant (${variant.name})` : s}`}>
            {s}
          </button>
        ))}
      </div>
    </div>
  )
}

function ArrayControl({ row }: { row: Row }) {
  const [copies, setCopies] = useState(2)
  const catalog = builtInCatalog()
  const depth = catalog.enclosures.get(row.enclosureId)?.depthM ?? 1
  const [pitch, setPitch] = useState(Math.round((depth + 3) * 100) / 100)
  return (
    <div className="ed-array">
      <h3>Array</h3>
      <div className="ed-grid">
        <QuantityField label="Copies" value={copies} unit="" digits={0} validate={positiveInt} onCommit={setCopies} />
        <QuantityField label="Pitch" value={pitch} unit="m" validate={(v) => (v > 0 ? null : 'expected a pitch > 0')} onCommit={setPitch} />
      </div>
      <button type="button" className="button" onClick={() => arraySelectedRow(row.id, copies, pitch)} data-testid="array-rows">
        Add {copies} row{copies === 1 ? '' : 's'} at {pitch} m
      </button>
    </div>
  )
}

function CoolingInspector({ variant, unit }: { variant: Variant; unit: CoolingPlacement }) {
  const apply = useStore((s) => s.requestEdit)
  const catalog = builtInCatalog()
  const set = (patch: Partial<CoolingPlacement>, what: string) => apply(setCoolingProps(variant.id, unit.id, patch, `${what} of ${unit.id}`))
  const model = catalog.coolingUnits.get(unit.modelId)
  return (
    <div className="ed-fields" data-testid="cooling-inspector" data-x={unit.position.x} data-y={unit.position.y}>
      <div className="ed-title">
        <span className="selection-kind">Cooling</span> <strong>{unit.id}</strong> <span className="muted">{model?.name}</span>
      </div>
      <div className="ed-grid">
        <QuantityField label="x" value={unit.position.x} unit="m" onCommit={(x) => set({ position: { ...unit.position, x } }, 'Move')} testId="field-x" />
        <QuantityField label="y" value={unit.position.y} unit="m" onCommit={(y) => set({ position: { ...unit.position, y } }, 'Move')} testId="field-y" />
        <QuantityField label="Rotation" value={unit.rotationDeg} unit="deg" onCommit={(r) => set({ rotationDeg: r }, 'Rotate')} />
        <QuantityField label="Units" value={unit.count} unit="" digits={0} validate={positiveInt} onCommit={(n) => set({ count: n }, 'Count')} />
        <QuantityField label="Elevation" value={unit.elevationM ?? 0} unit="m" validate={nonNegative} onCommit={(m) => set({ elevationM: m }, 'Elevation')} />
      </div>
      <label className="ed-select">
        <span>Model</span>
        <select value={unit.modelId} onChange={(e) => set({ modelId: e.target.value }, 'Model')}>
          {[...catalog.coolingUnits.values()].map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

function MultiInspector({ variant, ids }: { variant: Variant; ids: string[] }) {
  const catalog = builtInCatalog()
  const apply = useStore((s) => s.requestEdit)
  const rows = ids.filter((id) => locateItem(variant, id)?.kind === 'row')
  return (
    <div className="ed-fields">
      <p className="small">
        {rows.length} row{rows.length === 1 ? '' : 's'}, {ids.length - rows.length} cooling placement{ids.length - rows.length === 1 ? '' : 's'}. Drag one to move them all; R rotates each.
      </p>
      {rows.length > 0 && (
        <label className="ed-select">
          <span>Device of {rows.length} rows</span>
          <select
            value=""
            onChange={(e) => {
              const deviceId = e.target.value
              if (!deviceId) return
              const scene = useStore.getState().scene
              if (!scene) return
              // One history step for the group.
              const name = catalog.devices.get(deviceId)?.name ?? deviceId
              apply(multi(`${rows.length} rows → ${name}`, rows.map((rowId) => setDevice(scene, variant.id, { rowId }, deviceId, catalog))))
            }}
          >
            <option value="">Choose…</option>
            {[...catalog.devices.values()].map((d) => (
              <option key={d.id} value={d.id}>
                {d.kind.toUpperCase()} · {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  )
}
