import * as z from 'zod'
import { LawfulBasis } from '../chronology/index.ts'
import { isValidNhsNumber, nhsDigits } from '../people/index.ts'

export const ConcernCategory = z.enum(['physical', 'sexual', 'emotional', 'neglect', 'domestic-abuse', 'exploitation', 'other'])
export type ConcernCategory = z.infer<typeof ConcernCategory>

export const categoryLabels: Record<ConcernCategory, string> = {
  physical: 'Physical harm',
  sexual: 'Sexual harm',
  emotional: 'Emotional harm',
  neglect: 'Neglect',
  'domestic-abuse': 'Domestic abuse',
  exploitation: 'Exploitation',
  other: 'Something else',
}

export const lawfulBasisChoices: Record<LawfulBasis, string> = {
  'public-task': 'Public task: UK GDPR Art 6(1)(e) with DPA 2018 Sch 1 para 18 (safeguarding children)',
  'law-enforcement': 'Law enforcement: DPA 2018 Part 3 with Sch 8 para 4 (police)',
  consent: 'Consent: the family agreed to this information being shared',
}

export const Rag = z.enum(['red', 'amber', 'green'])
export type Rag = z.infer<typeof Rag>

export const Decision = z.enum(['no-further-action', 'early-help', 'assessment', 'strategy-discussion', 'section-47'])
export type Decision = z.infer<typeof Decision>

export const decisionLabels: Record<Decision, string> = {
  'no-further-action': 'No further action',
  'early-help': 'Early help',
  assessment: 'Assessment (section 17)',
  'strategy-discussion': 'Strategy discussion',
  'section-47': 'Section 47 enquiry',
}

export const IsoDate = z.iso.date({ error: 'Give a date as YYYY-MM-DD' })

/** Who the child is, as the referrer or partner system knows them. An NHS number, or names and date of birth. */
export const ChildIdentity = z
  .strictObject({
    nhsNumber: z
      .string()
      .transform(v => nhsDigits(v) ?? v)
      .refine(isValidNhsNumber, 'NHS number must be 10 digits with a valid check digit')
      .optional(),
    givenName: z.string().trim().min(1).max(100).optional(),
    familyName: z.string().trim().min(1).max(100).optional(),
    dateOfBirth: IsoDate.optional(),
    sex: z.enum(['M', 'F', 'U']).optional(),
    /** The reporting agency's own id for the child, if it has one. */
    localId: z.string().trim().min(1).max(100).optional(),
    postcode: z.string().trim().max(10).optional(),
  })
  .refine(c => c.nhsNumber !== undefined || (c.givenName && c.familyName && c.dateOfBirth), {
    message: 'Give the child’s NHS number, or their given name, family name and date of birth',
  })
export type ChildIdentity = z.output<typeof ChildIdentity>

/** A complete concern: what every route into intake (the form, the API) hands the service. */
export const ConcernAnswers = z.object({
  child: ChildIdentity,
  category: ConcernCategory,
  summary: z.string().trim().min(1).max(10_000),
  household: z.string().trim().max(5_000).optional(),
  othersInvolved: z.string().trim().max(5_000).optional(),
  childSeen: z.boolean(),
  childSaid: z.string().trim().max(5_000).optional(),
  lawfulBasis: LawfulBasis,
  /** Who gave consent, when the basis is consent. */
  consentFrom: z.string().trim().max(200).optional(),
})
export type ConcernAnswers = z.output<typeof ConcernAnswers>

export type MatchedBy = 'nhs-number' | 'agency-record' | 'name-and-date-of-birth' | 'new-person'

export type Contact = {
  id: string
  reference: string
  personId: string
  agencyId: string
  referrerPractitionerId: string | null
  referrerAccountId: string | null
  referrerApiClientId: string | null
  matchedBy: MatchedBy
  eventId: string
  concern: ConcernAnswers
  lawfulBasis: LawfulBasis
  receivedAt: Date
  decisionDueAt: Date
  rag: Rag | null
  decision: Decision | null
  decisionRationale: string | null
  decidedAt: Date | null
  decidedByPractitionerId: string | null
  decidedByAccountId: string | null
}

export type RagChange = {
  id: string
  rag: Rag
  previousRag: Rag | null
  rationale: string
  setByAccountId: string | null
  setByPractitionerId: string | null
  setAt: Date
}
