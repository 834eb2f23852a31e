export { PeopleService, SEARCH_LIMIT, type PeopleImport } from './people.service.ts'
export {
  PeopleRepository,
  type NewPersonRow,
  type NewSourceRecordRow,
  type NewHouseholdRow,
  type NewHouseholdMemberRow,
  type NewRelationshipRow,
} from './people.repository.ts'
export { PersonKind, Sex, RelationshipType, type Person, type ChildRecord, type SearchResult } from './person.schema.ts'
export { isValidNhsNumber, nhsDigits, formatNhsNumber } from './nhs-number.ts'
export { childRoutes, type ChildRouteDeps } from './child.routes.ts'
export { breakGlassRoutes } from './break-glass.routes.ts'
export { ChildRecordService, type ChildRecordView, type Contact } from './child-record.service.ts'
export { childApi, StatusQuery, StatusResponse } from './child.api.ts'
