import { createHash, randomBytes } from 'node:crypto'
import * as z from 'zod'
import { ApiScope, requirePermission, type Actor } from '../access/index.ts'
import type { AuditWriter } from '../audit/index.ts'
import { NotFoundError, ValidationError } from '../errors/index.ts'
import type { ApiClientRepository, ApiClientRow, ApiTokenRow } from './api-client.repository.ts'

/** What `authenticate` knows about the caller behind a bearer token. */
export type ApiClientIdentity = {
  clientId: string
  tokenId: string
  agencyId: string
  name: string
  scopes: ApiScope[]
  ratePerMinute: number
}

export const NewApiClient = z.object({
  name: z.string().trim().min(1).max(100),
  agencyId: z.uuid(),
  scopes: z.array(ApiScope).min(1),
  ratePerMinute: z.number().int().min(1).max(6000),
})
export type NewApiClient = z.infer<typeof NewApiClient>

export type ApiTokenSummary = { prefix: string; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null; lastUsedAt: Date | null; isLive: boolean }

export type ApiClientSummary = {
  id: string
  name: string
  agencyId: string
  agencyName: string
  scopes: string[]
  ratePerMinute: number
  createdAt: Date
  revokedAt: Date | null
  tokens: ApiTokenSummary[]
}

/** A token as issued: shown to the administrator once, never stored (only its SHA-256 is). */
export type IssuedToken = { clientId: string; token: string; prefix: string; previousTokensEndAt?: Date }

export type AgencyChoice = { id: string; name: string }

export type ApiClientSettings = {
  /** The partnership's agencies (they live in the agencies module; composition passes this in). */
  listAgencies: () => Promise<AgencyChoice[]>
  /** How long a rotated-out token keeps working, so a partner can deploy the new one. */
  rotationGraceHours?: number
  now?: () => Date
}

const TOKEN_PATTERN = /^sl_[A-Za-z0-9_-]{43}$/
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Partner systems' API clients: each belongs to one agency, has scopes and a rate per minute, and calls with
 * bearer tokens that are random, shown once and stored only as hashes. Managed by administrators (admin:manage),
 * who see agencies and clients, never a child.
 */
export class ApiClientService {
  private readonly clients: ApiClientRepository
  private readonly audit: AuditWriter
  private readonly agencies: () => Promise<AgencyChoice[]>
  private readonly graceMs: number
  private readonly now: () => Date

  constructor(clients: ApiClientRepository, audit: AuditWriter, settings: ApiClientSettings) {
    this.clients = clients
    this.audit = audit
    this.agencies = settings.listAgencies
    this.graceMs = (settings.rotationGraceHours ?? 24) * 3_600_000
    this.now = settings.now ?? (() => new Date())
  }

  get rotationGraceHours(): number {
    return this.graceMs / 3_600_000
  }

  async listAgencies(actor: Actor): Promise<AgencyChoice[]> {
    requirePermission(actor, 'admin:manage')
    return this.agencies()
  }

  async listClients(actor: Actor): Promise<ApiClientSummary[]> {
    requirePermission(actor, 'admin:manage')
    return this.summarise(await this.clients.listClients())
  }

  /** Throws NotFoundError when there is no such client. */
  async getClient(actor: Actor, clientId: string): Promise<ApiClientSummary> {
    requirePermission(actor, 'admin:manage')
    const row = z.uuid().safeParse(clientId).success ? await this.clients.findClient(clientId) : undefined
    if (!row) throw new NotFoundError('API client')
    return (await this.summarise([row]))[0]!
  }

  async createClient(actor: Actor, input: NewApiClient, requestId?: string): Promise<IssuedToken> {
    requirePermission(actor, 'admin:manage')
    const data = NewApiClient.parse(input)
    if (!(await this.agencies()).some(a => a.id === data.agencyId)) throw new ValidationError([{ field: 'agencyId', message: 'Select the agency the system belongs to' }])
    const now = this.now()
    return this.clients.transaction(async (clients, tx) => {
      const client = await clients.insertClient({
        name: data.name,
        agencyId: data.agencyId,
        scopes: [...new Set(data.scopes)].sort(),
        ratePerMinute: data.ratePerMinute,
        createdAt: now,
        createdBy: actor.accountId ?? null,
      })
      const issued = await this.issue(clients, client.id, now)
      await this.audit.write(tx, { actor, requestId }, {
        action: 'api-client.created',
        subjectType: 'api-client',
        subjectId: client.id,
        details: { agencyId: client.agencyId, scopes: client.scopes, ratePerMinute: client.ratePerMinute, tokenPrefix: issued.prefix },
      })
      return issued
    })
  }

  /** A new token; the client's other live tokens keep working for the grace period, then stop. */
  async rotateToken(actor: Actor, clientId: string, requestId?: string): Promise<IssuedToken> {
    const client = await this.getClient(actor, clientId)
    if (client.revokedAt) throw new ValidationError([{ field: 'client', message: 'This API client has been revoked: add a new one instead' }])
    const now = this.now()
    const previousTokensEndAt = new Date(now.getTime() + this.graceMs)
    return this.clients.transaction(async (clients, tx) => {
      await clients.expireLiveTokens(clientId, previousTokensEndAt, now)
      const issued = await this.issue(clients, clientId, now)
      await this.audit.write(tx, { actor, requestId }, {
        action: 'api-client.token-rotated',
        subjectType: 'api-client',
        subjectId: clientId,
        details: { tokenPrefix: issued.prefix, previousTokensEndAt: previousTokensEndAt.toISOString() },
      })
      return { ...issued, previousTokensEndAt }
    })
  }

  /** Revoke a client: every token of it stops at once. */
  async revokeClient(actor: Actor, clientId: string, requestId?: string): Promise<void> {
    await this.getClient(actor, clientId)
    const now = this.now()
    await this.clients.transaction(async (clients, tx) => {
      if (await clients.revokeClient(clientId, now)) {
        await this.audit.write(tx, { actor, requestId }, { action: 'api-client.revoked', subjectType: 'api-client', subjectId: clientId })
      }
    })
  }

  /** The client behind a bearer token, or undefined when the token is malformed, unknown, expired or revoked. */
  async authenticate(token: string): Promise<ApiClientIdentity | undefined> {
    if (!TOKEN_PATTERN.test(token)) return undefined
    const now = this.now()
    const found = await this.clients.findLiveToken(hashToken(token), now)
    if (!found) return undefined
    // Record use at most once a minute per token, not on every call.
    if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > 60_000) await this.clients.touchToken(found.token.id, now)
    return {
      clientId: found.client.id,
      tokenId: found.token.id,
      agencyId: found.client.agencyId,
      name: found.client.name,
      scopes: found.client.scopes.filter((s): s is ApiScope => ApiScope.safeParse(s).success),
      ratePerMinute: found.client.ratePerMinute,
    }
  }

  private async issue(clients: ApiClientRepository, clientId: string, now: Date): Promise<IssuedToken> {
    const token = `sl_${randomBytes(32).toString('base64url')}`
    const prefix = token.slice(0, 10)
    await clients.insertToken({ clientId, tokenHash: hashToken(token), prefix, createdAt: now })
    return { clientId, token, prefix }
  }

  private async summarise(rows: ApiClientRow[]): Promise<ApiClientSummary[]> {
    const agencies = new Map((await this.agencies()).map(a => [a.id, a.name]))
    const tokens = await this.clients.listTokens(rows.map(r => r.id))
    const now = this.now()
    const live = (t: ApiTokenRow, client: ApiClientRow) => !client.revokedAt && !t.revokedAt && (!t.expiresAt || t.expiresAt > now)
    return rows.map(row => ({
      id: row.id,
      name: row.name,
      agencyId: row.agencyId,
      agencyName: agencies.get(row.agencyId) ?? 'Unknown agency',
      scopes: row.scopes,
      ratePerMinute: row.ratePerMinute,
      createdAt: row.createdAt,
      revokedAt: row.revokedAt,
      tokens: tokens
        .filter(t => t.clientId === row.id)
        .map(t => ({ prefix: t.prefix, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt, lastUsedAt: t.lastUsedAt, isLive: live(t, row) })),
    }))
  }
}
