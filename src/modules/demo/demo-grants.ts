import type { NewAccessGrant } from '../../platform/access/index.ts'
import type { NewEventRow, NewEventSubjectRow } from '../chronology/index.ts'
import type { NewPersonRow } from '../people/index.ts'

/** A contact the front door has not yet decided on, this long after it arrived, still counts as open. */
const OPEN_CONTACT_DAYS = 30

type Batch = { people: readonly NewPersonRow[]; events: readonly NewEventRow[]; subjects: readonly NewEventSubjectRow[] }

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000

/**
 * The working relationships the demo's case histories imply on the reference date, as access grants: a child
 * whose case is open is allocated to the social worker who opened it and to that worker's team; a child with a
 * recent concern the front door has not yet decided is open to the front door. Everyone else who finds the
 * child sees "known to services" only, as in a real partnership.
 */
export function demoGrants(batch: Batch, options: { referenceDate: string; frontDoorTeamId: string; teamOf: ReadonlyMap<string, string | null> }): NewAccessGrant[] {
  const children = new Set(batch.people.filter(p => p.kind !== 'adult').map(p => p.id!))
  const events = new Map(batch.events.map(e => [e.id!, e]))
  const byChild = new Map<string, NewEventRow[]>()
  for (const s of batch.subjects) {
    if (!children.has(s.personId)) continue
    const e = events.get(s.eventId)
    if (!e) continue
    let list = byChild.get(s.personId)
    if (!list) byChild.set(s.personId, (list = []))
    list.push(e)
  }
  const grants: NewAccessGrant[] = []
  for (const [personId, list] of byChild) {
    list.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn))
    let opened: NewEventRow | undefined
    let concern: NewEventRow | undefined
    for (const e of list) {
      if (e.occurredOn > options.referenceDate) continue
      if (e.type === 'case.opened') opened = e
      if (e.type === 'case.closed') opened = undefined
      if (e.type === 'concern.raised') concern = e
      if (e.type === 'referral.decision') concern = undefined
    }
    if (opened?.practitionerId) {
      const startsAt = new Date(`${opened.occurredOn}T09:00:00Z`)
      grants.push({ personId, practitionerId: opened.practitionerId, kind: 'allocated-worker', startsAt })
      const teamId = options.teamOf.get(opened.practitionerId)
      if (teamId) grants.push({ personId, teamId, kind: 'allocated-team', startsAt })
    }
    if (concern && daysBetween(concern.occurredOn, options.referenceDate) <= OPEN_CONTACT_DAYS) {
      grants.push({ personId, teamId: options.frontDoorTeamId, kind: 'front-door', startsAt: new Date(`${concern.occurredOn}T09:00:00Z`) })
    }
  }
  return grants
}
