import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'

/**
 * Security headers on every response, with a fresh CSP nonce per request for the one inline script the GOV.UK
 * template writes. Pages are never cached: they hold children's records.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.decorateRequest('cspNonce', '')
  app.addHook('onRequest', async request => {
    request.cspNonce = randomBytes(16).toString('base64')
  })
  app.addHook('onSend', async (request, reply, payload) => {
    const nonce = request.cspNonce
    reply.header(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    )
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('X-Frame-Options', 'DENY')
    reply.header('Referrer-Policy', 'no-referrer')
    reply.header('Cross-Origin-Opener-Policy', 'same-origin')
    reply.header('Cross-Origin-Resource-Policy', 'same-origin')
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()')
    if (options.hsts) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    if (!request.url.startsWith('/assets/')) {
      reply.header('Cache-Control', 'no-store')
    }
    return payload
  })
}
