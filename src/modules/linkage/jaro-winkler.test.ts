import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { damerauLevenshtein, withinOneEdit } from './damerau-levenshtein.ts'
import { jaro, jaroWinkler } from './jaro-winkler.ts'
import { seededRandom } from './seeded-random.ts'

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 0.001, `${what}: ${actual} ≠ ${expected}`)

describe('Jaro and Jaro-Winkler', () => {
  it('gives the published values for the classic examples', () => {
    close(jaro('martha', 'marhta'), 0.944, 'jaro martha')
    close(jaroWinkler('martha', 'marhta'), 0.961, 'jw martha')
    close(jaroWinkler('dwayne', 'duane'), 0.84, 'jw dwayne')
    close(jaroWinkler('dixon', 'dicksonx'), 0.813, 'jw dixon')
  })

  it('scores identical strings 1, disjoint ones 0, and an empty string against a name 0', () => {
    assert.equal(jaroWinkler('smith', 'smith'), 1)
    assert.equal(jaroWinkler('', ''), 1)
    assert.equal(jaroWinkler('abc', 'xyz'), 0)
    assert.equal(jaroWinkler('', 'smith'), 0)
  })

  it('is symmetric and stays within 0 and 1', () => {
    const random = seededRandom(7)
    const word = () =>
      Array.from({ length: 1 + Math.floor(random() * 9) }, () => 'abcdehmnorst'.charAt(Math.floor(random() * 12))).join(
        '',
      )
    for (let k = 0; k < 2000; k++) {
      const a = word()
      const b = word()
      const x = jaroWinkler(a, b)
      close(x, jaroWinkler(b, a), `${a}/${b}`)
      assert.ok(x >= 0 && x <= 1)
    }
  })
})

describe('Damerau-Levenshtein (optimal string alignment)', () => {
  it('counts a transposition as one edit', () => {
    assert.equal(damerauLevenshtein('ca', 'ac'), 1)
    assert.equal(damerauLevenshtein('kitten', 'sitting'), 3)
    assert.equal(damerauLevenshtein('19850312', '19850321'), 1)
    assert.equal(damerauLevenshtein('', 'abc'), 3)
    assert.equal(damerauLevenshtein('abc', 'abc'), 0)
  })

  it('stops early past the bound, answering bound + 1', () => {
    assert.equal(damerauLevenshtein('abcdef', 'uvwxyz', 1), 2)
    assert.equal(damerauLevenshtein('abc', 'abcdefgh', 2), 3)
  })

  it('agrees with withinOneEdit on random strings', () => {
    const random = seededRandom(11)
    const word = () =>
      Array.from({ length: Math.floor(random() * 7) }, () => 'abc'.charAt(Math.floor(random() * 3))).join('')
    for (let k = 0; k < 5000; k++) {
      const a = word()
      const b = word()
      assert.equal(withinOneEdit(a, b), damerauLevenshtein(a, b, 1) <= 1, `${a}/${b}`)
    }
  })
})
