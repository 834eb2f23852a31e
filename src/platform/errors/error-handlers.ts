import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { AppError, NotFoundError, ValidationError, type FieldIssue } from './app-error.ts'

type Rendered = { status: number; code: string; title: string; detail: string; issues?: FieldIssue[] }

const pageText: Record<number, { title: string; paragraphs: string[] }> = {
  400: { title: 'There is a problem with your request', paragraphs: ['Go back and check what you entered, then try again.'] },
  401: { title: 'You need to sign in', paragraphs: ['Sign in to use this service.'] },
  403: {
    title: 'You do not have permission to see this page',
    paragraphs: ['If you think you should have access, contact your team manager or your agency’s Sightline administrator.'],
  },
  404: {
    title: 'Page not found',
    paragraphs: ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.'],
  },
  413: { title: 'What you sent is too large', paragraphs: ['Go back and send less at a time.'] },
  503: { title: 'Sorry, the service is unavailable', paragraphs: ['Try again later.'] },
  500: {
    title: 'Sorry, there is a problem with the service',
    paragraphs: ['Try again later. What you were doing has not been saved unless you saw a confirmation.'],
  },
}

function classify(error: unknown): Rendered {
  if (error instanceof AppError) {
    return { status: error.status, code: error.code, title: error.title, detail: error.message, ...(error instanceof ValidationError ? { issues: error.issues } : {}) }
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map(i => ({ field: i.path.join('.') || 'body', message: i.message }))
    return { status: 400, code: 'validation', title: 'There is a problem', detail: 'The request is not valid', issues }
  }
  const fastifyError = error as FastifyError
  const status = fastifyError.statusCode
  if (status && status >= 400 && status < 500) {
    return { status, code: fastifyError.code ?? 'bad-request', title: 'There is a problem', detail: fastifyError.message }
  }
  return { status: 500, code: 'internal', title: 'Internal error', detail: 'Something went wrong on our side' }
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/')
}

function send(request: FastifyRequest, reply: FastifyReply, rendered: Rendered) {
  if (isApi(request)) {
    return reply
      .status(rendered.status)
      .type('application/problem+json')
      .send({
        type: `urn:sightline:problem:${rendered.code}`,
        title: rendered.title,
        status: rendered.status,
        detail: rendered.detail,
        instance: request.id,
        ...(rendered.issues ? { errors: rendered.issues } : {}),
      })
  }
  const text = pageText[rendered.status] ?? pageText[rendered.status >= 500 ? 500 : 400]!
  const paragraphs = rendered.code === 'csrf' ? [rendered.detail] : text.paragraphs
  const title = rendered.code === 'csrf' ? 'Your form could not be sent' : text.title
  return reply.status(rendered.status).page('pages/error.njk', {
    pageTitle: title,
    paragraphs,
    requestId: rendered.status >= 500 ? request.id : undefined,
  })
}

/** One error family, two renderings: GOV.UK pages for people, problem+json (RFC 9457) for partner systems. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const rendered = classify(error)
    if (rendered.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: rendered.code, status: rendered.status }, 'request refused')
    return send(request, reply, rendered)
  })
  app.setNotFoundHandler((request, reply) => send(request, reply, classify(new NotFoundError('Page'))))
}
