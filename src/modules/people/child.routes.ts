import type { FastifyInstance } from 'fastify'
import * as z from 'zod'
import { parseForm } from '../../platform/forms/index.ts'
import type { AgencyService } from '../agencies/index.ts'
import { ChronologyOrder, EventType, lawfulBasisLabels } from '../chronology/index.ts'
import { ChronologyFilterForm } from './chronology-filter.forms.ts'
import type { ChildRecordService } from './child-record.service.ts'
import { childSearchForm } from './child-search.forms.ts'
import { formatNhsNumber, isValidNhsNumber } from './nhs-number.ts'
import { SEARCH_LIMIT, type PeopleService } from './people.service.ts'

export type ChildRouteDeps = { people: PeopleService; childRecords: ChildRecordService; agencies: AgencyService }

const relationshipLabels: Record<string, string> = {
  self: 'This child',
  parent: 'Parent',
  'step-parent': 'Step-parent',
  'mother-partner': 'Mother’s partner',
  'father-partner': 'Father’s partner',
  sibling: 'Sibling',
  grandparent: 'Grandparent',
  relative: 'Relative',
  'household-member': 'Lives in the household',
  carer: 'Carer',
  associate: 'Associate',
}

const viewerActions: Record<string, string> = {
  'child.viewed': 'Opened the record',
  'child.status-viewed': 'Saw “known to services”',
  'child.break-glass': 'Broke glass',
  'break-glass.viewed': 'Reviewed a break-glass access',
  'break-glass.reviewed': 'Recorded a break-glass review',
}

const BreakGlassForm = z.object({
  reason: z
    .string({ error: 'Explain why you need to see this record now' })
    .trim()
    .min(1, 'Explain why you need to see this record now')
    .min(10, 'Explain why you need to see this record now (at least 10 characters)')
    .max(1000, 'Reason must be 1000 characters or fewer'),
})

/** Find a child, a child's record (full or "known to services"), and break glass. Names travel in POST bodies. */
export function childRoutes(app: FastifyInstance, deps: ChildRouteDeps): void {
  app.get('/children', { config: { access: 'child:search' } }, async (_request, reply) =>
    reply.page('modules/people/views/find-a-child.njk', { values: {} }),
  )

  app.post('/children', { config: { access: 'child:search' } }, async (request, reply) => {
    const values = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(childSearchForm(), values)
    if (!form.ok) return reply.status(400).page('modules/people/views/find-a-child.njk', { values, ...form })
    const results = await deps.people.searchChildren(request.actor!, form.data, { requestId: request.id })
    return reply.page('modules/people/views/find-a-child.njk', {
      values,
      searched: true,
      results: results.slice(0, SEARCH_LIMIT).map(r => ({ ...r, nhsNumber: r.nhsNumber ? formatNhsNumber(r.nhsNumber) : null })),
      hasMore: results.length > SEARCH_LIMIT,
    })
  })

  app.get('/children/:personId', { config: { access: 'child:search' } }, async (request, reply) => {
    const { personId } = request.params as { personId: string }
    const query = request.query as Record<string, string>
    const order = ChronologyOrder.catch('newest').parse(query.order)
    const filterForm = parseForm(ChronologyFilterForm, query)
    const filter = filterForm.ok ? filterForm.data : {}
    const view = await deps.childRecords.open(request.actor!, personId, { requestId: request.id }, order, filter)
    if (view.level === 'known-to-services') {
      return reply.page('modules/people/views/child-known-to-services.njk', { view, canBreakGlass: request.actor!.permissions.has('child:view') })
    }
    const agencies = await deps.agencies.byId()
    const agencyName = (id: string | null) => (id ? (agencies.get(id)?.name ?? 'Unknown agency') : 'Unknown agency')
    const { record } = view
    const recorders = new Map(
      (await deps.agencies.findPractitioners([...new Set(view.entries.flatMap(e => (!e.isRestricted && e.practitionerId ? [e.practitionerId] : [])))])).map(p => [
        p.id,
        `${p.givenName} ${p.familyName}, ${p.jobTitle}`,
      ]),
    )
    const isFiltered = Boolean(filter.agencyId || filter.type || filter.from || filter.to || filter.significantOnly)
    const viewerAccounts = [...new Set((view.viewers ?? []).flatMap(v => (v.actorAccountId ? [v.actorAccountId] : [])))]
    const viewerNames = new Map(
      (await deps.agencies.findPractitionersByAccounts(viewerAccounts)).map(p => [p.accountId, `${p.givenName} ${p.familyName}, ${p.jobTitle}`]),
    )
    return reply.page('modules/people/views/child-summary.njk', {
      view,
      record,
      nhsNumber: record.person.nhsNumber ? formatNhsNumber(record.person.nhsNumber) : null,
      sourceRecords: record.sourceRecords.map(s => ({
        ...s,
        agencyName: agencyName(s.agencyId),
        nhsNumber: s.nhsNumber ? formatNhsNumber(s.nhsNumber) : null,
        nhsNumberValid: s.nhsNumber ? isValidNhsNumber(s.nhsNumber) : true,
      })),
      members: (record.household?.members ?? []).map(m => ({ ...m, relationshipLabel: relationshipLabels[m.relationship ?? ''] ?? 'Lives in the household' })),
      relationships: record.relationships.map(r => ({ ...r, label: relationshipLabels[r.type] ?? r.type })),
      events: view.entries.map(e => ({
        ...e,
        agencyName: agencyName(e.agencyId),
        recordedBy: !e.isRestricted && e.practitionerId ? recorders.get(e.practitionerId) : undefined,
        lawfulBasisLabel: e.isRestricted ? '' : lawfulBasisLabels[e.lawfulBasis],
      })),
      filterValues: query,
      orderHref: (wanted: string) => `?${new URLSearchParams({ ...query, order: wanted }).toString()}#events`,
      isFiltered,
      filterErrors: filterForm.ok ? undefined : filterForm,
      agencyOptions: [...agencies.values()].sort((a, b) => a.name.localeCompare(b.name)).map(a => ({ value: a.id, text: a.name })),
      typeOptions: EventType.options.map(t => ({ value: t, text: t })),
      disclosures: view.disclosures.map(d => ({
        ...d,
        fromAgency: agencyName(d.fromAgencyId),
        toAgency: agencyName(d.toAgencyId),
        lawfulBasisLabel: lawfulBasisLabels[d.lawfulBasis],
      })),
      viewers: view.viewers?.map(v => ({
        ...v,
        who: (v.actorAccountId && viewerNames.get(v.actorAccountId)) ?? 'A partner system or an account without a practitioner',
        agency: agencyName(v.actorAgencyId),
        what: viewerActions[v.action] ?? v.action,
      })),
      order,
    })
  })

  app.get('/children/:personId/break-glass', { config: { access: 'child:view' } }, async (request, reply) => {
    const { personId } = request.params as { personId: string }
    const view = await deps.childRecords.open(request.actor!, personId, { requestId: request.id })
    if (view.level === 'full') return reply.redirect(`/children/${personId}`)
    if (deps.childRecords.needsReauthentication(request.actor!)) {
      return reply.redirect(`/re-authenticate?returnTo=${encodeURIComponent(`/children/${personId}/break-glass`)}`)
    }
    return reply.page('modules/people/views/break-glass.njk', { view, values: {} })
  })

  app.post('/children/:personId/break-glass', { config: { access: 'child:view' } }, async (request, reply) => {
    const { personId } = request.params as { personId: string }
    const values = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(BreakGlassForm, values)
    if (!form.ok) {
      const view = await deps.childRecords.open(request.actor!, personId, { requestId: request.id })
      return reply.status(400).page('modules/people/views/break-glass.njk', { view, values, ...form })
    }
    if (deps.childRecords.needsReauthentication(request.actor!)) {
      return reply.redirect(`/re-authenticate?returnTo=${encodeURIComponent(`/children/${personId}/break-glass`)}`, 303)
    }
    await deps.childRecords.breakGlass(request.actor!, personId, form.data.reason, { requestId: request.id })
    return reply.redirect(`/children/${personId}`, 303)
  })
}
