import { hash, verify } from '@node-rs/argon2'

// argon2id (the library's default algorithm) at OWASP's first recommended setting: 19 MiB, 2 passes, 1 lane.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export async function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** Verified against when the account does not exist, so a wrong email costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined
export function decoy(): Promise<string> {
  decoyHash ??= hashPassword('decoy-password-never-matches')
  return decoyHash
}
