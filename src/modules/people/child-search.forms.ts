import * as z from 'zod'
import { isValidNhsNumber, nhsDigits } from './nhs-number.ts'
import type { ChildSearch } from './person.schema.ts'

const text = (max: number, label: string) =>
  z
    .string()
    .optional()
    .transform(v => v?.trim() ?? '')
    .pipe(z.string().max(max, `${label} must be ${max} characters or fewer`))

/** GOV.UK date input parts → ISO date, with the pattern's error messages. */
function parseDate(day: string, month: string, year: string, today: Date): { iso?: string; error?: string } {
  if (!day && !month && !year) return {}
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean) as string[]
  if (missing.length) return { error: `Date of birth must include a ${missing.join(' and ')}` }
  if (![day, month, year].every(p => /^\d+$/.test(p)) || year.length !== 4) {
    return { error: 'Date of birth must be a real date, with a 4-digit year' }
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: 'Date of birth must be a real date' }
  }
  if (date.getTime() > today.getTime()) return { error: 'Date of birth must be today or in the past' }
  if (y < 1900) return { error: 'Date of birth must be after 1900' }
  return { iso: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` }
}

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
      const date = parseDate(form['dateOfBirth-day'], form['dateOfBirth-month'], form['dateOfBirth-year'], today)
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
