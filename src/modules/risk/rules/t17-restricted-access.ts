import * as z from 'zod'
import { defineRule, type Rule } from '../rule.schema.ts'
import { NONE, fire, isClaimedUnavailable, isRemoteContact, isSeenInPerson, own, waitUntil } from './signals.ts'

export const r17a = defineRule({
  id: 'R17a',
  version: 1,
  theme: 'T17',
  title: 'Seen only remotely',
  looksFor:
    'A child open to social care (child protection, child in need, looked after, or being assessed) not seen in ' +
    'person by any professional for `unseenDays` days, while contact was remote, restricted (`service.restricted`) or ' +
    'visits were put off because the child was said to be ill, isolating or away.',
  parameters: z.object({
    unseenDays: z.int().min(14).max(84).default(28),
  }),
  evidence:
    'Lockdown gave cover in the cases of Arthur, Star, Finley and Logan: phone hearings, claimed Covid to avoid ' +
    'visits, more self-report [risk.md T17; 76, 88]; serious-incident notifications rose 19% in 2020–21 [76].',
  action:
    'See the child in person (doorstep or garden if need be), with a manager’s agreement on how; verify any illness claim.',
  schedule: 'absence',
  evaluate(ctx, p) {
    const s = ctx.status(ctx.today)
    if (!(s.cp || s.cin || s.lac || s.assessing) || s.statutorySince === undefined) return NONE
    const mine = own(ctx)
    const lastSeen = mine.filter(e => isSeenInPerson(ctx, e)).at(-1)
    const since = Math.max(lastSeen?.day ?? -Infinity, s.statutorySince)
    const due = since + p.unseenDays
    if (ctx.today < due) return waitUntil(ctx.today, due)
    const after = mine.filter(e => e.day > since)
    const remote = after.filter(e => isRemoteContact(ctx, e) || isClaimedUnavailable(e))
    const restrictions = ctx.events.filter(
      e =>
        e.type === 'service.restricted' &&
        (e.rel === 'self' || e.rel === 'carer' || e.rel === 'sibling' || e.rel === 'global') &&
        (e.details.untilDay ?? Infinity) > since,
    )
    if (remote.length === 0 && restrictions.length === 0) return NONE
    return fire(lastSeen, remote, restrictions)
  },
})

export const t17Rules: readonly Rule[] = [r17a]
