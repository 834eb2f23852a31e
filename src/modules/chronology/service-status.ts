import type { ServiceStatus } from './event.schema.ts'

type StatusEvent = { type: string; occurredOn: string; details: unknown }

const detail = (details: unknown, key: string): string | undefined => {
  const value = (details as Record<string, unknown> | null)?.[key]
  return typeof value === 'string' ? value : undefined
}

/**
 * Fold a child's case and plan events (oldest first) into their status now: an open case and its service, a
 * child protection plan, looked after. A conference that ends a plan ends it as `plan.ended` does.
 */
export function serviceStatus(events: readonly StatusEvent[]): ServiceStatus {
  const status: ServiceStatus = {
    hasOpenCase: false,
    openService: undefined,
    hasChildProtectionPlan: false,
    planCategory: undefined,
    isLookedAfter: false,
    lastChange: undefined,
  }
  for (const e of events) {
    switch (e.type) {
      case 'case.opened': {
        const service = detail(e.details, 'service') ?? 'child-in-need'
        status.hasOpenCase = true
        status.openService = service
        if (service === 'looked-after') status.isLookedAfter = true
        break
      }
      case 'case.closed':
        status.hasOpenCase = false
        status.openService = undefined
        status.isLookedAfter = false
        status.hasChildProtectionPlan = false
        status.planCategory = undefined
        break
      case 'plan.started':
        status.hasChildProtectionPlan = true
        status.planCategory = detail(e.details, 'category')
        break
      case 'plan.ended':
        status.hasChildProtectionPlan = false
        status.planCategory = undefined
        break
      case 'conference.held': {
        const outcome = detail(e.details, 'outcome')
        if (outcome === 'plan') status.hasChildProtectionPlan = true
        if (outcome === 'plan-ended') {
          status.hasChildProtectionPlan = false
          status.planCategory = undefined
        }
        break
      }
      default:
        continue
    }
    status.lastChange = e.occurredOn
  }
  return status
}

export function isKnownToServices(status: ServiceStatus): boolean {
  return status.hasOpenCase || status.hasChildProtectionPlan || status.isLookedAfter
}
