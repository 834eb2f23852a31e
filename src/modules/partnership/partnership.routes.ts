import type { FastifyInstance } from 'fastify'
import { barChart } from '../../platform/views/bar-chart.ts'
import type { PartnershipService } from './partnership.service.ts'

const monthName = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** The partnership's figures for analysts and managers: charts with the same numbers in tables. */
export function partnershipRoutes(app: FastifyInstance, deps: { partnership: PartnershipService }): void {
  app.get('/partnership', { config: { access: 'aggregate:view' } }, async (request, reply) => {
    const figures = await deps.partnership.figures(request.actor!)
    const top = figures.byAgency.slice(0, 15)
    return reply.page('modules/partnership/views/partnership.njk', {
      figures,
      agencyChart: barChart({
        title: 'Entries recorded by each agency over the last 12 months',
        bars: top.map(a => ({ label: a.agency.length > 34 ? `${a.agency.slice(0, 33)}…` : a.agency, value: a.total.value, display: a.total.display })),
      }),
      monthChart: barChart({
        title: 'Entries recorded by all agencies, month by month',
        bars: figures.byMonth.map(m => ({ label: monthName(m.month), value: m.total.value, display: m.total.display })),
      }),
      months: figures.byMonth.map(m => ({ ...m, name: monthName(m.month) })),
    })
  })
}
