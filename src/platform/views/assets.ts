import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { govukDist } from './views.ts'

const systemFont = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif'

/**
 * GOV.UK Frontend's compiled stylesheet with its typeface swapped for the system font: GDS Transport is
 * licensed for services on gov.uk only, and Sightline may run elsewhere. Done once at start-up on the
 * shipped CSS (a string substitution), so no Sass build step is needed.
 */
export function buildStylesheet(): string {
  const govuk = readFileSync(path.join(govukDist, 'govuk/govuk-frontend.min.css'), 'utf8')
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
    .replaceAll('font-family:GDS Transport,arial,sans-serif', `font-family:${systemFont}`)
    .replaceAll('font-family:GDS Transport', `font-family:${systemFont}`)
  const own = readFileSync(fileURLToPath(new URL('./sightline.css', import.meta.url)), 'utf8')
  return `${govuk}\n${own}`
}

export function registerAssets(app: FastifyInstance): void {
  const css = buildStylesheet()
  const script = readFileSync(path.join(govukDist, 'govuk/govuk-frontend.min.js'))
  const init = readFileSync(fileURLToPath(new URL('./init.js', import.meta.url)))
  const cache = 'public, max-age=3600'
  const access = { access: 'public' as const }
  app.get('/assets/sightline.css', { config: access }, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', cache).send(css),
  )
  app.get('/assets/govuk-frontend.min.js', { config: access }, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', cache).send(script),
  )
  app.get('/assets/init.js', { config: access }, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', cache).send(init),
  )
  void app.register(fastifyStatic, {
    root: path.join(govukDist, 'govuk/assets'),
    prefix: '/assets/',
    decorateReply: false,
    maxAge: 3600 * 1000,
  })
}
