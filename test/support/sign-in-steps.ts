import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { totp } from '../../src/platform/auth/totp.ts'
import { csrfFrom, formBody, mergeCookies, PASSWORD, type Browser } from './test-app.ts'

const form = { 'content-type': 'application/x-www-form-urlencoded' }

/** The password step through the real form; the response and the browser's cookies after it. */
export async function passwordStep(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
  options: { returnTo?: string; remoteAddress?: string; cookie?: string } = {},
): Promise<{ response: LightMyRequestResponse; cookie: string }> {
  const page = await app.inject({ method: 'GET', url: '/sign-in', headers: options.cookie ? { cookie: options.cookie } : {} })
  const cookie = mergeCookies(options.cookie ?? '', page)
  const response = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { ...form, cookie },
    payload: formBody({ email, password, _csrf: csrfFrom(page.body), returnTo: options.returnTo }),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  })
  return { response, cookie: mergeCookies(cookie, response) }
}

/** The code step on a pending sign-in: fetch the form (for its CSRF token) and send the code. */
export async function codeStep(
  app: FastifyInstance,
  cookie: string,
  code: string,
  options: { returnTo?: string; remoteAddress?: string } = {},
): Promise<{ response: LightMyRequestResponse; cookie: string }> {
  const page = await app.inject({ method: 'GET', url: '/sign-in/code', headers: { cookie } })
  if (page.statusCode !== 200) throw new Error(`no code form: ${page.statusCode} ${String(page.headers.location)}`)
  const response = await app.inject({
    method: 'POST',
    url: '/sign-in/code',
    headers: { ...form, cookie },
    payload: formBody({ code, _csrf: csrfFrom(page.body), returnTo: options.returnTo }),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  })
  return { response, cookie: mergeCookies(cookie, response) }
}

/** A signed-in browser turns on multi-factor sign-in through the enrolment page; returns the secret and the recovery codes. */
export async function enrolThroughPages(app: FastifyInstance, browser: Browser, at = new Date()): Promise<{ secret: string; recoveryCodes: string[] }> {
  const page = await app.inject({ method: 'GET', url: '/account/security', headers: { cookie: browser.cookie } })
  const secret = /id="secret-key"><code>([A-Z2-7 ]+)<\/code>/.exec(page.body)?.[1]?.replace(/ /g, '')
  if (!secret) throw new Error('no secret on the enrolment page')
  const response = await app.inject({
    method: 'POST',
    url: '/account/security',
    headers: { ...form, cookie: browser.cookie },
    payload: formBody({ code: totp(secret, at), _csrf: browser.csrf }),
  })
  const recoveryCodes = [...response.body.matchAll(/<li><code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})<\/code><\/li>/g)].map(m => m[1]!)
  if (recoveryCodes.length !== 10) throw new Error(`enrolment failed: ${response.statusCode}`)
  return { secret, recoveryCodes }
}
