export { ChronologyService, CHRONOLOGY_PAGE, type EventImport } from './chronology.service.ts'
export { ChronologyRepository, type NewEventRow, type NewEventSubjectRow } from './chronology.repository.ts'
export { EventType, LawfulBasis, lawfulBasisLabels, ChronologyOrder, type ChronologyEntry } from './event.schema.ts'
