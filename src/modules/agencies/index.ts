export { AgencyService, type PartnershipImport } from './agency.service.ts'
export { AgencyRepository, type NewAgencyRow, type NewTeamRow, type NewPractitionerRow } from './agency.repository.ts'
export { AgencyKind, Agency, Team, Practitioner } from './agency.schema.ts'
