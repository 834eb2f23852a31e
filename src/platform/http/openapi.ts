import type { FastifyInstance } from 'fastify'
import * as z from 'zod'

export type ApiOperation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  summary: string
  tags: string[]
  scopes?: string[]
  query?: z.ZodType
  body?: z.ZodType
  responses: Record<number, { description: string; schema?: z.ZodType }>
}

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().describe('The request id'),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
})

/**
 * The partner API's OpenAPI 3.1 document, built from the same zod schemas the routes parse with. Modules
 * register each operation when they register its route, so the document cannot fall behind the API.
 */
export class OpenApiRegistry {
  readonly operations: ApiOperation[] = []
  private readonly version: string

  constructor(version: string) {
    this.version = version
  }

  add(operation: ApiOperation): void {
    this.operations.push(operation)
  }

  document(): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {}
    for (const op of this.operations) {
      const openApiPath = op.path.replace(/:(\w+)/g, '{$1}')
      const parameters: unknown[] = [...op.path.matchAll(/:(\w+)/g)].map(m => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }))
      if (op.query) {
        const schema = z.toJSONSchema(op.query, { io: 'input' }) as { properties?: Record<string, unknown>; required?: string[] }
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property })
        }
      }
      const responses: Record<string, unknown> = {}
      for (const [status, response] of Object.entries(op.responses)) {
        responses[status] = response.schema
          ? { description: response.description, content: { 'application/json': { schema: z.toJSONSchema(response.schema, { io: 'output' }) } } }
          : { description: response.description }
      }
      responses.default = {
        description: 'A problem (RFC 9457)',
        content: { 'application/problem+json': { schema: z.toJSONSchema(Problem) } },
      }
      paths[openApiPath] ??= {}
      paths[openApiPath][op.method] = {
        summary: op.summary,
        tags: op.tags,
        ...(op.scopes ? { security: [{ bearer: op.scopes }] } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input' }) } } } } : {}),
        responses,
      }
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Sightline partner API',
        version: this.version,
        description: 'For partner agencies’ systems. Errors are application/problem+json (RFC 9457).',
      },
      servers: [{ url: '/' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      paths,
    }
  }
}

export function openApiRoutes(app: FastifyInstance, registry: OpenApiRegistry): void {
  registry.add({
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This document',
    tags: ['meta'],
    responses: { 200: { description: 'The OpenAPI 3.1 document of the partner API' } },
  })
  app.get('/api/v1/openapi.json', { config: { access: 'public' } }, async () => registry.document())
}
