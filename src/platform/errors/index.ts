export {
  AppError,
  NotFoundError,
  UnauthorisedError,
  ForbiddenError,
  CsrfError,
  ConflictError,
  ValidationError,
  ServiceUnavailableError,
  type FieldIssue,
} from './app-error.ts'
export { registerErrorHandlers } from './error-handlers.ts'
