import * as z from 'zod'
import type { Rule } from './rule.schema.ts'
import { t01Rules } from './rules/t01-was-not-brought.ts'
import { t02Rules } from './rules/t02-child-not-seen.ts'
import { t03Rules } from './rules/t03-unseen-adults.ts'
import { t04Rules } from './rules/t04-disguised-compliance.ts'
import { t05Rules } from './rules/t05-start-again.ts'
import { t06Rules } from './rules/t06-cumulative-neglect.ts'
import { t07Rules } from './rules/t07-domestic-abuse.ts'
import { t08Rules } from './rules/t08-parental-risk.ts'
import { t09Rules } from './rules/t09-babies.ts'
import { t10Rules } from './rules/t10-third-party.ts'
import { t11Rules } from './rules/t11-escalation.ts'
import { t12Rules } from './rules/t12-information-sharing.ts'
import { t13Rules } from './rules/t13-self-report.ts'
import { t14Rules } from './rules/t14-optimism.ts'
import { t15Rules } from './rules/t15-not-in-school.ts'
import { t16Rules } from './rules/t16-outside-home.ts'
import { t17Rules } from './rules/t17-restricted-access.ts'
import { t18Rules } from './rules/t18-identity.ts'

/**
 * The rule catalogue: every rule, in theme order, and a partnership's settings of their parameters. Settings are
 * checked against each rule's bounds; a setting outside them, or for a rule or parameter that does not exist, is
 * refused. The catalogue version changes whenever any rule's version does; flags record the rule version.
 */

export const CATALOGUE_VERSION = '1'

export const ruleCatalogue: readonly Rule[] = [
  ...t01Rules,
  ...t02Rules,
  ...t03Rules,
  ...t04Rules,
  ...t05Rules,
  ...t06Rules,
  ...t07Rules,
  ...t08Rules,
  ...t09Rules,
  ...t10Rules,
  ...t11Rules,
  ...t12Rules,
  ...t13Rules,
  ...t14Rules,
  ...t15Rules,
  ...t16Rules,
  ...t17Rules,
  ...t18Rules,
]

/** A partnership's parameter settings: rule id → parameter name → value. */
export type RuleSettings = Readonly<Record<string, Readonly<Record<string, unknown>>>>

export type ConfiguredRule = { readonly rule: Rule; readonly params: Readonly<Record<string, unknown>> }

export type Catalogue = {
  readonly version: string
  readonly rules: readonly ConfiguredRule[]
}

export class CatalogueError extends Error {
  readonly issues: readonly string[]

  constructor(issues: readonly string[]) {
    super(`Rule settings refused: ${issues.join('; ')}`)
    this.name = 'CatalogueError'
    this.issues = issues
  }
}

/** The catalogue with a partnership's settings applied (defaults elsewhere); throws `CatalogueError`. */
export function buildCatalogue(settings: RuleSettings = {}, rules: readonly Rule[] = ruleCatalogue): Catalogue {
  const issues: string[] = []
  const byId = new Map(rules.map(r => [r.id, r]))
  for (const id of Object.keys(settings)) if (!byId.has(id)) issues.push(`${id}: no such rule`)
  const configured: ConfiguredRule[] = []
  for (const rule of rules) {
    const parsed = z.strictObject(rule.parameters.shape).safeParse(settings[rule.id] ?? {})
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.')
        const what = issue.code === 'unrecognized_keys' ? `no parameter ${issue.keys.join(', ')}` : issue.message
        issues.push(`${rule.id}${field ? `.${field}` : ''}: ${what}`)
      }
      continue
    }
    configured.push({ rule, params: Object.freeze(parsed.data) })
  }
  if (issues.length > 0) throw new CatalogueError(issues)
  return { version: CATALOGUE_VERSION, rules: configured }
}

export const defaultCatalogue: Catalogue = buildCatalogue()

/** A catalogue of only some rules (by id or theme), with default settings: for tests and focused replays. */
export function selectRules(...idsOrThemes: string[]): Catalogue {
  const wanted = new Set(idsOrThemes)
  return buildCatalogue(
    {},
    ruleCatalogue.filter(r => wanted.has(r.id) || wanted.has(r.theme)),
  )
}
