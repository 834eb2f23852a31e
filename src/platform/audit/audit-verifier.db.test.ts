import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { openTestDatabase, testEngines } from '../../../test/support/test-database.ts'
import type { Database } from '../db/index.ts'
import { verifyAuditChain } from './audit-verifier.ts'
import { AuditWriter } from './audit.writer.ts'

/** Change the table as someone with the owner's rights would, past the append-only triggers. */
async function tamper(database: Database, statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction(async tx => {
    await tx.execute(sql`alter table audit_event disable trigger user`)
    await tx.execute(statement)
    await tx.execute(sql`alter table audit_event enable trigger user`)
  })
}

for (const engine of testEngines()) {
  describe(`the audit hash chain (${engine})`, () => {
    let database: Database
    const writer = new AuditWriter()
    before(async () => {
      database = await openTestDatabase(engine)
      for (let i = 0; i < 25; i++) {
        await writer.write(database.db, { actor: undefined, requestId: `req-${i}` }, {
          action: 'child.viewed',
          subjectType: 'person',
          subjectId: `child-${i % 5}`,
          details: { i, note: 'ünïcödé "quoted"' },
        })
      }
    })
    after(() => database.close())

    it('chains each event to the one before', async () => {
      const rows = await database.rows<{ seq: string; prev_hash: string; hash: string }>(sql`select seq::text, prev_hash, hash from audit_event order by audit_event.seq`)
      assert.equal(rows.length, 25)
      assert.equal(rows[0]?.prev_hash, '')
      for (let i = 1; i < rows.length; i++) assert.equal(rows[i]?.prev_hash, rows[i - 1]?.hash)
      assert.match(rows[24]!.hash, /^[0-9a-f]{64}$/)
    })

    it('verifies an intact chain, in batches, and reports its head', async () => {
      const result = await verifyAuditChain(database, { batchSize: 7 })
      assert.equal(result.broken, undefined)
      assert.equal(result.checked, 25)
      assert.equal(result.headSeq, 25)
      assert.match(result.headHash, /^[0-9a-f]{64}$/)
    })

    it('finds a changed event', async () => {
      await tamper(database, sql`update audit_event set details = '{"i": 99}' where seq = 12`)
      const result = await verifyAuditChain(database, { batchSize: 7 })
      assert.deepEqual(result.broken && { seq: result.broken.seq, problem: result.broken.problem }, {
        seq: 12,
        problem: 'its stored hash does not match its content: the event was changed',
      })
    })

    it('finds a removed event once the changed one is put back exactly as it was', async () => {
      await tamper(database, sql`update audit_event set details = '{"i": 11, "note": "ünïcödé \\"quoted\\""}' where seq = 12`)
      assert.equal((await verifyAuditChain(database)).broken, undefined, 'the original content hashes to the original hash')
      await tamper(database, sql`delete from audit_event where seq = 20`)
      const result = await verifyAuditChain(database, { batchSize: 100 })
      assert.deepEqual(result.broken && { seq: result.broken.seq, problem: result.broken.problem }, {
        seq: 21,
        problem: 'events 20 to 20 are missing: removed from the chain',
      })
    })

    it('finds a removal at a batch boundary', async () => {
      const result = await verifyAuditChain(database, { batchSize: 10 })
      assert.equal(result.broken?.seq, 21)
      assert.equal(result.broken?.problem, 'events 20 to 20 are missing: removed from the chain')
    })
  })
}
