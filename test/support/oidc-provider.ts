import { createHash, createSign, generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto'
import fastifyFormbody from '@fastify/formbody'
import Fastify from 'fastify'

/** Who signs in at the provider next: a subject and the claims to put in the ID token. */
export type TestIdentity = { sub: string; claims?: Record<string, unknown> }

export type TestProvider = {
  /** http://127.0.0.1:<port>: the issuer identifier, also the discovery base. */
  issuer: string
  clientId: string
  clientSecret: string
  redirectUri: string
  /** The identity the next authorisation request signs in as; undefined makes the provider answer access_denied. */
  signInAs(identity: TestIdentity | undefined): void
  /** The query of every authorisation request received, newest last. */
  readonly authorizeRequests: URLSearchParams[]
  /** Every token request's form fields, newest last. */
  readonly tokenRequests: URLSearchParams[]
  close(): Promise<void>
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url')

/**
 * A small OpenID Connect provider for tests, on 127.0.0.1 over plain HTTP: discovery, JWKS, an authorisation
 * endpoint that signs in whoever `signInAs` names without a page, and a token endpoint that checks the client
 * secret, the redirect URI and PKCE (S256) and returns an RS256 ID token signed with a key made at start.
 */
export async function startTestProvider(options: { redirectUri: string; clientId?: string; clientSecret?: string }): Promise<TestProvider> {
  const clientId = options.clientId ?? 'sightline-test'
  const clientSecret = options.clientSecret ?? randomBytes(16).toString('hex')
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kid = randomBytes(8).toString('hex')
  const codes = new Map<string, { identity: TestIdentity; nonce: string | undefined; challenge: string; redirectUri: string; authTime: number }>()
  const authorizeRequests: URLSearchParams[] = []
  const tokenRequests: URLSearchParams[] = []
  let next: TestIdentity | undefined

  const app = Fastify({ logger: false })
  await app.register(fastifyFormbody)
  /** Known once listening (the port is the system's choice); the handlers read it at request time. */
  let issuer = ''

  function sign(payload: Record<string, unknown>): string {
    const input = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${base64url(JSON.stringify(payload))}`
    return `${input}.${base64url(createSign('RSA-SHA256').update(input).sign(privateKey))}`
  }

  app.get('/.well-known/openid-configuration', async () => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: ['openid', 'email', 'profile'],
  }))

  app.get('/jwks', async () => ({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] }))

  app.get('/authorize', async (request, reply) => {
    const query = new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1))
    authorizeRequests.push(query)
    const redirectUri = query.get('redirect_uri')
    if (query.get('client_id') !== clientId || redirectUri !== options.redirectUri) return reply.status(400).send({ error: 'invalid_request' })
    const back = new URL(redirectUri)
    const state = query.get('state')
    if (state) back.searchParams.set('state', state)
    const challenge = query.get('code_challenge')
    if (query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256' || !challenge || !query.get('scope')?.split(' ').includes('openid')) {
      back.searchParams.set('error', 'invalid_request')
      return reply.redirect(back.href)
    }
    if (!next) {
      back.searchParams.set('error', 'access_denied')
      return reply.redirect(back.href)
    }
    const code = randomBytes(16).toString('base64url')
    codes.set(code, { identity: next, nonce: query.get('nonce') ?? undefined, challenge, redirectUri, authTime: Math.floor(Date.now() / 1000) })
    back.searchParams.set('code', code)
    return reply.redirect(back.href)
  })

  app.post('/token', async (request, reply) => {
    const form = new URLSearchParams(request.body as Record<string, string>)
    tokenRequests.push(form)
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent)
      : [form.get('client_id'), form.get('client_secret')]
    const secretOk = typeof secret === 'string' && secret.length === clientSecret.length && timingSafeEqual(Buffer.from(secret), Buffer.from(clientSecret))
    if (id !== clientId || !secretOk) return reply.status(401).send({ error: 'invalid_client' })
    const code = form.get('code') ?? ''
    const grant = codes.get(code)
    codes.delete(code) // a code works once
    if (form.get('grant_type') !== 'authorization_code' || !grant || form.get('redirect_uri') !== grant.redirectUri) return reply.status(400).send({ error: 'invalid_grant' })
    const verifier = form.get('code_verifier') ?? ''
    if (base64url(createHash('sha256').update(verifier).digest()) !== grant.challenge) return reply.status(400).send({ error: 'invalid_grant', error_description: 'PKCE check failed' })
    const now = Math.floor(Date.now() / 1000)
    const idToken = sign({
      iss: issuer,
      sub: grant.identity.sub,
      aud: clientId,
      iat: now,
      exp: now + 300,
      auth_time: grant.authTime,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
      ...grant.identity.claims,
    })
    return { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: idToken }
  })

  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('the test provider has no port')
  issuer = `http://127.0.0.1:${address.port}`

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: options.redirectUri,
    signInAs(identity) {
      next = identity
    },
    authorizeRequests,
    tokenRequests,
    close: () => app.close(),
  }
}
