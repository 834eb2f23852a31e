import { requirePermission, type Actor } from '../../platform/access/index.ts'
import type { AgencyService } from '../agencies/index.ts'
import type { ChronologyService } from '../chronology/index.ts'

/** Counts below this are shown as "fewer than 5", so that no small group of children can be singled out. */
export const SUPPRESS_BELOW = 5

export type Figure = { value: number; display: string }

export const suppress = (value: number): Figure => ({
  value: value > 0 && value < SUPPRESS_BELOW ? 0 : value,
  display: value > 0 && value < SUPPRESS_BELOW ? `fewer than ${SUPPRESS_BELOW}` : value.toLocaleString('en-GB'),
})

export type PartnershipFigures = {
  since: string
  statuses: { openCases: Figure; plans: Figure; lookedAfter: Figure }
  byAgency: { agency: string; kind: string; total: Figure }[]
  byMonth: { month: string; total: Figure }[]
}

/** What a partnership analyst sees: aggregates only, never a child's identity, small numbers suppressed. */
export class PartnershipService {
  private readonly chronology: ChronologyService
  private readonly agencies: AgencyService
  private readonly now: () => Date

  constructor(deps: { chronology: ChronologyService; agencies: AgencyService; now?: () => Date }) {
    this.chronology = deps.chronology
    this.agencies = deps.agencies
    this.now = deps.now ?? (() => new Date())
  }

  async figures(actor: Actor, months = 12): Promise<PartnershipFigures> {
    requirePermission(actor, 'aggregate:view')
    const today = this.now()
    const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (months - 1), 1))
    const since = start.toISOString().slice(0, 10)
    const [{ byAgencyAndMonth, statuses }, agencies] = await Promise.all([this.chronology.partnershipFigures(actor, since), this.agencies.byId()])
    const perAgency = new Map<string, number>()
    const perMonth = new Map<string, number>()
    for (const row of byAgencyAndMonth) {
      perAgency.set(row.agencyId, (perAgency.get(row.agencyId) ?? 0) + row.count)
      perMonth.set(row.month, (perMonth.get(row.month) ?? 0) + row.count)
    }
    const monthsList: string[] = []
    for (let i = 0; i < months; i++) {
      const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1))
      monthsList.push(d.toISOString().slice(0, 7))
    }
    return {
      since,
      statuses: { openCases: suppress(statuses.openCases), plans: suppress(statuses.plans), lookedAfter: suppress(statuses.lookedAfter) },
      byAgency: [...perAgency]
        .map(([id, total]) => ({ agency: agencies.get(id)?.name ?? 'Unknown agency', kind: agencies.get(id)?.kind ?? 'other', total: suppress(total) }))
        .sort((a, b) => b.total.value - a.total.value || a.agency.localeCompare(b.agency)),
      byMonth: monthsList.map(month => ({ month, total: suppress(perMonth.get(month) ?? 0) })),
    }
  }
}
