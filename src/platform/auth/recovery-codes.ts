import { createHash, randomInt } from 'node:crypto'

/** Crockford's base32 alphabet: no i, l, o or u, so nothing reads as another character. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
export const RECOVERY_CODE_COUNT = 10

/** One recovery code: 12 random characters (60 bits), shown as xxxx-xxxx-xxxx. */
export function newRecoveryCode(): string {
  let code = ''
  for (let i = 0; i < 12; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, newRecoveryCode)
}

/** What a person typed, as the code it stands for: case, spaces and hyphens aside, o read as 0 and i or l as 1. */
export function normaliseRecoveryCode(typed: string): string | undefined {
  const code = typed
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1')
  return code.length === 12 && [...code].every(c => ALPHABET.includes(c)) ? code : undefined
}

/**
 * Stored form of a recovery code: SHA-256 over the account id and the code. Sixty random bits make a fast hash
 * safe here (unlike passwords), and the account id keeps one table of guesses from serving every account.
 */
export function hashRecoveryCode(accountId: string, normalised: string): string {
  return createHash('sha256').update(`${accountId}:${normalised}`).digest('hex')
}
