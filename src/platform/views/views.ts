import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance, FastifyReply } from 'fastify'
import nunjucks from 'nunjucks'

const require = createRequire(import.meta.url)
const srcRoot = fileURLToPath(new URL('../..', import.meta.url))
export const govukDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist')

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** 2026-03-01 → 1 March 2026 (GOV.UK style). */
export function formatDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return ''
  if (!(value instanceof Date) && typeof value !== 'string') return ''
  const iso = value instanceof Date ? value.toISOString() : value
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`
}

/** 2026-03-01T14:05:00Z → 1 March 2026 at 2:05pm (UK time). */
export function formatDateTime(value: unknown): string {
  if (!(value instanceof Date)) return formatDate(value)
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  }).formatToParts(value)
  const get = (type: string) => parts.find(p => p.type === type)?.value ?? ''
  return `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}${get('dayPeriod').toLowerCase()}`
}

/** Age in whole years (or months under two, or weeks under 12 weeks) on a given day. */
export function formatAge(dateOfBirth: unknown, today: Date = new Date()): string {
  if (typeof dateOfBirth !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return ''
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const born = Date.UTC(y, m - 1, d)
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  if (now < born) return 'not yet born'
  const days = Math.floor((now - born) / 86_400_000)
  if (days < 84) return `${Math.floor(days / 7)} weeks`
  let months = (today.getUTCFullYear() - y) * 12 + (today.getUTCMonth() - (m - 1))
  if (today.getUTCDate() < d) months--
  if (months < 24) return `${months} months`
  return `${Math.floor(months / 12)} years`
}

export function createViewEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([path.join(srcRoot, 'platform/views'), srcRoot, govukDist], { noCache: false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  )
  env.addFilter('date', formatDate)
  env.addFilter('dateTime', formatDateTime)
  env.addFilter('age', formatAge)
  return env
}

export type PageContextSource = { serviceName: string }

/** `reply.page(template, context)`: render with the layout's context and send as HTML. */
export function registerViews(app: FastifyInstance, env: nunjucks.Environment, source: PageContextSource): void {
  app.decorateReply('page', function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const request = this.request
    const html = env.render(template, {
      serviceName: source.serviceName,
      actor: request.actor,
      csrfToken: request.csrfToken,
      cspNonce: request.cspNonce,
      currentPath: request.url.split('?')[0],
      ...context,
    })
    return this.type('text/html; charset=utf-8').send(html)
  })
}
