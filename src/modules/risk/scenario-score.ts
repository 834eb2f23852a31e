import * as z from 'zod'
import type { ReplayFlag } from './replay.ts'
import { Theme } from './rule.schema.ts'

/**
 * Scoring a replay against what a scenario expects. A scenario names the flags that ought to be raised — by rule id
 * or by theme, for a subject, within a window of days — or is a control on which nothing ought to be raised.
 * Scenario files keep these under the timeline's top-level `expect` key (ignored by the timeline parser).
 */

export const ExpectedFlag = z
  .object({
    rule: z
      .string()
      .regex(/^R\d{2}[a-z]$/)
      .optional(),
    theme: Theme.optional(),
    subject: z.string().min(1),
    from: z.int(),
    to: z.int(),
    why: z.string().optional(),
  })
  .refine(f => f.rule !== undefined || f.theme !== undefined, 'name a rule or a theme')
  .refine(f => f.from <= f.to, 'from must not be after to')
export type ExpectedFlag = z.infer<typeof ExpectedFlag>

export const ScenarioExpectations = z.object({
  /** A control: an ordinary history on which no flag may be raised. */
  control: z.boolean(),
  /** What the scenario is modelled on (themes, not a real case). */
  about: z.string().optional(),
  flags: z.array(ExpectedFlag).default([]),
})
export type ScenarioExpectations = z.infer<typeof ScenarioExpectations>

export type ScenarioScore = {
  readonly expected: number
  readonly found: number
  readonly missed: readonly ExpectedFlag[]
  /** Flags raised on a control. */
  readonly falseAlarms: readonly ReplayFlag[]
  /** Flags raised on a non-control that no expectation names (reported, not counted against the rules). */
  readonly unexpected: readonly ReplayFlag[]
}

function matches(flag: ReplayFlag, e: ExpectedFlag): boolean {
  return (
    flag.subject === e.subject &&
    flag.day >= e.from &&
    flag.day <= e.to &&
    (e.rule === undefined || flag.rule === e.rule) &&
    (e.theme === undefined || flag.theme === e.theme)
  )
}

export function scoreScenario(flags: readonly ReplayFlag[], expectations: ScenarioExpectations): ScenarioScore {
  if (expectations.control) {
    return { expected: 0, found: 0, missed: [], falseAlarms: [...flags], unexpected: [] }
  }
  const missed = expectations.flags.filter(e => !flags.some(f => matches(f, e)))
  const unexpected = flags.filter(
    f => !expectations.flags.some(e => e.subject === f.subject && (e.rule === f.rule || e.theme === f.theme)),
  )
  return {
    expected: expectations.flags.length,
    found: expectations.flags.length - missed.length,
    missed,
    falseAlarms: [],
    unexpected,
  }
}
