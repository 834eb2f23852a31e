// Opens the embedded database in the folder given as argv[2], writes one row, says "ready", and holds the
// database open until SIGTERM. Used to test the data-folder lock with two real processes.
import { sql } from 'drizzle-orm'
import { openDatabase } from '../../src/platform/db/index.ts'

const database = await openDatabase({ engine: 'pglite', dataDir: process.argv[2] })
await database.migrate()
await database.db.execute(sql`insert into agency (code, name, kind) values ('holder', 'Written by the first process', 'other')`)
process.stdout.write('ready\n')
process.once('SIGTERM', () => {
  void database.close().then(() => process.exit(0))
})
setInterval(() => undefined, 1000)
