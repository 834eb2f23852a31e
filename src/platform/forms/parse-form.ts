import type * as z from 'zod'

export type FormErrors = Record<string, { text: string }>
export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FormErrors; errorList: { text: string; href: string }[] }

/**
 * Parse a submitted form into domain values, or into the shapes govukErrorSummary and each component's
 * errorMessage expect. An issue's path names the field id it links to (first message per field wins).
 */
export function parseForm<T extends z.ZodType>(schema: T, body: unknown): FormResult<z.output<T>> {
  const result = schema.safeParse(body ?? {})
  if (result.success) return { ok: true, data: result.data }
  const errors: FormErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('-') || 'form'
    errors[field] ??= { text: issue.message }
  }
  const errorList = Object.entries(errors).map(([field, { text }]) => ({ text, href: `#${field}` }))
  return { ok: false, errors, errorList }
}
