import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { openTestDatabase, testEngines } from '../../../test/support/test-database.ts'
import { AccessRepository, defaultRoles } from '../access/index.ts'
import type { Database } from '../db/index.ts'
import { AuthRepository } from './auth.repository.ts'
import { AuthService } from './auth.service.ts'
import { totp } from './totp.ts'

for (const engine of testEngines()) {
  describe(`accounts and sessions (${engine})`, () => {
    let database: Database
    let now = new Date('2026-11-26T09:00:00Z')
    let auth: AuthService
    const accountId = '70000000-0000-4000-8000-000000000001'

    before(async () => {
      database = await openTestDatabase(engine)
      const access = new AccessRepository(database.db)
      await access.upsertRoles(defaultRoles)
      auth = new AuthService(new AuthRepository(database.db), access, 30, () => now)
      await auth.createAccounts(database.db, [
        { id: accountId, email: 'Sam.Worker@Example.org', displayName: 'Sam Worker', passwordHash: await auth.hashPassword('a long enough password'), roles: ['social-worker'] },
      ])
    })
    after(() => database.close())

    it('locks after the configured failures, for the configured time, and an unknown email the same', async () => {
      const strict = new AuthService(new AuthRepository(database.db), new AccessRepository(database.db), { idleMinutes: 30, maxFailures: 3, lockoutMinutes: 10 }, () => now)
      const email = 'sam.worker@example.org'
      assert.deepEqual(await strict.attemptSignIn(email, 'wrong'), { outcome: 'wrong' })
      assert.deepEqual(await strict.attemptSignIn(email, 'wrong'), { outcome: 'wrong' })
      const locked = await strict.attemptSignIn(email, 'wrong')
      assert.equal(locked.outcome, 'locked')
      assert.equal(locked.outcome === 'locked' && locked.until.getTime(), now.getTime() + 10 * 60_000)
      assert.equal((await strict.attemptSignIn(email, 'a long enough password')).outcome, 'locked')
      now = new Date(now.getTime() + 10 * 60_000 + 1000)
      assert.deepEqual(await strict.attemptSignIn(email, 'a long enough password'), { outcome: 'signed-in', accountId })

      for (let i = 0; i < 2; i++) assert.deepEqual(await strict.attemptSignIn('nobody@example.org', 'x'), { outcome: 'wrong' })
      assert.equal((await strict.attemptSignIn('nobody@example.org', 'x')).outcome, 'locked')
      now = new Date(now.getTime() + 10 * 60_000 + 1000)
      assert.deepEqual(await strict.attemptSignIn('nobody@example.org', 'x'), { outcome: 'wrong' })
    })

    it('keeps a pending sign-in for ten minutes, signed in for nothing, and accepts each code step once and in order', async () => {
      const { secret } = await auth.beginMfaEnrolment(accountId)
      assert.ok(await auth.confirmMfaEnrolment(accountId, totp(secret, now)))
      assert.equal((await auth.attemptSignIn('sam.worker@example.org', 'a long enough password')).outcome, 'code-required')

      const pending = await auth.startSession(accountId, { mfaPending: true })
      assert.equal(await auth.resumeSession(pending), undefined)
      assert.equal((await auth.lookupSession(pending))?.kind, 'mfa-pending')
      now = new Date(now.getTime() + 11 * 60_000)
      assert.equal(await auth.lookupSession(pending), undefined, 'gone after ten minutes')
      assert.deepEqual(await auth.completeSignIn(pending, totp(secret, now)), { outcome: 'expired' })

      const later = totp(secret, new Date(now.getTime() + 30_000))
      const earlier = totp(secret, now)
      const first = await auth.startSession(accountId, { mfaPending: true })
      const done = await auth.completeSignIn(first, later)
      assert.equal(done.outcome, 'signed-in')
      assert.ok(done.outcome === 'signed-in' && (await auth.resumeSession(done.token)))
      const second = await auth.startSession(accountId, { mfaPending: true })
      assert.deepEqual(await auth.completeSignIn(second, later), { outcome: 'wrong' }, 'not the same code twice')
      assert.deepEqual(await auth.completeSignIn(second, earlier), { outcome: 'wrong' }, 'nor an earlier one after a later')
    })

    it('verifies a password with argon2id, email case aside', async () => {
      const account = await auth.verifyCredentials('sam.worker@example.org', 'a long enough password')
      assert.equal(account?.accountId, accountId)
      assert.deepEqual(account?.roles, ['social-worker'])
      assert.ok(account?.permissions.has('child:view'))
      assert.equal(await auth.verifyCredentials('sam.worker@example.org', 'wrong'), undefined)
      assert.equal(await auth.verifyCredentials('nobody@example.org', 'a long enough password'), undefined)
      const stored = await database.rows<{ password_hash: string }>(sql`select password_hash from account`)
      assert.match(stored[0]!.password_hash, /^\$argon2id\$/)
    })

    it('stores only a hash of the session id, slides the expiry with use and ends it when idle', async () => {
      const token = await auth.startSession(accountId)
      const stored = await database.rows<{ id_hash: string }>(sql`select id_hash from session`)
      assert.ok(stored.every(r => r.id_hash !== token))
      assert.ok(await auth.resumeSession(token))
      now = new Date(now.getTime() + 25 * 60_000)
      assert.ok(await auth.resumeSession(token), 'still live after 25 idle minutes')
      now = new Date(now.getTime() + 25 * 60_000)
      assert.ok(await auth.resumeSession(token), 'the last use slid the expiry on')
      now = new Date(now.getTime() + 31 * 60_000)
      assert.equal(await auth.resumeSession(token), undefined, 'ended after 31 idle minutes')
      await auth.purgeExpiredSessions()
      assert.deepEqual(await database.rows(sql`select id_hash from session`), [])
    })
  })
}
