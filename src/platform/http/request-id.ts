import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const acceptable = /^[A-Za-z0-9._:-]{8,128}$/

/** Take a caller's X-Request-Id when it is sane (so a partner can trace a call end to end), else make one. */
export function requestIdFrom(request: IncomingMessage): string {
  const given = request.headers['x-request-id']
  return typeof given === 'string' && acceptable.test(given) ? given : randomUUID()
}
