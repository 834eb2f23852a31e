import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectPostcodeMode, parsePostcode } from './normalise-postcode.ts'

describe('postcodes', () => {
  it('normalises case and spacing and cuts unit, sector, district and area', () => {
    assert.deepEqual(parsePostcode(' sw1a2aa '), {
      kind: 'uk',
      unit: 'SW1A 2AA',
      sector: 'SW1A 2',
      district: 'SW1A',
      area: 'SW',
    })
    for (const raw of ['Bd111Ha', 'BD11 1HA', 'bd11  1ha', 'BD11-1HA'])
      assert.equal((parsePostcode(raw) as { unit: string }).unit, 'BD11 1HA', raw)
    assert.equal((parsePostcode('E1 6AN') as { district: string }).district, 'E1')
  })

  it('mends O/0 and I/1 slips only where that gives a valid shape', () => {
    assert.equal((parsePostcode('SWIA 2AA') as { unit: string }).unit, 'SW1A 2AA')
    assert.equal((parsePostcode('SW1A OAA') as { unit: string }).unit, 'SW1A 0AA')
    assert.equal((parsePostcode('M1 1AE') as { unit: string }).unit, 'M1 1AE')
  })

  it('treats NHS pseudo-postcodes and no-fixed-abode as missing, and nonsense as unparsed', () => {
    assert.equal(parsePostcode('ZZ99 3VZ').kind, 'missing')
    assert.equal(parsePostcode('NFA').kind, 'missing')
    assert.equal(parsePostcode('').kind, 'missing')
    assert.equal(parsePostcode('??').kind, 'unparsed')
    assert.equal(parsePostcode('not a postcode').kind, 'unparsed')
  })

  it('reads a mostly non-British column whole, in foreign mode', () => {
    assert.equal(detectPostcodeMode(['2119', '3165', '4881', 'SW1A 2AA']), 'foreign')
    assert.equal(detectPostcodeMode(['SW1A 2AA', 'm1 1ae', '2119']), 'uk')
    assert.deepEqual(parsePostcode('2119', 'foreign'), { kind: 'foreign', unit: '2119' })
    assert.equal(parsePostcode('x', 'foreign').kind, 'unparsed')
  })
})
