import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { nameSound, soundex } from './phonetic.ts'

describe('phonetic keys', () => {
  it('gives standard Soundex codes', () => {
    const expected: Record<string, string> = {
      robert: 'R163',
      rupert: 'R163',
      ashcraft: 'A261',
      tymczak: 'T522',
      pfister: 'P236',
      lee: 'L000',
      smith: 'S530',
      smyth: 'S530',
    }
    for (const [name, code] of Object.entries(expected)) assert.equal(soundex(name), code, name)
    assert.equal(soundex(''), '')
  })

  it('gives one sound to spellings that sound alike', () => {
    const groups = [
      ['mohammed', 'muhammad', 'mohamed', 'mohammad', 'muhammed'],
      ['ahmed', 'ahmad'],
      ['smith', 'smyth'],
      ['kai', 'kye'],
      ['stephen', 'steven'],
      ['catherine', 'katherine', 'kathryn'],
      ['jon', 'john'],
      ['philip', 'phillip', 'filip'],
    ]
    for (const group of groups) {
      const sounds = new Set(group.map(nameSound))
      assert.equal(sounds.size, 1, `${group.join(', ')}: ${[...sounds].join(', ')}`)
    }
  })

  it('keeps different names apart', () => {
    for (const [a, b] of [
      ['oliver', 'olivia'],
      ['jack', 'james'],
      ['smith', 'jones'],
      ['harry', 'henry'],
    ]) {
      assert.notEqual(nameSound(a as string), nameSound(b as string), `${a}/${b}`)
    }
  })
})
