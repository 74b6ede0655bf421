// Power node id → display name, from the current report (falls back to the id).
import { useMemo } from 'react'
import type { NodeResult } from '../../solver/report'
import { selectReport, useStore } from '../../store'

const EMPTY: readonly NodeResult[] = []

export function useNodeNames(): ReadonlyMap<string, string> {
  const nodes = useStore((s) => selectReport(s)?.nodes ?? EMPTY)
  return useMemo(() => new Map(nodes.map((n) => [n.id, n.name || n.id])), [nodes])
}
