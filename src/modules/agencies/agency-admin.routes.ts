import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type * as z from 'zod'
import { defaultRoles } from '../../platform/access/index.ts'
import { ConflictError } from '../../platform/errors/index.ts'
import { parseForm } from '../../platform/forms/index.ts'
import { NewAgencyForm, NewPractitionerForm, NewTeamForm } from './agency-admin.forms.ts'
import type { AgencyAdminService } from './agency-admin.service.ts'
import { AgencyKind } from './agency.schema.ts'

type Deps = { admin: AgencyAdminService }

const access = { config: { access: 'admin:manage' as const } }

/** Administration of the partnership's agencies, teams and practitioners. */
export function agencyAdminRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/admin', access, async (request, reply) => {
    const overview = await deps.admin.overview(request.actor!)
    const agencyName = new Map(overview.agencies.map(a => [a.id, a.name]))
    const teamName = new Map(overview.teams.map(t => [t.id, t.name]))
    return reply.page('modules/agencies/views/admin.njk', {
      ...overview,
      teams: overview.teams.map(t => ({ ...t, agency: agencyName.get(t.agencyId) })),
      practitioners: overview.practitioners.map(p => ({ ...p, agency: agencyName.get(p.agencyId), team: p.teamId ? teamName.get(p.teamId) : '' })),
      added: (request.query as Record<string, string>).added,
    })
  })

  const form = (page: string, schema: z.ZodType, save: (request: FastifyRequest, data: never) => Promise<void>) => {
    const render = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown>) => {
      const overview = await deps.admin.overview(request.actor!)
      return reply.page(`modules/agencies/views/${page}.njk`, {
        agencies: overview.agencies,
        teams: overview.teams,
        kinds: AgencyKind.options,
        roles: defaultRoles,
        ...extra,
      })
    }
    app.get(`/admin/${page}`, access, async (request, reply) => render(request, reply, { values: {} }))
    app.post(`/admin/${page}`, access, async (request, reply) => {
      const values = (request.body ?? {}) as Record<string, unknown>
      const parsed = parseForm(schema, values)
      if (!parsed.ok) return render(request, reply.status(400), { values, ...parsed })
      try {
        await save(request, parsed.data as never)
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error
        const field = page === 'practitioners/new' ? 'email' : 'code'
        return render(request, reply.status(400), { values, errors: { [field]: { text: error.message } }, errorList: [{ text: error.message, href: `#${field}` }] })
      }
      return reply.redirect(`/admin?added=${page.split('/')[0]}`, 303)
    })
  }

  form('agencies/new', NewAgencyForm, (request, data: z.infer<typeof NewAgencyForm>) => deps.admin.addAgency(request.actor!, data, { requestId: request.id }))
  form('teams/new', NewTeamForm, (request, data: z.infer<typeof NewTeamForm>) => deps.admin.addTeam(request.actor!, data, { requestId: request.id }))
  form('practitioners/new', NewPractitionerForm, (request, data: z.infer<typeof NewPractitionerForm>) =>
    deps.admin.addPractitioner(request.actor!, data, { requestId: request.id }),
  )
}
