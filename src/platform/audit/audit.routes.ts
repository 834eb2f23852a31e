import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { parseForm } from '../forms/index.ts'
import { AuditSearchForm } from './audit.forms.ts'
import type { AuditSearchService } from './audit-search.service.ts'

export type AuditRouteDeps = {
  auditSearch: AuditSearchService
  /** The partnership's agencies, for the filter and for labelling rows. */
  listAgencies: () => Promise<{ id: string; name: string }[]>
}

/** The auditor's pages: search the audit trail and export it as CSV. Filters travel in the query string. */
export function auditRoutes(app: FastifyInstance, deps: AuditRouteDeps): void {
  app.get('/audit', { config: { access: 'audit:view' } }, async (request, reply) => {
    const values = request.query as Record<string, string>
    const agencies = await deps.listAgencies()
    const searched = Object.keys(values).length > 0
    if (!searched) return reply.page('platform/audit/views/audit-search.njk', { values, agencies })
    const form = parseForm(AuditSearchForm, values)
    if (!form.ok) return reply.status(400).page('platform/audit/views/audit-search.njk', { values, agencies, ...form })
    const { rows, nextBefore } = await deps.auditSearch.find(request.actor!, form.data, { requestId: request.id })
    const agencyName = new Map(agencies.map(a => [a.id, a.name]))
    const query = new URLSearchParams(Object.entries(values).filter(([k, v]) => k !== 'before' && v !== '')).toString()
    return reply.page('platform/audit/views/audit-search.njk', {
      values,
      agencies,
      searched,
      rows: rows.map(r => ({ ...r, agency: r.actorAgencyId ? (agencyName.get(r.actorAgencyId) ?? r.actorAgencyId) : '' })),
      nextHref: nextBefore ? `/audit?${query}&before=${nextBefore}` : undefined,
      exportHref: `/audit/export.csv?${query}`,
    })
  })

  app.get('/audit/export.csv', { config: { access: 'audit:view' } }, async (request, reply) => {
    const form = parseForm(AuditSearchForm, request.query)
    if (!form.ok) {
      const agencies = await deps.listAgencies()
      return reply.status(400).page('platform/audit/views/audit-search.njk', { values: request.query, agencies, ...form })
    }
    const stamp = new Date().toISOString().slice(0, 10)
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="sightline-audit-${stamp}.csv"`)
    return reply.send(Readable.from(deps.auditSearch.exportCsv(request.actor!, form.data, { requestId: request.id })))
  })
}
