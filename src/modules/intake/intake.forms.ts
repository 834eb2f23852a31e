import * as z from 'zod'
import { parseDateParts, parseForm, type FormErrors } from '../../platform/forms/index.ts'
import { LawfulBasis } from '../chronology/index.ts'
import { isValidNhsNumber, nhsDigits } from '../people/index.ts'
import { ConcernCategory, Decision, Rag } from './intake.schema.ts'

/** The pages of the concern form, in order. Each saves its answers to the draft. */
export const STEPS = ['child', 'what-happened', 'household', 'others', 'child-seen', 'sharing'] as const
export type Step = (typeof STEPS)[number]
export const isStep = (value: string): value is Step => (STEPS as readonly string[]).includes(value)

export type Draft = Record<string, unknown> & {
  child?: { givenName?: string; familyName?: string; dateOfBirth?: string; nhsNumber?: string }
}

export type StepResult = { ok: true; answers: Record<string, unknown> } | { ok: false; errors: FormErrors; errorList: { text: string; href: string }[] }

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
const optional = (value: unknown) => text(value) || undefined

function fail(issues: [field: string, message: string][]): StepResult {
  const errors: FormErrors = {}
  for (const [field, message] of issues) errors[field] ??= { text: message }
  return { ok: false, errors, errorList: Object.entries(errors).map(([field, e]) => ({ text: e.text, href: `#${field}` })) }
}

const WhatHappened = z.object({
  category: z.enum(ConcernCategory.options, { error: 'Select what the concern is about' }),
  summary: z.string({ error: 'Enter what happened' }).trim().min(1, 'Enter what happened').max(10_000, 'What happened must be 10,000 characters or fewer'),
})
const Household = z.object({
  household: z.string({ error: 'Enter who lives with the child, or ‘Not known’' }).trim().min(1, 'Enter who lives with the child, or ‘Not known’').max(5_000, 'Who lives with the child must be 5,000 characters or fewer'),
})
const Others = z.object({
  othersInvolved: z.string().trim().max(5_000, 'Who else is involved must be 5,000 characters or fewer').optional(),
})
const ChildSeen = z.object({
  childSeen: z.enum(['yes', 'no'], { error: 'Select yes if you have seen the child' }),
  childSaid: z.string().trim().max(5_000, 'What the child said must be 5,000 characters or fewer').optional(),
})
const Sharing = z
  .object({
    lawfulBasis: z.enum(LawfulBasis.options, { error: 'Select the lawful basis for sharing this information' }),
    consentFrom: z.string().trim().max(200, 'Who gave consent must be 200 characters or fewer').optional(),
  })
  .refine(v => v.lawfulBasis !== 'consent' || !!v.consentFrom, { message: 'Enter who gave consent', path: ['consentFrom'] })

/** Parse one page of the concern form into draft answers, or GOV.UK error shapes. */
export function parseStep(step: Step, body: Record<string, unknown>): StepResult {
  const form = (schema: z.ZodType, map: (data: Record<string, unknown>) => Record<string, unknown>): StepResult => {
    const cleaned = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, optional(v)]))
    const parsed = parseForm(schema, cleaned)
    return parsed.ok ? { ok: true, answers: map(parsed.data as Record<string, unknown>) } : parsed
  }
  switch (step) {
    case 'child': {
      const issues: [string, string][] = []
      const givenName = text(body.givenName)
      const familyName = text(body.familyName)
      if (!givenName) issues.push(['givenName', 'Enter the child’s given name'])
      else if (givenName.length > 100) issues.push(['givenName', 'Given name must be 100 characters or fewer'])
      if (!familyName) issues.push(['familyName', 'Enter the child’s family name'])
      else if (familyName.length > 100) issues.push(['familyName', 'Family name must be 100 characters or fewer'])
      const dob = parseDateParts('Date of birth', { day: text(body['dateOfBirth-day']), month: text(body['dateOfBirth-month']), year: text(body['dateOfBirth-year']) }, { notAfterToday: true })
      if (dob.error) issues.push(['dateOfBirth-day', dob.error])
      else if (!dob.iso) issues.push(['dateOfBirth-day', 'Enter the child’s date of birth'])
      const nhs = text(body.nhsNumber)
      const digits = nhs ? nhsDigits(nhs) : undefined
      if (nhs && !digits) issues.push(['nhsNumber', 'NHS number must be 10 digits'])
      else if (digits && !isValidNhsNumber(digits)) issues.push(['nhsNumber', 'Enter a valid NHS number'])
      if (issues.length) return fail(issues)
      return { ok: true, answers: { child: { givenName, familyName, dateOfBirth: dob.iso, ...(digits ? { nhsNumber: digits } : {}) } } }
    }
    case 'what-happened':
      return form(WhatHappened, d => ({ category: d.category, summary: d.summary }))
    case 'household':
      return form(Household, d => ({ household: d.household }))
    case 'others':
      return form(Others, d => ({ othersInvolved: d.othersInvolved, othersVisited: true }))
    case 'child-seen':
      return form(ChildSeen, d => ({ childSeen: d.childSeen === 'yes', childSaid: d.childSaid }))
    case 'sharing':
      return form(Sharing, d => ({ lawfulBasis: d.lawfulBasis, consentFrom: d.lawfulBasis === 'consent' ? d.consentFrom : undefined }))
  }
}

/** Whether the draft has a valid answer for this page (the "others" page may be left empty, once visited). */
export function stepComplete(step: Step, draft: Draft): boolean {
  switch (step) {
    case 'child':
      return !!(draft.child?.givenName && draft.child.familyName && draft.child.dateOfBirth)
    case 'what-happened':
      return typeof draft.category === 'string' && typeof draft.summary === 'string'
    case 'household':
      return typeof draft.household === 'string'
    case 'others':
      return draft.othersVisited === true
    case 'child-seen':
      return typeof draft.childSeen === 'boolean'
    case 'sharing':
      return typeof draft.lawfulBasis === 'string'
  }
}

export const firstIncomplete = (draft: Draft): Step | undefined => STEPS.find(step => !stepComplete(step, draft))

/** The draft as form values, for showing a page again. */
export function valuesFrom(draft: Draft): Record<string, unknown> {
  const [year, month, day] = (draft.child?.dateOfBirth ?? '').split('-')
  return {
    givenName: draft.child?.givenName,
    familyName: draft.child?.familyName,
    nhsNumber: draft.child?.nhsNumber,
    'dateOfBirth-day': day ? String(Number(day)) : undefined,
    'dateOfBirth-month': month ? String(Number(month)) : undefined,
    'dateOfBirth-year': year,
    category: draft.category,
    summary: draft.summary,
    household: draft.household,
    othersInvolved: draft.othersInvolved,
    childSeen: draft.childSeen === true ? 'yes' : draft.childSeen === false ? 'no' : undefined,
    childSaid: draft.childSaid,
    lawfulBasis: draft.lawfulBasis,
    consentFrom: draft.consentFrom,
  }
}

export const RagForm = z.object({
  rag: z.enum(Rag.options, { error: 'Select a RAG rating' }),
  rationale: z.string({ error: 'Enter why you chose this rating' }).trim().min(1, 'Enter why you chose this rating').max(5_000, 'Rationale must be 5,000 characters or fewer'),
})

export const DecisionForm = z.object({
  decision: z.enum(Decision.options, { error: 'Select the decision' }),
  decisionRationale: z
    .string({ error: 'Enter the rationale for the decision' })
    .trim()
    .min(1, 'Enter the rationale for the decision')
    .max(10_000, 'Rationale must be 10,000 characters or fewer'),
})
