import * as z from 'zod'

/** Why someone may see a person's record in full. */
export const GrantKind = z.enum([
  'allocated-worker',
  'allocated-team',
  'front-door',
  'strategy-discussion',
  'conference',
  'core-group',
  'referrer',
  'break-glass',
])
export type GrantKind = z.infer<typeof GrantKind>

export const grantKindLabels: Record<GrantKind, string> = {
  'allocated-worker': 'allocated worker',
  'allocated-team': 'allocated team',
  'front-door': 'front door, while a contact is open',
  'strategy-discussion': 'member of a strategy discussion',
  conference: 'member of a child protection conference',
  'core-group': 'member of the core group',
  referrer: 'referrer (the outcome of their own referral)',
  'break-glass': 'break glass',
}

export type AccessGrant = {
  id: string
  personId: string
  practitionerId: string | null
  teamId: string | null
  agencyId: string | null
  kind: GrantKind
  reason: string | null
  startsAt: Date
  endsAt: Date | null
  grantedByAccountId: string | null
  reviewedByAccountId: string | null
  reviewedAt: Date | null
  reviewOutcome: string | null
  reviewNote: string | null
}

export type NewAccessGrant = {
  personId: string
  practitionerId?: string | null
  teamId?: string | null
  agencyId?: string | null
  kind: GrantKind
  reason?: string | null
  startsAt?: Date
  endsAt?: Date | null
  grantedByAccountId?: string | null
}

/**
 * How much of a person's record an actor may see. `full` names the relationship that justifies it;
 * `known-to-services` is what everyone else who finds the child sees: that the child is known, and whom to ask.
 * The referrer's relationship shows the outcome of their own referral only, so it is not `full`.
 */
export type RecordAccess =
  | { level: 'full'; grant: AccessGrant }
  | { level: 'known-to-services'; referrerGrant: AccessGrant | undefined }
