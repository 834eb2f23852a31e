import { defaultCatalogue, type Catalogue } from './catalogue.ts'
import type { CaseWorld } from './case-world.ts'
import type { Evaluation, RaisedFlag } from './rule.schema.ts'

/**
 * The engine: read one subject's rules at the end of a day. Incremental use (the database-backed service): when an
 * event is recorded, build the household's `CaseWorld`, ask it for `affectedSubjects(index)`, evaluate each of them
 * today, store new flags and the returned `nextDue`; the scheduler re-evaluates a subject on its `nextDue`.
 */

export type SubjectEvaluation = {
  readonly subject: string
  readonly day: number
  /** Every rule that holds at the end of the day, with its evidence (not de-duplicated against earlier flags). */
  readonly flags: readonly RaisedFlag[]
  /** The earliest day on which an absence rule would change its answer if nothing else happens. */
  readonly nextDue: number | undefined
  /** Rules that failed (a bug, never expected): the others still ran. Callers log these. */
  readonly errors: readonly RuleError[]
}

export type RuleError = {
  readonly rule: string
  readonly subject: string
  readonly day: number
  readonly message: string
}

export type EvaluateOptions = {
  /** Rules already raised for this subject, skipped (the replay uses this: a flag appears once). */
  readonly skip?: ReadonlySet<string>
}

/** Evaluate every rule of the catalogue that applies to the subject, at the end of `today`. */
export function evaluateSubject(
  world: CaseWorld,
  subject: string,
  today: number,
  catalogue: Catalogue = defaultCatalogue,
  options: EvaluateOptions = {},
): SubjectEvaluation {
  const from = world.view(subject).activeFrom
  if (today < from) return { subject, day: today, flags: [], nextDue: from, errors: [] }
  const ctx = world.context(subject, today)
  const flags: RaisedFlag[] = []
  const errors: RuleError[] = []
  let nextDue: number | undefined
  for (const { rule, params } of catalogue.rules) {
    if (options.skip?.has(rule.id) || !rule.appliesTo.includes(ctx.subject.kind)) continue
    let result: Evaluation
    try {
      result = rule.evaluate(ctx, params)
    } catch (error) {
      errors.push({
        rule: rule.id,
        subject,
        day: today,
        message: error instanceof Error ? error.message : String(error),
      })
      continue
    }
    const finding = result.findings[0]
    if (finding) {
      const evidence = [...new Set(result.findings.flatMap(f => f.evidence))].sort((a, b) => a - b)
      flags.push({
        rule: rule.id,
        ruleVersion: rule.version,
        theme: rule.theme,
        subject,
        day: today,
        evidence,
        action: rule.action,
      })
    } else if (result.nextDue !== undefined && result.nextDue > today) {
      nextDue = nextDue === undefined ? result.nextDue : Math.min(nextDue, result.nextDue)
    }
  }
  return { subject, day: today, flags, nextDue, errors }
}
