import { defaultCatalogue, type Catalogue } from './catalogue.ts'
import { CaseWorld, type CaseInput } from './case-world.ts'
import { evaluateSubject, type RuleError } from './engine.ts'
import type { RaisedFlag, Theme } from './rule.schema.ts'

/**
 * Replay (contracts/timeline.md): walk a timeline day by day from its first event to its last (and on through the
 * absence windows that fall due within `tailDays` after it), and report each rule's first flag for each subject,
 * with its day and evidence. This pure replay is the reference for `sightline replay`, which routes the same events
 * through intake, linkage and the database and must give the same flags.
 *
 * It evaluates a subject only on the days that can change an answer: days with an event about the subject or the
 * people connected to them, days a relationship starts or ends, and the due days that absence rules report. A test
 * checks that this gives exactly what evaluating every subject on every day gives.
 */

/** The contract's flag. */
export type ReplayFlag = {
  rule: string
  theme: Theme
  subject: string
  day: number
  evidence: number[]
  action: string
}

/** The contract's output. */
export type ReplayOutput = { flags: ReplayFlag[] }

export type ReplayOptions = {
  /** Days after the last event during which absence rules may still fall due (default 7: the short clocks). */
  readonly tailDays?: number
}

export const DEFAULT_TAIL_DAYS = 7

/** Replay with the rule version of each flag, and any rule that failed (the CLI reports those on stderr). */
export function replayDetailed(
  timeline: CaseInput,
  catalogue: Catalogue = defaultCatalogue,
  options: ReplayOptions = {},
): { flags: RaisedFlag[]; errors: RuleError[] } {
  if (timeline.events.length === 0) return { flags: [], errors: [] }
  const world = new CaseWorld(timeline)
  const end = world.lastDay + (options.tailDays ?? DEFAULT_TAIL_DAYS)
  const flags: RaisedFlag[] = []
  const errors: RuleError[] = []
  for (const subject of world.subjects) {
    const view = world.view(subject.ref)
    const queue = new DayQueue([world.firstDay, ...view.evaluationDays])
    const raised = new Set<string>()
    for (let day = queue.next(); day !== undefined; day = queue.next()) {
      if (day > end) break
      const result = evaluateSubject(world, subject.ref, day, catalogue, { skip: raised })
      for (const flag of result.flags) {
        raised.add(flag.rule)
        flags.push(flag)
      }
      errors.push(...result.errors)
      if (result.nextDue !== undefined && result.nextDue <= end) queue.add(result.nextDue)
    }
  }
  return { flags: sortFlags(flags), errors }
}

/** Replay with the rule version of each flag. */
export function replayFlags(
  timeline: CaseInput,
  catalogue: Catalogue = defaultCatalogue,
  options: ReplayOptions = {},
): RaisedFlag[] {
  return replayDetailed(timeline, catalogue, options).flags
}

/** `sightline replay`'s output for a parsed timeline. */
export function replayTimeline(
  timeline: CaseInput,
  catalogue: Catalogue = defaultCatalogue,
  options: ReplayOptions = {},
): ReplayOutput {
  return {
    flags: replayFlags(timeline, catalogue, options).map(f => ({
      rule: f.rule,
      theme: f.theme,
      subject: f.subject,
      day: f.day,
      evidence: [...f.evidence],
      action: f.action,
    })),
  }
}

/** The reference semantics, slowly: every subject on every day. For tests. */
export function replayEveryDay(
  timeline: CaseInput,
  catalogue: Catalogue = defaultCatalogue,
  options: ReplayOptions = {},
): RaisedFlag[] {
  if (timeline.events.length === 0) return []
  const world = new CaseWorld(timeline)
  const end = world.lastDay + (options.tailDays ?? DEFAULT_TAIL_DAYS)
  const flags: RaisedFlag[] = []
  for (const subject of world.subjects) {
    const raised = new Set<string>()
    for (let day = world.firstDay; day <= end; day++) {
      for (const flag of evaluateSubject(world, subject.ref, day, catalogue, { skip: raised }).flags) {
        raised.add(flag.rule)
        flags.push(flag)
      }
    }
  }
  return sortFlags(flags)
}

function sortFlags(flags: RaisedFlag[]): RaisedFlag[] {
  return flags.sort(
    (a, b) =>
      a.day - b.day || a.subject.localeCompare(b.subject) || a.rule.localeCompare(b.rule, 'en', { numeric: true }),
  )
}

/** The days still to visit, in order, each once. */
class DayQueue {
  private readonly days: number[]
  private readonly seen = new Set<number>()

  constructor(initial: readonly number[]) {
    this.days = []
    for (const d of initial) this.add(d)
  }

  add(day: number): void {
    if (this.seen.has(day)) return
    this.seen.add(day)
    // Binary insertion into a descending array: next() pops the smallest from the end.
    let lo = 0
    let hi = this.days.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.days[mid]! > day) lo = mid + 1
      else hi = mid
    }
    this.days.splice(lo, 0, day)
  }

  next(): number | undefined {
    return this.days.pop()
  }
}
