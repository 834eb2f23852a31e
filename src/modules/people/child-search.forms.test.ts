import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseForm } from '../../platform/forms/index.ts'
import { childSearchForm } from './child-search.forms.ts'

const today = new Date('2026-11-26T12:00:00Z')
const parse = (body: Record<string, string>) => parseForm(childSearchForm(today), body)

describe('the find-a-child form', () => {
  it('asks for a family name or an NHS number when nothing is entered', () => {
    const result = parse({})
    assert.equal(result.ok, false)
    if (!result.ok) {
      assert.deepEqual(result.errorList, [{ text: 'Enter the child’s family name, or their NHS number', href: '#familyName' }])
    }
  })

  it('turns names, a date of birth and an NHS number into a search', () => {
    const result = parse({
      givenName: ' Kai ',
      familyName: 'Smith',
      'dateOfBirth-day': '3',
      'dateOfBirth-month': '9',
      'dateOfBirth-year': '2019',
      nhsNumber: '999 876 5439',
    })
    assert.deepEqual(result, {
      ok: true,
      data: { givenName: 'Kai', familyName: 'Smith', dateOfBirth: '2019-09-03', nhsNumber: '9998765439' },
    })
  })

  it('searches by NHS number alone', () => {
    assert.deepEqual(parse({ nhsNumber: '9998765439' }), { ok: true, data: { nhsNumber: '9998765439' } })
  })

  for (const [body, field, message] of [
    [{ nhsNumber: '12345' }, 'nhsNumber', 'NHS number must be 10 digits, like 999 876 5439'],
    [{ nhsNumber: '9998765430' }, 'nhsNumber', 'Enter a valid NHS number: check the digits'],
    [{ familyName: 'Smith', 'dateOfBirth-day': '3' }, 'dateOfBirth-day', 'Date of birth must include a month and year'],
    [{ familyName: 'Smith', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2020' }, 'dateOfBirth-day', 'Date of birth must be a real date'],
    [{ familyName: 'Smith', 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2027' }, 'dateOfBirth-day', 'Date of birth must be today or in the past'],
    [{ familyName: 'x'.repeat(101) }, 'familyName', 'Family name must be 100 characters or fewer'],
  ] as const) {
    it(`says "${message}"`, () => {
      const result = parse(body)
      assert.equal(result.ok, false)
      if (!result.ok) assert.equal(result.errors[field]?.text, message)
    })
  }
})
