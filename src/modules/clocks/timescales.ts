/**
 * Statutory and local timescales as data, and when work against them falls due.
 *
 * Sources are reference/standards.md §1.1 (Working Together to Safeguard Children: WT2018 wording, retained in
 * WT2023) and, where standards.md is silent, the regulation or guidance named in each entry's `source`. Where no
 * national timescale exists the entry is local policy with a default that a partnership sets for itself.
 *
 * Conventions (docs/timescales.md has examples):
 * - Day-based timescales run from the Europe/London calendar date of the start event (day 0); the time of day does
 *   not matter. The work is due by the end of the last day: `due` is 23:59:59.999 London time on `dueOn`, and a
 *   clock is overdue at any instant after `due`. A contact received at 17:30 on a Friday (or at any time on the
 *   Saturday or Sunday) is due a decision by the end of Monday, or of Tuesday when Monday is a bank holiday.
 * - Calendar months keep the day of the month, clamped to the month's end (31 January + 1 month = 28 or 29 February).
 * - A meeting (`dueOnWorkingDay`) whose calendar due date falls on a weekend or bank holiday is due on the working day
 *   before it: a statutory maximum is never stretched.
 * - Hours are elapsed time, whatever the clocks do: 72 hours from 10:00 GMT on the Saturday before summer time
 *   starts is 11:00 BST on the Tuesday.
 * - A partnership may set a shorter local target for any statutory timescale and never a longer one; it may set any
 *   length for a local-policy timescale. Settings change new clocks only: a clock keeps the due date it opened with.
 */
import { addCalendarMonths, fromDayNumber, toDayNumber, type IsoDate } from './calendar-date.ts'
import { endOfLondonDayNumber, londonDayNumber } from './london-time.ts'
import { englandAndWales, type DateInput, type WorkingDayCalendar } from './working-days.ts'

/** The edition of Working Together the statutory entries follow (reference/standards.md §0: WT2026 not yet checked). */
export const TIMESCALES_EDITION = 'WT2023'

export const TIMESCALE_UNITS = ['working-days', 'calendar-days', 'months', 'hours'] as const
export type TimescaleUnit = (typeof TIMESCALE_UNITS)[number]

export const TIMESCALE_BASES = ['statutory-guidance', 'regulations', 'local-policy'] as const
export type TimescaleBasis = (typeof TIMESCALE_BASES)[number]

export const TIMESCALE_IDS = [
  'contact-decision',
  'assessment',
  'strategy-discussion',
  'section-47-enquiry',
  'initial-child-protection-conference',
  'core-group-first',
  'core-group',
  'review-conference-first',
  'review-conference',
  'pre-birth-review',
  'child-protection-visit',
  'looked-after-review-first',
  'looked-after-review-second',
  'looked-after-review',
  'return-home-interview',
  'information-request-red',
  'information-request-amber',
  'information-request-green',
] as const
export type TimescaleId = (typeof TIMESCALE_IDS)[number]

export type Timescale = {
  readonly id: TimescaleId
  readonly title: string
  readonly description: string
  /** What starts the clock. */
  readonly startEvent: string
  readonly unit: TimescaleUnit
  /** The national figure, or the default for local policy, in `unit`. */
  readonly length: number
  readonly basis: TimescaleBasis
  /** 'shorter-only': a partnership may set a shorter local target, never a longer one. 'any': local policy. */
  readonly localVariation: 'shorter-only' | 'any'
  readonly source: {
    readonly document: string
    readonly reference: string
    /** Where reference/standards.md covers it, or what it says about the gap. */
    readonly research: string
  }
  /** A meeting: a calendar due date on a weekend or bank holiday moves back to the working day before. */
  readonly dueOnWorkingDay: boolean
  /** The clock that starts when this one is met, for recurring work. */
  readonly next?: TimescaleId
}

const WT = 'Working Together to Safeguard Children 2023'
const CPPCR = 'Care Planning, Placement and Case Review (England) Regulations 2010'
const NOT_IN_STANDARDS = 'Not in reference/standards.md'

export const TIMESCALES: { readonly [K in TimescaleId]: Timescale & { readonly id: K } } = {
  'contact-decision': {
    id: 'contact-decision',
    title: 'Decision on a contact or referral',
    description:
      'A local authority social worker acknowledges receipt to the referrer and decides the next steps and the type of response required.',
    startEvent: 'Contact or referral received by children’s social care',
    unit: 'working-days',
    length: 1,
    basis: 'statutory-guidance',
    localVariation: 'shorter-only',
    source: {
      document: WT,
      reference:
        'Chapter 3: “within one working day of a referral being received” (WT2018 chapter 1, “Referral” and flow chart 1; paragraph number to verify)',
      research: 'reference/standards.md §1.1 T1',
    },
    dueOnWorkingDay: false,
  },
  assessment: {
    id: 'assessment',
    title: 'Assessment concluded',
    description:
      'A section 17 (single) assessment concludes so that a decision on next steps can be made; if it runs over, the social worker records why.',
    startEvent: 'Referral received (the point of referral)',
    unit: 'working-days',
    length: 45,
    basis: 'statutory-guidance',
    localVariation: 'shorter-only',
    source: {
      document: WT,
      reference: '“No longer than 45 working days from the point of referral” (WT2018 chapter 1, “Timeliness”, p33)',
      research: 'reference/standards.md §1.1 T2',
    },
    dueOnWorkingDay: false,
  },
  'strategy-discussion': {
    id: 'strategy-discussion',
    title: 'Strategy discussion held',
    description:
      'A strategy discussion between children’s social care, police, health and the referring agency. Working Together sets no deadline; local procedures do.',
    startEvent: 'Decision that there is reasonable cause to suspect significant harm',
    unit: 'working-days',
    length: 3,
    basis: 'local-policy',
    localVariation: 'any',
    source: {
      document: `${WT} (no national timescale); local procedures`,
      reference: 'WT2018 “Strategy discussion” (p41); default from Bexley’s procedure (“within 3 days”)',
      research: 'reference/standards.md §1.1 T3',
    },
    dueOnWorkingDay: false,
  },
  'section-47-enquiry': {
    id: 'section-47-enquiry',
    title: 'Section 47 enquiries completed',
    description:
      'Section 47 enquiries have no national completion time, but their outcome is needed for the initial conference: the default matches its 15 working days.',
    startEvent: 'Strategy discussion at which section 47 enquiries were initiated',
    unit: 'working-days',
    length: 15,
    basis: 'local-policy',
    localVariation: 'any',
    source: {
      document: `${WT} (no national timescale); local procedures`,
      reference: 'WT2018 “Initiating section 47 enquiries” (pp45–47)',
      research: 'reference/standards.md §1.1 T4',
    },
    dueOnWorkingDay: false,
  },
  'initial-child-protection-conference': {
    id: 'initial-child-protection-conference',
    title: 'Initial child protection conference held',
    description:
      'The initial conference, within 15 working days of the strategy discussion (of the one at which section 47 enquiries were initiated, if more than one was held).',
    startEvent: 'Strategy discussion at which section 47 enquiries were initiated',
    unit: 'working-days',
    length: 15,
    basis: 'statutory-guidance',
    localVariation: 'shorter-only',
    source: {
      document: WT,
      reference: 'WT2018 chapter 1, flow chart 4 and “Initial child protection conferences” (p49)',
      research: 'reference/standards.md §1.1 T5',
    },
    dueOnWorkingDay: false,
  },
  'core-group-first': {
    id: 'core-group-first',
    title: 'First core group meeting',
    description: 'The core group first meets within 10 working days of the initial child protection conference.',
    startEvent: 'Initial child protection conference that made a child protection plan',
    unit: 'working-days',
    length: 10,
    basis: 'statutory-guidance',
    localVariation: 'shorter-only',
    source: { document: WT, reference: 'WT2018 chapter 1, flow chart 5', research: 'reference/standards.md §1.1 T6' },
    dueOnWorkingDay: false,
    next: 'core-group',
  },
  'core-group': {
    id: 'core-group',
    title: 'Core group meeting',
    description: 'Later core group meetings; their frequency is local (Newcastle: at least every 4 weeks).',
    startEvent: 'Previous core group meeting',
    unit: 'calendar-days',
    length: 28,
    basis: 'local-policy',
    localVariation: 'any',
    source: {
      document: 'Local procedures',
      reference: 'Newcastle core groups procedure (“at least every 4 weeks”); Guernsey: within 6 weeks',
      research: 'reference/standards.md §1.1 T6',
    },
    dueOnWorkingDay: true,
    next: 'core-group',
  },
  'review-conference-first': {
    id: 'review-conference-first',
    title: 'First review child protection conference',
    description: 'The first review conference, within three months of the initial conference.',
    startEvent: 'Initial child protection conference that made a child protection plan',
    unit: 'months',
    length: 3,
    basis: 'statutory-guidance',
    localVariation: 'shorter-only',
    source: {
      document: WT,
      reference: 'WT2018 chapter 1, “Child protection review conference” (p53) and flow chart 5',
      research: 'reference/standards.md §1.1 T7',
    },
    dueOnWorkingDay: true,
    next: 'review-conference',
  },
  'review-conference': {
    id: 'review-conference',
    title: 'Review child protection conference',
    description:
      'Further review conferences at intervals of not more than six months while the child has a child protection plan.',
    startEvent: 'Previous review conference',
    unit: 'months',
    length: 6,
    basis: 'statutory-guidance',
    localVariation: 'shorter-only',
    source: {
      document: WT,
      reference: 'WT2018 chapter 1, “Child protection review conference” (p53); London CP procedures 4.1.22',
      research: 'reference/standards.md §1.1 T8',
    },
    dueOnWorkingDay: true,
    next: 'review-conference',
  },
  'pre-birth-review': {
    id: 'pre-birth-review',
    title: 'Review after a pre-birth plan',
    description:
      'After a pre-birth initial conference, a review conference or core group within 10 days of the birth (20 if the mother is not medically fit); then review conferences every six months.',
    startEvent: 'Birth of a baby who had a pre-birth child protection plan',
    unit: 'calendar-days',
    length: 10,
    basis: 'local-policy',
    localVariation: 'any',
    source: {
      document: 'London Child Protection Procedures',
      reference: '4.1.22 (amended 2017); “days” is not qualified there, so calendar days are assumed',
      research: 'reference/standards.md §1.1 T9',
    },
    dueOnWorkingDay: true,
    next: 'review-conference',
  },
  'child-protection-visit': {
    id: 'child-protection-visit',
    title: 'Visit to a child with a child protection plan',
    description:
      'The lead social worker sees the child (alone where appropriate). Working Together sets no frequency; local procedures commonly say at least every 10 working days.',
    startEvent: 'Start of the plan, then each visit at which the child was seen',
    unit: 'working-days',
    length: 10,
    basis: 'local-policy',
    localVariation: 'any',
    source: {
      document: 'Local procedures',
      reference: 'Not set nationally by Working Together; Ofsted Annex A list 7 collects the last statutory visit',
      research: 'reference/standards.md §1.1 T10',
    },
    dueOnWorkingDay: false,
    next: 'child-protection-visit',
  },
  'looked-after-review-first': {
    id: 'looked-after-review-first',
    title: 'First looked-after review',
    description: 'The first review of a looked-after child’s case, within 20 working days of becoming looked after.',
    startEvent: 'Child becomes looked after',
    unit: 'working-days',
    length: 20,
    basis: 'regulations',
    localVariation: 'shorter-only',
    source: {
      document: CPPCR,
      reference: 'Regulation 33(1)',
      research: `${NOT_IN_STANDARDS}; text read at legislation.gov.uk/uksi/2010/959 (as made)`,
    },
    dueOnWorkingDay: false,
    next: 'looked-after-review-second',
  },
  'looked-after-review-second': {
    id: 'looked-after-review-second',
    title: 'Second looked-after review',
    description: 'The second review, not more than three months after the first.',
    startEvent: 'First looked-after review',
    unit: 'months',
    length: 3,
    basis: 'regulations',
    localVariation: 'shorter-only',
    source: {
      document: CPPCR,
      reference: 'Regulation 33(2)',
      research: `${NOT_IN_STANDARDS}; text read at legislation.gov.uk/uksi/2010/959 (as made)`,
    },
    dueOnWorkingDay: true,
    next: 'looked-after-review',
  },
  'looked-after-review': {
    id: 'looked-after-review',
    title: 'Looked-after review',
    description: 'Subsequent reviews at intervals of not more than six months.',
    startEvent: 'Previous looked-after review',
    unit: 'months',
    length: 6,
    basis: 'regulations',
    localVariation: 'shorter-only',
    source: {
      document: CPPCR,
      reference: 'Regulation 33(2)',
      research: `${NOT_IN_STANDARDS}; text read at legislation.gov.uk/uksi/2010/959 (as made)`,
    },
    dueOnWorkingDay: true,
    next: 'looked-after-review',
  },
  'return-home-interview': {
    id: 'return-home-interview',
    title: 'Return home interview',
    description:
      'An independent return interview offered to a child who has been missing, within 72 hours of their return.',
    startEvent: 'Child returns from a missing episode',
    unit: 'hours',
    length: 72,
    basis: 'statutory-guidance',
    localVariation: 'shorter-only',
    source: {
      document: 'Statutory guidance on children who run away or go missing from home or care (DfE, January 2014)',
      reference:
        'Return interviews: within 72 hours of returning to their home or care setting (paragraph number to verify)',
      research: `${NOT_IN_STANDARDS} (which lists only the Annex A return-interview fields, §8); to verify against the guidance`,
    },
    dueOnWorkingDay: false,
  },
  'information-request-red': {
    id: 'information-request-red',
    title: 'Information request: red',
    description: 'A partner agency answers a front-door information request rated red.',
    startEvent: 'Information request sent to a partner agency',
    unit: 'hours',
    length: 4,
    basis: 'local-policy',
    localVariation: 'any',
    source: {
      document: 'Local MASH service levels',
      reference: 'No national standard; elapsed hours, not working hours',
      research: NOT_IN_STANDARDS,
    },
    dueOnWorkingDay: false,
  },
  'information-request-amber': {
    id: 'information-request-amber',
    title: 'Information request: amber',
    description: 'A partner agency answers a front-door information request rated amber.',
    startEvent: 'Information request sent to a partner agency',
    unit: 'hours',
    length: 24,
    basis: 'local-policy',
    localVariation: 'any',
    source: {
      document: 'Local MASH service levels',
      reference: 'No national standard; elapsed hours, not working hours',
      research: NOT_IN_STANDARDS,
    },
    dueOnWorkingDay: false,
  },
  'information-request-green': {
    id: 'information-request-green',
    title: 'Information request: green',
    description: 'A partner agency answers a front-door information request rated green.',
    startEvent: 'Information request sent to a partner agency',
    unit: 'hours',
    length: 72,
    basis: 'local-policy',
    localVariation: 'any',
    source: {
      document: 'Local MASH service levels',
      reference: 'No national standard; elapsed hours, not working hours',
      research: NOT_IN_STANDARDS,
    },
    dueOnWorkingDay: false,
  },
}

/** Every timescale, in catalogue order. */
export const timescales: readonly Timescale[] = TIMESCALE_IDS.map(id => TIMESCALES[id])

export function isTimescaleId(value: string): value is TimescaleId {
  return (TIMESCALE_IDS as readonly string[]).includes(value)
}

/** The timescale with this id; throws a RangeError for an unknown id. */
export function getTimescale(id: string): Timescale {
  if (!isTimescaleId(id)) throw new RangeError(`unknown timescale '${id}'`)
  return TIMESCALES[id]
}

/** A partnership's settings. */
export type TimescaleSettings = {
  /** Local lengths, each in its timescale's own unit. */
  readonly lengths?: { readonly [K in TimescaleId]?: number }
  /** The working-day calendar (default: England and Wales). */
  readonly calendar?: WorkingDayCalendar
}

/** Why a local length is not allowed for a timescale, or undefined when it is. */
export function localLengthProblem(timescale: Timescale, length: number): string | undefined {
  const whole = timescale.unit !== 'hours'
  if (!Number.isFinite(length) || length <= 0 || (whole && !Number.isInteger(length))) {
    return `${timescale.id}: the length must be a positive ${whole ? 'whole number' : 'number'} of ${timescale.unit}, not ${length}`
  }
  if (timescale.localVariation === 'shorter-only' && length > timescale.length) {
    return `${timescale.id}: a partnership may shorten this ${timescale.basis} timescale but not lengthen it beyond ${timescale.length} ${timescale.unit}`
  }
  return undefined
}

/** The length in force: the partnership's, when it has set one, else the national figure or default. */
export function lengthOf(timescale: Timescale, settings?: TimescaleSettings): number {
  const local = settings?.lengths?.[timescale.id]
  if (local === undefined) return timescale.length
  const problem = localLengthProblem(timescale, local)
  if (problem) throw new RangeError(problem)
  return local
}

export type Due = {
  /** The last on-time instant: work completed at or before it is on time. */
  readonly due: Date
  /** The London calendar date of `due`. */
  readonly dueOn: IsoDate
}

/** When work against a timescale started at `startedAt` is due: the full answer. */
export function dueOf(timescale: Timescale | TimescaleId, startedAt: DateInput, settings?: TimescaleSettings): Due {
  const t = typeof timescale === 'string' ? getTimescale(timescale) : timescale
  const length = lengthOf(t, settings)
  const calendar = settings?.calendar ?? englandAndWales
  if (t.unit === 'hours') {
    if (!(startedAt instanceof Date)) {
      throw new RangeError(`${t.id} is measured in hours: it needs the instant it started, not a date`)
    }
    const due = new Date(startedAt.getTime() + length * 3_600_000)
    return { due, dueOn: fromDayNumber(londonDayNumber(due)) }
  }
  const startDay = typeof startedAt === 'string' ? toDayNumber(startedAt) : londonDayNumber(startedAt)
  let dueDay: number
  if (t.unit === 'working-days') dueDay = calendar.addWorkingDaysToDayNumber(startDay, length)
  else if (t.unit === 'calendar-days') dueDay = startDay + length
  else dueDay = toDayNumber(addCalendarMonths(fromDayNumber(startDay), length))
  if (t.dueOnWorkingDay && !calendar.isWorkingDayNumber(dueDay)) {
    dueDay = calendar.addWorkingDaysToDayNumber(dueDay, -1)
  }
  return { due: new Date(endOfLondonDayNumber(dueDay)), dueOn: fromDayNumber(dueDay) }
}

/** The last on-time instant for work against a timescale started at `startedAt`. */
export function dueDate(timescale: Timescale | TimescaleId, startedAt: DateInput, settings?: TimescaleSettings): Date {
  return dueOf(timescale, startedAt, settings).due
}

export type ClockState = 'running' | 'overdue' | 'met' | 'missed'

export type ClockStatus = Due & {
  /** 'running' or 'overdue' while open; 'met' or 'missed' once completed. */
  readonly state: ClockState
  /** The unit of `remaining` and `overdueBy`: the timescale's own, except months, counted in calendar days. */
  readonly unit: 'working-days' | 'calendar-days' | 'hours'
  /**
   * What is left, from now (or from completion, for a completed clock) to the due date: working or calendar days
   * from today's London date to `dueOn` (0 on the day itself), or hours to `due` (fractional). Negative once past.
   */
  readonly remaining: number
  /** The time ran out before the work was done: it is still open after `due`, or it was completed after it. */
  readonly isOverdue: boolean
  /**
   * How late, in `unit`; 0 when not overdue. In working days this counts the working days after `dueOn` up to today,
   * so on the Saturday after a Friday deadline a clock is overdue by 0 working days, and by 1 on the Monday.
   */
  readonly overdueBy: number
}

/** Where a clock stands at `now`, given when it is due. */
export function statusOfDue(
  timescale: Timescale | TimescaleId,
  due: Date,
  now: Date,
  completedAt?: Date | null,
  calendar: WorkingDayCalendar = englandAndWales,
): ClockStatus {
  const t = typeof timescale === 'string' ? getTimescale(timescale) : timescale
  const at = completedAt ?? now
  const isOverdue = at.getTime() > due.getTime()
  const dueDay = londonDayNumber(due)
  let unit: ClockStatus['unit']
  let remaining: number
  if (t.unit === 'hours') {
    unit = 'hours'
    remaining = (due.getTime() - at.getTime()) / 3_600_000
  } else if (t.unit === 'working-days') {
    unit = 'working-days'
    remaining = calendar.workingDaysBetweenDayNumbers(londonDayNumber(at), dueDay)
  } else {
    unit = 'calendar-days'
    remaining = dueDay - londonDayNumber(at)
  }
  const state: ClockState = completedAt ? (isOverdue ? 'missed' : 'met') : isOverdue ? 'overdue' : 'running'
  return {
    due,
    dueOn: fromDayNumber(dueDay),
    state,
    unit,
    remaining,
    isOverdue,
    overdueBy: isOverdue ? Math.max(0, -remaining) : 0,
  }
}

/** Where work against a timescale started at `startedAt` stands at `now`, or stood when it was completed. */
export function status(
  timescale: Timescale | TimescaleId,
  startedAt: DateInput,
  now: Date,
  completedAt?: Date | null,
  settings?: TimescaleSettings,
): ClockStatus {
  const { due } = dueOf(timescale, startedAt, settings)
  return statusOfDue(timescale, due, now, completedAt, settings?.calendar)
}
