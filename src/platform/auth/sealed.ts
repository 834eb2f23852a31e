import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Authenticated encryption (AES-256-GCM) of a small JSON value for a cookie, with a key derived from a secret
 * for one purpose. Used for the OpenID Connect state: the browser carries it, but can neither read nor change it.
 */
export class Sealer {
  private readonly key: Buffer

  constructor(secret: string | undefined, purpose: string) {
    const material = secret ?? randomBytes(32).toString('hex')
    this.key = Buffer.from(hkdfSync('sha256', material, 'sightline', purpose, 32))
  }

  seal(value: unknown): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
  }

  /** The value, or undefined when the text was not sealed with this key or was changed. */
  unseal(text: string | undefined): unknown {
    if (!text || !/^[A-Za-z0-9_-]{40,4096}$/.test(text)) return undefined
    const raw = Buffer.from(text, 'base64url')
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as unknown
    } catch {
      return undefined
    }
  }
}
