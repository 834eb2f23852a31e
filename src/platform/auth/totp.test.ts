import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totp, totpStep } from './totp.ts'

const seed20 = Buffer.from('12345678901234567890')
const seed32 = Buffer.from('12345678901234567890123456789012')
const seed64 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234')

describe('HOTP (RFC 4226 appendix D)', () => {
  it('gives the published values for counters 0 to 9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489']
    assert.deepEqual(
      expected.map((_, counter) => hotp(seed20, counter)),
      expected,
    )
  })
})

describe('TOTP (RFC 6238 appendix B)', () => {
  const vectors: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ]
  for (const [seconds, sha1, sha256, sha512] of vectors) {
    it(`gives the published 8-digit codes at T=${seconds}`, () => {
      const step = totpStep(new Date(seconds * 1000))
      assert.equal(hotp(seed20, step, 8, 'sha1'), sha1)
      assert.equal(hotp(seed32, step, 8, 'sha256'), sha256)
      assert.equal(hotp(seed64, step, 8, 'sha512'), sha512)
    })
  }

  it('makes the 6-digit SHA-1 codes authenticator apps show from a base32 secret', () => {
    const secret = base32Encode(seed20)
    assert.equal(secret, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
    assert.equal(totp(secret, new Date(59_000)), '287082')
    assert.equal(totp(secret, new Date(1111111109_000)), '081804')
    assert.equal(totp(secret, new Date(20000000000_000)), '353130')
  })

  it('accepts a code one step either side of now and no further, saying which step matched', () => {
    const secret = base32Encode(seed20)
    const now = new Date(1234567890_000)
    const step = totpStep(now)
    assert.equal(matchTotp(secret, totp(secret, now), now), step)
    assert.equal(matchTotp(secret, totp(secret, new Date(now.getTime() - 30_000)), now), step - 1)
    assert.equal(matchTotp(secret, totp(secret, new Date(now.getTime() + 30_000)), now), step + 1)
    assert.equal(matchTotp(secret, totp(secret, new Date(now.getTime() - 60_000)), now), undefined)
    assert.equal(matchTotp(secret, totp(secret, new Date(now.getTime() + 60_000)), now), undefined)
    assert.equal(matchTotp(secret, 'abcdef', now), undefined)
    assert.equal(matchTotp(secret, '12345', now), undefined)
  })
})

describe('base32 and secrets', () => {
  it('round-trips, ignoring case, spaces and padding, and refuses other characters', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 17, 99])
    const text = base32Encode(bytes)
    assert.deepEqual(base32Decode(text), bytes)
    assert.deepEqual(base32Decode(text.toLowerCase().replace(/(.{4})/g, '$1 ') + '===='), bytes)
    assert.equal(base32Decode('not base32: 0 1 8 9'), undefined)
    assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI') // RFC 4648 §10, unpadded
  })

  it('makes 160-bit secrets and an otpauth URI apps can read', () => {
    const secret = newTotpSecret()
    assert.match(secret, /^[A-Z2-7]{32}$/)
    assert.notEqual(secret, newTotpSecret())
    const text = otpauthUri(secret, 'sam@example.org', 'Sightline')
    assert.ok(text.startsWith('otpauth://totp/Sightline:sam%40example.org?'))
    const uri = new URL(text)
    assert.equal(uri.searchParams.get('secret'), secret)
    assert.equal(uri.searchParams.get('issuer'), 'Sightline')
    assert.equal(uri.searchParams.get('period'), '30')
  })
})
