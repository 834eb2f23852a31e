import { mix32 } from './seeded-random.ts'

/**
 * Synthetic identifiers that look and validate like real ones but can never be a real person's: NHS numbers in
 * the 999 range NHS England reserves for testing, UPNs under a local-authority number that is not allocated,
 * and postcodes in "NS", an area that does not exist.
 */

/** How many distinct NHS numbers `syntheticNhsNumber` can give: 100,000 stems of nine usable check digits. */
export const NHS_NUMBER_CAPACITY = 900_000

/** The modulus-11 check digit of nine digits, or 10 when no NHS number may be issued with them. */
function nhsCheckDigit(nineDigits: string): number {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += (nineDigits.charCodeAt(i) - 48) * (10 - i)
  const check = 11 - (sum % 11)
  return check === 11 ? 0 : check
}

/**
 * The NHS number (10 digits, no spaces) for the `ordinal`-th person of a seed, unique per ordinal below
 * NHS_NUMBER_CAPACITY, otherwise undefined. The ordinal is scrambled by an affine permutation keyed by the
 * seed, so neighbours in a family do not get neighbouring numbers. Each stem "999abcde" has nine ninth digits
 * whose check digit is not 10; the k-th of them is taken, which makes the mapping one-to-one.
 */
export function syntheticNhsNumber(seed: number, ordinal: number): string | undefined {
  if (ordinal < 0 || ordinal >= NHS_NUMBER_CAPACITY) return undefined
  const multiplier = 30 * (mix32(seed ^ 0x51ed27) % 29_000) + 7 // ≡ 7 (mod 30): coprime with 900,000 = 2^5·3^2·5^5
  const permuted = (multiplier * ordinal + (mix32(seed) % NHS_NUMBER_CAPACITY)) % NHS_NUMBER_CAPACITY // < 2^53: exact
  const stem = `999${String(Math.floor(permuted / 9)).padStart(5, '0')}`
  let wanted = permuted % 9
  for (let ninth = 0; ninth < 10; ninth++) {
    const nine = `${stem}${ninth}`
    const check = nhsCheckDigit(nine)
    if (check === 10) continue
    if (wanted === 0) return `${nine}${check}`
    wanted--
  }
  return undefined // unreachable: every stem has at least nine usable ninth digits
}

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

/** Northshire's local-authority number in UPNs: 990 is not allocated to any real authority. */
export const NORTHSHIRE_LA_NUMBER = '990'

/**
 * A unique pupil number for the `ordinal`-th child: a check letter, the authority number and nine digits, the
 * check letter computed as the DfE specifies (weights 2 to 13 on characters 2 to 13, modulo 23).
 */
export function syntheticUpn(seed: number, ordinal: number): string {
  // 3^18 is coprime with 10^9, so this is a permutation of the nine-digit serials (exact in doubles: < 2^53).
  const serial = (ordinal * 387_420_489 + (mix32(seed) % 1_000_000_000)) % 1_000_000_000
  const body = `${NORTHSHIRE_LA_NUMBER}${String(serial).padStart(9, '0')}`
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(i) - 48) * (i + 2)
  return `${UPN_LETTERS[sum % 23]}${body}`
}

/** True when a UPN's check letter agrees with its digits. */
export function isValidUpn(upn: string): boolean {
  if (!/^[A-Z]\d{12}$/.test(upn)) return false
  let sum = 0
  for (let i = 1; i < 13; i++) sum += (upn.charCodeAt(i) - 48) * (i + 1)
  return upn[0] === UPN_LETTERS[sum % 23]
}

// Letters used in the inward code of a postcode: never C, I, K, M, O or V.
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'

/** A full unit postcode such as "NS4 7QT" from an outward code and a number picking the sector and unit. */
export function unitPostcode(outward: string, unit: number): string {
  const sector = unit % 10
  const first = INWARD_LETTERS[Math.floor(unit / 10) % INWARD_LETTERS.length]
  const second = INWARD_LETTERS[Math.floor(unit / 200) % INWARD_LETTERS.length]
  return `${outward} ${sector}${first}${second}`
}
