import type { Db } from '../db/index.ts'
import { ForbiddenError, ValidationError } from '../errors/index.ts'
import type { AccessGrantRepository } from './access-grant.repository.ts'
import { GrantKind, type AccessGrant, type RecordAccess } from './access-grant.schema.ts'
import type { Actor } from './actor.ts'

/** Strongest first: the relationship a record read is attributed to when several hold. */
const precedence: GrantKind[] = GrantKind.options.filter(kind => kind !== 'referrer')

export const BREAK_GLASS_MINUTES = 60
export const REAUTHENTICATE_WITHIN_MINUTES = 15

/**
 * The one place that decides whether this practitioner may see this person's record in full: only with a
 * legitimate relationship (a grant held by them, their team or their agency) or by breaking glass.
 */
export class AccessPolicy {
  private readonly grants: AccessGrantRepository
  private readonly now: () => Date

  constructor(grants: AccessGrantRepository, now: () => Date = () => new Date()) {
    this.grants = grants
    this.now = now
  }

  async recordAccess(db: Db, actor: Actor, personId: string): Promise<RecordAccess> {
    if (actor.kind !== 'practitioner' || !actor.practitionerId) return { level: 'known-to-services', referrerGrant: undefined }
    const grants = await this.grants.with(db).listActiveFor(
      personId,
      { practitionerId: actor.practitionerId, teamId: actor.teamId, agencyId: actor.agencyId },
      this.now(),
    )
    return this.accessFrom(actor, grants)
  }

  /**
   * The access that a person's active grants give this actor: the strongest relationship held by them, their
   * team or their agency. For callers that have read every grant on the person already.
   */
  accessFrom(actor: Actor, grants: readonly AccessGrant[]): RecordAccess {
    if (actor.kind !== 'practitioner' || !actor.practitionerId) return { level: 'known-to-services', referrerGrant: undefined }
    const held = grants.filter(
      g =>
        (g.practitionerId !== null && g.practitionerId === actor.practitionerId) ||
        (g.teamId !== null && g.teamId === actor.teamId) ||
        (g.agencyId !== null && g.agencyId === actor.agencyId),
    )
    const full = precedence.map(kind => held.find(g => g.kind === kind)).find(g => g !== undefined)
    if (full) return { level: 'full', grant: full }
    return { level: 'known-to-services', referrerGrant: held.find(g => g.kind === 'referrer') }
  }

  /**
   * Open a record without a relationship: the practitioner gives a reason and must have entered their password
   * recently. The grant is time-limited; the caller audits it and notifies the owning agency's managers.
   */
  async breakGlass(db: Db, actor: Actor, personId: string, reason: string): Promise<AccessGrant> {
    if (actor.kind !== 'practitioner' || !actor.practitionerId) throw new ForbiddenError('Only a practitioner can break glass')
    const trimmed = reason.trim()
    if (trimmed.length < 10) {
      throw new ValidationError([{ field: 'reason', message: 'Explain why you need to see this record now (at least 10 characters)' }])
    }
    if (!this.isRecentlyAuthenticated(actor)) throw new ForbiddenError('Enter your password again before breaking glass')
    const now = this.now()
    return this.grants.with(db).insert({
      personId,
      practitionerId: actor.practitionerId,
      kind: 'break-glass',
      reason: trimmed,
      startsAt: now,
      endsAt: new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000),
      grantedByAccountId: actor.accountId ?? null,
    })
  }

  isRecentlyAuthenticated(actor: Actor): boolean {
    return actor.authenticatedAt !== undefined && this.now().getTime() - actor.authenticatedAt.getTime() <= REAUTHENTICATE_WITHIN_MINUTES * 60_000
  }

  /** Everyone holding a relationship to the person now (for "whom to contact" and "who owns this record"). */
  async activeGrants(db: Db, personId: string): Promise<AccessGrant[]> {
    return this.grants.with(db).listActiveOnPerson(personId, this.now())
  }

  /** The records this practitioner may see in full through a relationship (not break glass), newest first. */
  async myRelationships(db: Db, actor: Actor, limit = 200): Promise<AccessGrant[]> {
    if (actor.kind !== 'practitioner' || !actor.practitionerId) return []
    const grants = await this.grants
      .with(db)
      .listActiveForHolder({ practitionerId: actor.practitionerId, teamId: actor.teamId, agencyId: actor.agencyId }, this.now(), limit)
    return grants.filter(g => g.kind !== 'break-glass' && g.kind !== 'referrer')
  }

  async findGrant(db: Db, id: string): Promise<AccessGrant | undefined> {
    return this.grants.with(db).find(id)
  }

  async reviewBreakGlass(db: Db, actor: Actor, grantId: string, outcome: string, note: string): Promise<boolean> {
    if (!actor.accountId) throw new ForbiddenError()
    return this.grants.with(db).recordReview(grantId, { accountId: actor.accountId, outcome, note, at: this.now() })
  }

  async listBreakGlass(db: Db, options: { personIds?: string[]; unreviewedOnly: boolean; limit: number }): Promise<AccessGrant[]> {
    return this.grants.with(db).listBreakGlass(options)
  }

  /** End a relationship when the work that created it ends (a contact decided at the front door). */
  async endGrants(db: Db, personId: string, kind: GrantKind, reason: string): Promise<number> {
    return this.grants.with(db).endActive(personId, kind, reason, this.now())
  }

  async grant(db: Db, grants: Parameters<AccessGrantRepository['insertMany']>[0]): Promise<void> {
    await this.grants.with(db).insertMany(grants)
  }
}
