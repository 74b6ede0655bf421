// How power checks name what they are about.
import type { GroupResult } from '../../report'
import type { ById } from '../../power/flow'

export function groupName(group: GroupResult, names: ById<string>): string {
  return group.members.length === 1 ? (names.get(group.members[0]!) ?? group.id) : `group ${group.id}`
}

export function listSome(ids: readonly string[], most = 4): string {
  return ids.length <= most ? ids.join(', ') : `${ids.slice(0, most).join(', ')} and ${ids.length - most} more`
}
