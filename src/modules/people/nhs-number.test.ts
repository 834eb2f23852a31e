import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatNhsNumber, isValidNhsNumber, nhsDigits } from './nhs-number.ts'

describe('NHS numbers', () => {
  it('accepts numbers whose modulus-11 check digit is right, however they are spaced', () => {
    for (const value of ['9998765439', '999 876 5439', '999-876-5439', '9990000018', '9991112227']) {
      assert.equal(isValidNhsNumber(value), true, value)
    }
  })

  it('refuses a wrong check digit, a check value of 10, and anything not 10 digits', () => {
    for (const value of ['9998765430', '9991234560', '999876543', '99987654391', 'abcdefghij', '']) {
      assert.equal(isValidNhsNumber(value), false, value)
    }
  })

  it('normalises and formats', () => {
    assert.equal(nhsDigits(' 999 876 5439 '.trim()), '9998765439')
    assert.equal(nhsDigits('999 876 543'), undefined)
    assert.equal(formatNhsNumber('9998765439'), '999 876 5439')
  })
})
