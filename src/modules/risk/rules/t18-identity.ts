import * as z from 'zod'
import { defineRule, type Rule } from '../rule.schema.ts'
import { NONE, fire, ofType, own } from './signals.ts'

export const r18a = defineRule({
  id: 'R18a',
  version: 1,
  theme: 'T18',
  title: 'Interpreter needed, family member used',
  looksFor:
    'A visit at which a family member or partner interpreted (the same signal as R02d, for the language and culture theme).',
  parameters: z.object({}),
  evidence:
    'Race, ethnicity, culture and language are a Panel theme [risk.md T18; 6]; Daniel Pelka’s family interpreted for ' +
    'professionals [81b]; Working Together 2023: make it safe to challenge assumptions about ethnicity [53].',
  action:
    'Book an independent interpreter for every conversation with the child and family; record the family’s language needs.',
  schedule: 'event',
  evaluate(ctx) {
    const v = ofType(own(ctx), 'visit.completed').find(e => e.details.interpreter === 'family-member')
    return v ? fire(v) : NONE
  },
})

export const t18Rules: readonly Rule[] = [r18a]
