import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { openTestDatabase, testEngines } from '../../../test/support/test-database.ts'
import type { Database } from '../db/index.ts'
import { AuditWriter } from './audit.writer.ts'

for (const engine of testEngines()) {
  describe(`the audit table (${engine})`, () => {
    let database: Database
    const writer = new AuditWriter()
    const personId = '30000000-0000-4000-8000-000000000001'
    before(async () => {
      database = await openTestDatabase(engine)
    })
    after(() => database.close())

    it('records an event and lists it for the person', async () => {
      await writer.write(database.db, { actor: undefined, requestId: 'req-1' }, { action: 'child.viewed', subjectType: 'person', subjectId: personId, personId })
      const events = await writer.listForPerson(database.db, personId)
      assert.equal(events.length, 1)
      assert.equal(events[0]?.action, 'child.viewed')
      assert.equal(events[0]?.requestId, 'req-1')
    })

    // Drizzle wraps the database's error; the trigger's message is on its cause.
    const appendOnly = (error: unknown) => /audit_event is append-only/.test(String((error as Error).cause ?? error))

    it('refuses update, delete and truncate: it is append-only', async () => {
      await assert.rejects(database.db.execute(sql`update audit_event set action = 'child.forgotten'`), appendOnly)
      await assert.rejects(database.db.execute(sql`delete from audit_event`), appendOnly)
      await assert.rejects(database.db.execute(sql`truncate audit_event`), appendOnly)
      const rows = await database.rows<{ action: string }>(sql`select action from audit_event`)
      assert.deepEqual(rows, [{ action: 'child.viewed' }])
    })

    it('rolls back with the transaction it was written in', async () => {
      await assert.rejects(
        database.db.transaction(async tx => {
          await writer.write(tx, { actor: undefined, requestId: 'req-2' }, { action: 'child.viewed', subjectType: 'person', subjectId: personId, personId })
          throw new Error('the read failed')
        }),
        /the read failed/,
      )
      assert.equal((await writer.listForPerson(database.db, personId)).length, 1)
    })
  })
}
