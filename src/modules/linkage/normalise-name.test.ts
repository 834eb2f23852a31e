import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { foldName, normaliseFamilyName, normaliseGivenName } from './normalise-name.ts'

describe('name normalisation', () => {
  it('folds case, accents, letters that do not decompose, other scripts and punctuation', () => {
    assert.equal(foldName('  Łukasz  WÓJCIK '), 'lukasz wojcik')
    assert.equal(foldName('Siobhán'), 'siobhan')
    assert.equal(foldName("O'Brien"), 'obrien')
    assert.equal(foldName('O’Brien'), 'obrien')
    assert.equal(foldName('Smith-Jones'), 'smith jones')
    assert.equal(foldName('Мария'), 'mariya')
    assert.equal(foldName('Straße'), 'strasse')
    assert.equal(foldName('محمد'), 'محمد')
  })

  it('treats placeholders for a baby with no name yet as missing', () => {
    for (const given of [
      'Baby',
      'BABY BOY',
      'Baby of Smith',
      'Twin 1',
      'twin one',
      'Infant',
      'Unknown',
      'B/O Jones',
      'NK',
      'xxx',
    ]) {
      assert.equal(normaliseGivenName(given), undefined, given)
    }
  })

  it('keeps given and middle names as tokens, dropping titles, suffixes and digits', () => {
    assert.deepEqual(normaliseGivenName('Mary-Jane', 'Kai')?.tokens, ['mary', 'jane', 'kai'])
    assert.deepEqual(normaliseGivenName('Mr John')?.tokens, ['john'])
    assert.deepEqual(normaliseGivenName('Arth8r')?.tokens, ['arthr'])
    assert.deepEqual(normaliseGivenName('', 'Kai')?.tokens, ['kai'])
    assert.equal(normaliseGivenName('  '), undefined)
  })

  it('joins surname particles and splits double-barrelled names', () => {
    assert.deepEqual(normaliseFamilyName('Smith-Jones'), { full: 'smith jones', tokens: ['smith', 'jones'] })
    assert.equal(normaliseFamilyName('van der Berg')?.full, 'vanderberg')
    assert.equal(normaliseFamilyName('Van Der Berg')?.full, normaliseFamilyName('vanderberg')?.full)
    assert.equal(normaliseFamilyName('Mc Donald')?.full, 'mcdonald')
    assert.equal(normaliseFamilyName('O Brien')?.full, normaliseFamilyName("O'Brien")?.full)
    assert.equal(normaliseFamilyName('St John')?.full, normaliseFamilyName('Saint John')?.full)
    assert.equal(normaliseFamilyName('de la Cruz')?.full, 'delacruz')
    assert.deepEqual(normaliseFamilyName('García y López')?.tokens, ['garcia', 'lopez'])
    assert.equal(normaliseFamilyName('Smith Jnr')?.full, 'smith')
    assert.equal(normaliseFamilyName('Unknown'), undefined)
    assert.equal(normaliseFamilyName('---'), undefined)
  })
})
