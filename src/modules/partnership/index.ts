export { PartnershipService, SUPPRESS_BELOW, suppress, type PartnershipFigures } from './partnership.service.ts'
export { partnershipRoutes } from './partnership.routes.ts'
