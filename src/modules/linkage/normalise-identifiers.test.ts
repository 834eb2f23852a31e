import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseEmail, parseNhsNumber, parsePhone, parseSex, parseUpn, upnCheckLetter } from './normalise-identifiers.ts'

describe('identifiers and codes', () => {
  it('keeps an NHS number that fails its check digit, as unreliable', () => {
    assert.deepEqual(parseNhsNumber('943 476 5919'), { kind: 'id', value: '9434765919', reliable: true })
    assert.deepEqual(parseNhsNumber('943-476-5918'), { kind: 'id', value: '9434765918', reliable: false })
    assert.equal(parseNhsNumber('12345').kind, 'unparsed')
    assert.equal(parseNhsNumber('0000000000').kind, 'missing')
    assert.equal(parseNhsNumber('N/A').kind, 'missing')
  })

  it('checks the UPN check letter', () => {
    const body = '801200001001'
    const letter = upnCheckLetter(`A${body}`) as string
    assert.deepEqual(parseUpn(`${letter}${body}`), { kind: 'id', value: `${letter}${body}`, reliable: true })
    const wrong = letter === 'A' ? 'B' : 'A'
    assert.equal((parseUpn(`${wrong}${body}`) as { reliable: boolean }).reliable, false)
    assert.equal(parseUpn('12345').kind, 'unparsed')
  })

  it('reads every sex coding of the contract', () => {
    for (const raw of ['M', 'm', 'male', 'Male', '1']) assert.deepEqual(parseSex(raw), { kind: 'sex', value: 1 }, raw)
    for (const raw of ['F', 'female', '2']) assert.deepEqual(parseSex(raw), { kind: 'sex', value: 2 }, raw)
    for (const raw of ['U', '', 'unknown', '9', '0']) assert.equal(parseSex(raw).kind, 'missing', raw)
    assert.equal(parseSex('banana').kind, 'unparsed')
  })

  it('normalises phone numbers and emails', () => {
    assert.deepEqual(parsePhone('+44 7700 900123'), { kind: 'id', value: '07700900123', reliable: true })
    assert.deepEqual(parsePhone('07700 900123'), { kind: 'id', value: '07700900123', reliable: true })
    assert.equal(parsePhone('call me').kind, 'unparsed')
    assert.deepEqual(parseEmail(' Jo@Example.ORG '), { kind: 'id', value: 'jo@example.org', reliable: true })
    assert.equal(parseEmail('not an email').kind, 'unparsed')
  })
})
