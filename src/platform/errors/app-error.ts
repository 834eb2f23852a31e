/** One family of errors, rendered as GOV.UK pages for people and problem+json for partner systems. */
export abstract class AppError extends Error {
  abstract readonly status: number
  abstract readonly code: string
  /** A title safe to show to anyone. */
  abstract readonly title: string
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
  }
}

export class NotFoundError extends AppError {
  readonly status = 404
  readonly code = 'not-found'
  readonly title = 'Page not found'
  constructor(what = 'Resource', options?: ErrorOptions) {
    super(`${what} not found`, options)
  }
}

export class UnauthorisedError extends AppError {
  readonly status = 401
  readonly code = 'unauthorised'
  readonly title = 'Sign in required'
  constructor(message = 'You need to sign in to see this page', options?: ErrorOptions) {
    super(message, options)
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403
  readonly code = 'forbidden'
  readonly title = 'You do not have permission to do this'
  constructor(message = 'You do not have permission to do this', options?: ErrorOptions) {
    super(message, options)
  }
}

export class CsrfError extends AppError {
  readonly status = 403
  readonly code = 'csrf'
  readonly title = 'Your form could not be sent'
  constructor(options?: ErrorOptions) {
    super('The form had expired or did not come from this service. Go back, reload the page and try again.', options)
  }
}

export class ConflictError extends AppError {
  readonly status = 409
  readonly code = 'conflict'
  readonly title = 'Conflict'
}

export type FieldIssue = { field: string; message: string }

export class ValidationError extends AppError {
  readonly status = 400
  readonly code = 'validation'
  readonly title = 'There is a problem'
  readonly issues: FieldIssue[]
  constructor(issues: FieldIssue[], options?: ErrorOptions) {
    super(issues.map(i => `${i.field}: ${i.message}`).join('; ') || 'Invalid input', options)
    this.issues = issues
  }
}

export class ServiceUnavailableError extends AppError {
  readonly status = 503
  readonly code = 'unavailable'
  readonly title = 'Sorry, the service is unavailable'
}
