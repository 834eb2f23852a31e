import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { LinkageIndex } from './linkage-index.ts'

describe('the incremental linkage index', () => {
  it('adds records one at a time and finds the known person for a new record', () => {
    const index = new LinkageIndex({ today: 20260115 })
    index.add({
      recordId: 'school-1',
      givenName: 'Oliver',
      familyName: 'Whitstone',
      dateOfBirth: '2016-04-09',
      sex: 'M',
      postcode: 'PL22 6PX',
    })
    index.add({
      recordId: 'school-2',
      givenName: 'Amelia',
      familyName: 'Okafor',
      dateOfBirth: '2012-01-30',
      sex: 'F',
      postcode: 'LS6 2AB',
    })
    index.add({
      recordId: 'gp-1',
      givenName: 'Olivia',
      familyName: 'Whitstone',
      dateOfBirth: '2019-01-13',
      sex: 'F',
      postcode: 'PL22 6PX',
    })
    assert.equal(index.size, 3)
    const { index: added, matches } = index.match({
      recordId: 'police-1',
      givenName: 'OLLIE',
      familyName: 'whitstone',
      dateOfBirth: '09/04/16',
      sex: 'male',
      postcode: 'pl226px',
    })
    assert.equal(added, 3)
    assert.equal(matches[0]?.recordId, 'school-1')
    // The untrained model expects a large population (λ = 1e-5): here the new record is at least one to review.
    assert.notEqual(matches[0]?.score.decision, 'no-link')
    assert.ok((matches[0]?.score.matchWeight ?? 0) > index.score(2, added).matchWeight + 10)
    assert.ok(!matches.some(match => match.recordId === 'school-2'))
    assert.deepEqual(index.candidates(0), [2, 3])
  })

  it('reports values it could not read', () => {
    const index = new LinkageIndex({ today: 20260115 })
    const { unparsed } = index.add({ recordId: 'x', dateOfBirth: '31/02/2015', postcode: '??', nhsNumber: '123' })
    assert.deepEqual([...unparsed].sort(), ['date_of_birth', 'nhs_number', 'postcode'])
  })
})
