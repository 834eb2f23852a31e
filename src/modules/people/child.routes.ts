import type { FastifyInstance } from 'fastify'
import { parseForm } from '../../platform/forms/index.ts'
import type { AgencyService } from '../agencies/index.ts'
import { ChronologyOrder, lawfulBasisLabels, type ChronologyService } from '../chronology/index.ts'
import { childSearchForm } from './child-search.forms.ts'
import { formatNhsNumber, isValidNhsNumber } from './nhs-number.ts'
import { SEARCH_LIMIT, type PeopleService } from './people.service.ts'

export type ChildRouteDeps = { people: PeopleService; chronology: ChronologyService; agencies: AgencyService }

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

/** Find a child, and a child's summary. Names travel in POST bodies, never in URLs or logs. */
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

  app.get('/children/:personId', { config: { access: 'child:view' } }, async (request, reply) => {
    const { personId } = request.params as { personId: string }
    const query = request.query as Record<string, unknown>
    const order = ChronologyOrder.catch('newest').parse(query.order)
    const record = await deps.people.getChildRecord(request.actor!, personId, { requestId: request.id })
    const [events, agencies] = await Promise.all([deps.chronology.listForPerson(request.actor!, personId, order), deps.agencies.byId()])
    const agencyName = (id: string) => agencies.get(id)?.name ?? 'Unknown agency'
    return reply.page('modules/people/views/child-summary.njk', {
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
      events: events.map(e => ({ ...e, agencyName: agencyName(e.agencyId), lawfulBasisLabel: lawfulBasisLabels[e.lawfulBasis] })),
      order,
    })
  })
}
