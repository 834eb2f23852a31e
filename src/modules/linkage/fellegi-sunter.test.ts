import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { defaultLinkageModel } from './default-model.ts'
import { probabilityFromWeight, weightFromProbability } from './fellegi-sunter.ts'
import { scorePair } from './linkage-index.ts'
import type { SourceRecord } from './normalise-record.ts'

const today = 20260115
const kai: SourceRecord = {
  recordId: 'police-1',
  givenName: 'Kai',
  familyName: 'Smith',
  dateOfBirth: '2015-03-07',
  sex: 'M',
  postcode: 'LS6 2AB',
  nhsNumber: '943 476 5919',
}
const score = (a: SourceRecord, b: SourceRecord) => scorePair(a, b, defaultLinkageModel(), today)
const level = (a: SourceRecord, b: SourceRecord, comparison: string) =>
  score(a, b).comparisons.find(c => c.comparison === comparison)?.levelLabel

describe('Fellegi–Sunter scoring', () => {
  it('turns weights into probabilities and back', () => {
    assert.equal(probabilityFromWeight(0), 0.5)
    assert.ok(Math.abs(probabilityFromWeight(weightFromProbability(0.95)) - 0.95) < 1e-12)
  })

  it('explains a weight comparison by comparison, and the parts add up', () => {
    const result = score(kai, {
      ...kai,
      recordId: 'school-1',
      givenName: 'Kye',
      familyName: 'Smyth-Jones',
      nhsNumber: '',
    })
    const total = result.comparisons.reduce((sum, c) => sum + c.weight + c.tfAdjustment, result.prior)
    assert.ok(Math.abs(total - result.matchWeight) < 1e-9)
    assert.equal(result.comparisons.find(c => c.comparison === 'given')?.levelLabel, 'nickname or spelling variant')
    assert.equal(result.comparisons.find(c => c.comparison === 'nhsNumber')?.levelLabel, 'missing')
    assert.equal(result.comparisons.find(c => c.comparison === 'nhsNumber')?.weight, 0)
    assert.equal(result.decision, 'link')
  })

  it('recognises the levels of reference/linkage.md §5', () => {
    assert.equal(level(kai, { ...kai, givenName: 'KAI' }, 'given'), 'exact')
    assert.equal(level(kai, { ...kai, givenName: 'Kia' }, 'given'), 'sounds alike or Jaro-Winkler ≥ 0.88')
    assert.equal(
      level({ ...kai, givenName: 'Alfred' }, { ...kai, givenName: 'Alfie' }, 'given'),
      'nickname or spelling variant',
    )
    assert.equal(
      level({ ...kai, givenName: 'Mohammed' }, { ...kai, givenName: 'Muhammad' }, 'given'),
      'nickname or spelling variant',
    )
    assert.equal(
      level(kai, { ...kai, givenName: 'Ollie', middleNames: 'Kai' }, 'given'),
      'other given name, initial or shortened form',
    )
    assert.equal(level(kai, { ...kai, familyName: 'Smith-Jones' }, 'family'), 'shares a part (double-barrelled)')
    assert.equal(level(kai, { ...kai, dateOfBirth: '07/03/15' }, 'dateOfBirth'), 'exact')
    assert.equal(level(kai, { ...kai, dateOfBirth: '03/07/2015' }, 'dateOfBirth'), 'day and month swapped')
    assert.equal(level(kai, { ...kai, dateOfBirth: '2015-07-03' }, 'dateOfBirth'), 'day and month swapped')
    assert.equal(level(kai, { ...kai, dateOfBirth: '2015-03-08' }, 'dateOfBirth'), 'one digit or transposition')
    assert.equal(level(kai, { ...kai, dateOfBirth: '2015-03-21' }, 'dateOfBirth'), 'two of day, month, year')
    assert.equal(level(kai, { ...kai, postcode: 'ls62ab' }, 'location'), 'same postcode')
    assert.equal(level(kai, { ...kai, postcode: 'LS6 2AD' }, 'location'), 'similar address or postcode one edit apart')
    assert.equal(level(kai, { ...kai, postcode: 'LS6 2XY' }, 'location'), 'same postcode sector')
    assert.equal(level(kai, { ...kai, postcode: 'LS6 9XY' }, 'location'), 'same postcode district')
    assert.equal(level(kai, { ...kai, nhsNumber: '9434765918' }, 'nhsNumber'), 'one digit apart')
  })

  it('reads given and family names written the other way round', () => {
    const result = score(kai, { ...kai, givenName: 'Smith', familyName: 'Kai' })
    assert.equal(result.namesSwapped, true)
    assert.equal(result.decision, 'link')
  })

  it('never links possible twins automatically: same surname, date of birth and address, different given names', () => {
    const twin = score(kai, { ...kai, recordId: 'school-2', givenName: 'Leo', nhsNumber: '' })
    assert.equal(twin.possibleTwins, true)
    assert.notEqual(twin.decision, 'link')
    const twinSister = score(
      { ...kai, givenName: 'Olivia', sex: 'F', nhsNumber: '' },
      { ...kai, givenName: 'Oliver', nhsNumber: '' },
    )
    assert.equal(twinSister.possibleTwins, true)
    // A typo or a nickname is not a twin.
    assert.equal(score(kai, { ...kai, givenName: 'Kaj' }).possibleTwins, false)
    assert.equal(score({ ...kai, givenName: 'Thomas' }, { ...kai, givenName: 'Tom' }).possibleTwins, false)
  })

  it('never links two different valid NHS numbers automatically', () => {
    const result = score(kai, { ...kai, nhsNumber: '401 023 2137' })
    assert.equal(result.conflictingNhsNumbers, true)
    assert.notEqual(result.decision, 'link')
    // An unreliable number (failing its check digit) is not a conflict.
    assert.equal(score(kai, { ...kai, nhsNumber: '401 023 2138' }).conflictingNhsNumbers, false)
  })

  it('scores strangers far below the threshold', () => {
    const stranger: SourceRecord = {
      recordId: 'x',
      givenName: 'Amelia',
      familyName: 'Okafor',
      dateOfBirth: '2011-11-30',
      sex: 'F',
      postcode: 'BN1 1AA',
    }
    const result = score(kai, stranger)
    assert.ok(result.matchProbability < 0.01, String(result.matchProbability))
    assert.equal(result.decision, 'no-link')
  })
})
