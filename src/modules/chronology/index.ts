export { ChronologyService, CHRONOLOGY_PAGE, canReadEntry, viewFor, type EventImport } from './chronology.service.ts'
export { ChronologyRepository, type NewEventRow, type NewEventSubjectRow } from './chronology.repository.ts'
export {
  EventType,
  LawfulBasis,
  lawfulBasisLabels,
  ChronologyOrder,
  type ChronologyEntry,
  type ChronologyFilter,
  type ChronologyView,
  type Disclosure,
  type ServiceStatus,
} from './event.schema.ts'
export { serviceStatus, isKnownToServices } from './service-status.ts'
export { detailSchemas, parseEventDetails, personRefFields, type EventDetails } from './event-details.schema.ts'
