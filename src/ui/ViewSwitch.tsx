// Main-area switch: the 3D site, the single-line diagram of its power chain, or the economics.
import { useStore, type MainView } from '../store'
import { SegmentedControl, type SegmentOption } from './SegmentedControl'

const VIEWS: SegmentOption<MainView>[] = [
  { id: '3d', label: '3D', title: 'The site in 3D' },
  { id: 'sld', label: 'Single-line', title: 'Single-line diagram of the power chain' },
  { id: 'econ', label: 'Economics', title: 'Capex, cash flow, NPV and capacity of every variant' },
]

export function ViewSwitch() {
  const view = useStore((s) => s.mainView)
  const setView = useStore((s) => s.setMainView)
  return <SegmentedControl options={VIEWS} value={view} onChange={setView} label="Main view" testIdPrefix="view" role="tablist" />
}
