// The clearance issues of the variant on screen, memoised on the variant and the aisle minimum.
import { useMemo } from 'react'
import { checkClearances, type ClearanceIssue } from '../../editor/clearance'
import { builtInCatalog } from '../../model/catalog'
import { selectVariant, useStore } from '../../store'

export function useClearanceIssues(): ClearanceIssue[] {
  const variant = useStore(selectVariant)
  const minAisleM = useStore((s) => s.minAisleM)
  return useMemo(() => (variant ? checkClearances(variant, builtInCatalog(), { minAisleM }) : []), [variant, minAisleM])
}
