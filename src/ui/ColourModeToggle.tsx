// How the 3D view colours racks and equipment.
import { useStore, type ColourMode } from '../store'
import { SegmentedControl, type SegmentOption } from './SegmentedControl'

const MODES: SegmentOption<ColourMode>[] = [
  { id: 'kind', label: 'Kind', title: 'Colour racks by device kind (ASIC / GPU)' },
  { id: 'status', label: 'Status', title: 'Colour racks and equipment by check status' },
  { id: 'utilisation', label: 'Utilisation', title: 'Colour power equipment by load / rating, racks by their feed' },
  { id: 'temperature', label: 'Inlet °C', title: 'Colour racks by their inlet air on the design day (thermal field)' },
]

export function ColourModeToggle() {
  const mode = useStore((s) => s.colourMode)
  const setMode = useStore((s) => s.setColourMode)
  return (
    <div className="toolbar-group">
      <span className="toolbar-label">Colour by</span>
      <SegmentedControl options={MODES} value={mode} onChange={setMode} label="Colour mode" testIdPrefix="colour" />
    </div>
  )
}
