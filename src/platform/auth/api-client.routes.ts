import type { FastifyInstance } from 'fastify'
import type { ApiScope } from '../access/index.ts'
import { parseForm } from '../forms/index.ts'
import { ApiClientForm } from './auth.forms.ts'
import type { ApiClientService } from './api-client.service.ts'
import { requireRecentAuthentication } from './recent-authentication.ts'

/** Issuing or revoking a partner system's credentials needs a password checked within this many minutes. */
const RECENT_MINUTES = 15

const scopeLabels: Record<ApiScope, string> = {
  'concerns:write': 'Raise concerns about children',
  'events:write': 'Send events for children’s chronologies',
  'status:read': 'Ask whether a child is known to services',
}
const scopes = Object.entries(scopeLabels).map(([value, text]) => ({ value, text }))

const views = {
  list: 'platform/auth/views/api-clients.njk',
  new: 'platform/auth/views/api-client-new.njk',
  client: 'platform/auth/views/api-client.njk',
  revoke: 'platform/auth/views/api-client-revoke.njk',
  token: 'platform/auth/views/api-client-token.njk',
}

/**
 * Administrators manage partner systems' API clients: list, add (the token is shown once), rotate the token
 * (the old one works for a grace period) and revoke. These pages show agencies and clients, never a child.
 */
export function apiClientRoutes(app: FastifyInstance, deps: { apiClients: ApiClientService }): void {
  const { apiClients } = deps
  const access = { access: 'admin:manage' as const }

  app.get('/admin/api-clients', { config: access }, async (request, reply) => {
    return reply.page(views.list, { clients: await apiClients.listClients(request.actor!) })
  })

  app.get('/admin/api-clients/new', { config: access }, async (request, reply) => {
    if (!requireRecentAuthentication(request, reply, RECENT_MINUTES)) return reply
    return reply.page(views.new, { agencies: await apiClients.listAgencies(request.actor!), scopes, values: { ratePerMinute: '60', scopes: [] } })
  })

  app.post('/admin/api-clients', { config: access }, async (request, reply) => {
    if (!requireRecentAuthentication(request, reply, RECENT_MINUTES, { returnTo: '/admin/api-clients/new' })) return reply
    const actor = request.actor!
    const body = (request.body ?? {}) as Record<string, unknown>
    const values = { ...body, scopes: [body.scopes ?? []].flat() }
    const form = parseForm(ApiClientForm, request.body)
    if (!form.ok) return reply.status(400).page(views.new, { agencies: await apiClients.listAgencies(actor), scopes, values, ...form })
    const issued = await apiClients.createClient(actor, form.data, request.id)
    request.log.info({ apiClientId: issued.clientId }, 'API client created')
    const client = await apiClients.getClient(actor, issued.clientId)
    return reply.page(views.token, { heading: 'API client added', client, token: issued.token })
  })

  app.get('/admin/api-clients/:clientId', { config: access }, async (request, reply) => {
    const { clientId } = request.params as { clientId: string }
    const revoked = (request.query as Record<string, unknown>).revoked === '1'
    return reply.page(views.client, { client: await apiClients.getClient(request.actor!, clientId), graceHours: apiClients.rotationGraceHours, revoked })
  })

  app.post('/admin/api-clients/:clientId/rotate', { config: access }, async (request, reply) => {
    const { clientId } = request.params as { clientId: string }
    if (!requireRecentAuthentication(request, reply, RECENT_MINUTES, { returnTo: `/admin/api-clients/${encodeURIComponent(clientId)}` })) return reply
    const actor = request.actor!
    const issued = await apiClients.rotateToken(actor, clientId, request.id)
    request.log.info({ apiClientId: clientId }, 'API client token rotated')
    const client = await apiClients.getClient(actor, clientId)
    return reply.page(views.token, { heading: 'New token issued', client, token: issued.token, previousTokensEndAt: issued.previousTokensEndAt })
  })

  app.get('/admin/api-clients/:clientId/revoke', { config: access }, async (request, reply) => {
    const { clientId } = request.params as { clientId: string }
    const client = await apiClients.getClient(request.actor!, clientId)
    if (client.revokedAt) return reply.redirect(`/admin/api-clients/${client.id}`)
    return reply.page(views.revoke, { client })
  })

  app.post('/admin/api-clients/:clientId/revoke', { config: access }, async (request, reply) => {
    const { clientId } = request.params as { clientId: string }
    if (!requireRecentAuthentication(request, reply, RECENT_MINUTES, { returnTo: `/admin/api-clients/${encodeURIComponent(clientId)}/revoke` })) return reply
    await apiClients.revokeClient(request.actor!, clientId, request.id)
    request.log.info({ apiClientId: clientId }, 'API client revoked')
    return reply.redirect(`/admin/api-clients/${encodeURIComponent(clientId)}?revoked=1`, 303)
  })
}
