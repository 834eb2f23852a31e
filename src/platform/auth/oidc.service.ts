import * as client from 'openid-client'
import * as z from 'zod'
import type { AuditContext } from '../audit/index.ts'
import type { OidcConfig } from '../config/index.ts'
import type { AuthService } from './auth.service.ts'
import { Sealer } from './sealed.ts'

/** The agency a practitioner belongs to (agencies live in a module; composition passes the lookup in). */
export type PractitionerAgencyLookup = (accountId: string) => Promise<{ id: string; code: string } | undefined>

export type OidcMode = 'sign-in' | 'reauthenticate'

/** Why an identity was refused, each with its own page. */
export type OidcRefusal = 'failed' | 'expired' | 'unknown' | 'disabled' | 'agency' | 'other-account'

export type OidcOutcome =
  | { outcome: 'signed-in'; accountId: string; token: string; returnTo: string }
  | { outcome: 'reauthenticated'; accountId: string; returnTo: string }
  | { outcome: 'refused'; reason: OidcRefusal; error?: unknown }

export type OidcSettings = {
  auth: AuthService
  practitionerAgency: PractitionerAgencyLookup
  /** Seals the state cookie (SESSION_SECRET; unset, a random key per process). */
  secret: string | undefined
  /** openid-client refuses plain HTTP; this lifts that, for the in-process test provider only. */
  allowInsecureRequests?: boolean
  now?: () => Date
}

/** What the browser carries between leaving for the provider and coming back: sealed, so unreadable and unchangeable. */
const FlowState = z.object({
  verifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  returnTo: z.string(),
  mode: z.enum(['sign-in', 'reauthenticate']),
  startedAt: z.number(),
})
type FlowState = z.infer<typeof FlowState>

const FLOW_MINUTES = 10
/** On re-authentication the provider must have checked the person within this long (auth_time). */
const REAUTHENTICATION_MAX_AGE_SECONDS = 300

/**
 * Sign-in through an OpenID Connect provider: authorisation code flow with PKCE (S256), state and nonce, by
 * openid-client. The identity is mapped to an existing local account (by issuer and subject, or the first time by
 * a verified email), and optionally checked against the practitioner's agency; no account is ever created.
 */
export class OidcService {
  readonly providerName: string
  private readonly settings: OidcConfig
  private readonly auth: AuthService
  private readonly practitionerAgency: PractitionerAgencyLookup
  private readonly sealer: Sealer
  private readonly allowInsecureRequests: boolean
  private readonly now: () => Date
  private discovered: Promise<client.Configuration> | undefined

  constructor(config: OidcConfig, settings: OidcSettings) {
    this.settings = config
    this.providerName = config.providerName
    this.auth = settings.auth
    this.practitionerAgency = settings.practitionerAgency
    this.sealer = new Sealer(settings.secret, 'oidc-state')
    this.allowInsecureRequests = settings.allowInsecureRequests === true && new URL(config.issuer).protocol === 'http:'
    this.now = settings.now ?? (() => new Date())
  }

  /** Where to send the browser, and the sealed state to keep in a cookie until it comes back. */
  async begin(returnTo: string, mode: OidcMode): Promise<{ url: string; sealedState: string }> {
    const configuration = await this.configuration()
    const flow: FlowState = {
      verifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      returnTo,
      mode,
      startedAt: this.now().getTime(),
    }
    const parameters: Record<string, string> = {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    }
    // Re-authentication must be a fresh check at the provider, not its remembered session.
    if (mode === 'reauthenticate') Object.assign(parameters, { prompt: 'login', max_age: '0' })
    return { url: client.buildAuthorizationUrl(configuration, parameters).href, sealedState: this.sealer.seal(flow) }
  }

  /**
   * The provider's answer (the callback's query string) checked against the sealed state: code exchanged, ID token
   * verified (signature, issuer, audience, nonce, expiry), identity mapped to an account, and a session started or,
   * for re-authentication, the current session (`current`) marked as authenticated now.
   */
  async finish(query: string, sealedState: string | undefined, current: { token: string; accountId: string } | undefined, context: AuditContext): Promise<OidcOutcome> {
    const flow = FlowState.safeParse(this.sealer.unseal(sealedState))
    if (!flow.success || this.now().getTime() - flow.data.startedAt > FLOW_MINUTES * 60_000) return { outcome: 'refused', reason: 'expired' }
    const { verifier, state, nonce, returnTo, mode } = flow.data
    let claims: client.IDToken | undefined
    try {
      const callback = new URL(this.settings.redirectUri)
      callback.search = query
      const tokens = await client.authorizationCodeGrant(await this.configuration(), callback, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
        ...(mode === 'reauthenticate' ? { maxAge: REAUTHENTICATION_MAX_AGE_SECONDS } : {}),
      })
      claims = tokens.claims()
    } catch (error) {
      return { outcome: 'refused', reason: 'failed', error }
    }
    if (!claims) return { outcome: 'refused', reason: 'failed' }
    const email = claims[this.settings.emailClaim]
    const identity = {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof email === 'string' ? email : undefined,
      emailVerified: claims.email_verified === true,
    }
    const match = await this.auth.matchExternalIdentity(identity)
    if (match.outcome !== 'found') return { outcome: 'refused', reason: match.outcome }
    if (!(await this.agencyMatches(match.accountId, claims))) return { outcome: 'refused', reason: 'agency' }
    if (mode === 'reauthenticate') {
      if (!current || current.accountId !== match.accountId) return { outcome: 'refused', reason: 'other-account' }
      const done = await this.auth.markReauthenticated(current.token, match.accountId, 'oidc', context)
      if (done.outcome !== 'ok') return { outcome: 'refused', reason: 'expired' }
      return { outcome: 'reauthenticated', accountId: match.accountId, returnTo }
    }
    const token = await this.auth.completeExternalSignIn(identity, match, context)
    return { outcome: 'signed-in', accountId: match.accountId, token, returnTo }
  }

  /** With OIDC_AGENCY_CLAIM set, the claim (a code or id, or a list of them) must name the practitioner's agency. */
  private async agencyMatches(accountId: string, claims: client.IDToken): Promise<boolean> {
    if (!this.settings.agencyClaim) return true
    const claimed = claims[this.settings.agencyClaim]
    const values = (Array.isArray(claimed) ? claimed : [claimed]).filter((v): v is string => typeof v === 'string')
    const agency = await this.practitionerAgency(accountId)
    return agency !== undefined && values.some(v => v === agency.code || v === agency.id)
  }

  /** The provider's metadata, discovered once (and again after a failure, so a provider outage does not stick). */
  private configuration(): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        this.settings.clientSecret ? client.ClientSecretBasic(this.settings.clientSecret) : client.None(),
        { execute: this.allowInsecureRequests ? [client.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        this.discovered = undefined
        throw error
      })
    return this.discovered
  }
}
