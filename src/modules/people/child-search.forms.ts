import * as z from 'zod'
import { parseDateParts } from '../../platform/forms/index.ts'
import { isValidNhsNumber, nhsDigits } from './nhs-number.ts'
import type { ChildSearch } from './person.schema.ts'

const text = (max: number, label: string) =>
  z
    .string()
    .optional()
    .transform(v => v?.trim() ?? '')
    .pipe(z.string().max(max, `${label} must be ${max} characters or fewer`))

/** The find-a-child form: a family name (with any of given name and date of birth), or an NHS number. */
export function childSearchForm(today: Date = new Date()) {
  return z
    .object({
      nhsNumber: text(20, 'NHS number'),
      givenName: text(100, 'Given name'),
      familyName: text(100, 'Family name'),
      'dateOfBirth-day': text(2, 'Day'),
      'dateOfBirth-month': text(2, 'Month'),
      'dateOfBirth-year': text(4, 'Year'),
    })
    .transform((form, ctx): ChildSearch => {
      const search: ChildSearch = {}
      if (form.nhsNumber) {
        const digits = nhsDigits(form.nhsNumber)
        if (!digits) ctx.addIssue({ code: 'custom', path: ['nhsNumber'], message: 'NHS number must be 10 digits, like 999 876 5439' })
        else if (!isValidNhsNumber(digits)) ctx.addIssue({ code: 'custom', path: ['nhsNumber'], message: 'Enter a valid NHS number: check the digits' })
        else search.nhsNumber = digits
      }
      const date = parseDateParts(
        'Date of birth',
        { day: form['dateOfBirth-day'], month: form['dateOfBirth-month'], year: form['dateOfBirth-year'] },
        { today, notAfterToday: true },
      )
      if (date.error) ctx.addIssue({ code: 'custom', path: ['dateOfBirth-day'], message: date.error })
      if (date.iso) search.dateOfBirth = date.iso
      if (form.familyName) search.familyName = form.familyName
      if (form.givenName) search.givenName = form.givenName
      if (!form.nhsNumber && !form.familyName) {
        ctx.addIssue({ code: 'custom', path: ['familyName'], message: 'Enter the child’s family name, or their NHS number' })
      }
      return search
    })
}
