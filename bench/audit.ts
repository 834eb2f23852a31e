// Benchmark: what auditing costs a record read, and how fast `sightline audit verify` walks the chain.
//
//   node bench/audit.ts [--reads 400] [--events 10000000] [--engine pglite|postgres|both]
//
// 1. Record reads: seeds the demo partnership (2,000 children), then opens the allocated social worker's
//    children's records through the real ChildRecordService, alternating between the real audit writer and one
//    that writes nothing, in the same run, and reports the mean and p95 of each and their ratio.
// 2. Verification (PostgreSQL, needs DATABASE_URL): writes a chain of N audit events (hashed here exactly as
//    the insert trigger hashes them, then loaded in bulk), then times verifyAuditChain over it.
import { createHash } from 'node:crypto'
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { createServices } from '../src/composition.ts'
import { ChildRecordService, PeopleRepository } from '../src/modules/people/index.ts'
import { AuditWriter, verifyAuditChain, type AuditContext, type AuditEntry } from '../src/platform/audit/index.ts'
import { loadConfig } from '../src/platform/config/index.ts'
import type { Database, Db, Engine } from '../src/platform/db/index.ts'
import { withFreshDatabase } from './fresh-database.ts'
import { createProgress } from '../src/cli/progress.ts'

const { values } = parseArgs({
  options: {
    reads: { type: 'string', default: '400' },
    events: { type: 'string', default: '10000000' },
    engine: { type: 'string', default: 'both' },
    concurrency: { type: 'string', default: '2' },
  },
})
const reads = Number(values.reads)
const events = Number(values.events)
const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine]

/** An audit writer that writes nothing: the "without audit" arm of the comparison. */
class SilentAuditWriter extends AuditWriter {
  override async write(_db: Db, _context: AuditContext, _entry: AuditEntry): Promise<void> {}
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

async function recordReads(engine: Engine) {
  return withFreshDatabase(engine, async database => {
    const config = loadConfig({ LOG_LEVEL: 'silent', SIGHTLINE_DEMO_PASSWORD: 'bench-password-1234' })
    const services = createServices(config, database)
    await services.prepareDatabase()
    await services.demo.seed({ children: 2000, seed: 1, password: config.demoPassword })
    const account = await services.auth.verifyCredentials('social-worker@demo.sightline.test', 'bench-password-1234')
    if (!account) throw new Error('demo social worker missing')
    const actor = await services.resolveActor({ ...account, authenticatedAt: new Date() })
    const children = (await services.childRecords.listMyChildren(actor)).map(c => c.id)
    if (children.length === 0) throw new Error('the demo social worker has no children')
    const make = (audit: AuditWriter) =>
      new ChildRecordService({
        database,
        people: new PeopleRepository(database.db),
        chronology: services.chronology,
        agencies: services.agencies,
        notifications: services.notifications,
        policy: services.policy,
        roles: services.access,
        audit,
      })
    const withAudit = make(new AuditWriter())
    const without = make(new SilentAuditWriter())
    for (let i = 0; i < 20; i++) await withAudit.open(actor, children[i % children.length]!, { requestId: 'warm-up' })
    const timings = { withAudit: [] as number[], without: [] as number[] }
    for (let i = 0; i < reads; i++) {
      const child = children[i % children.length]!
      for (const [arm, service] of (i % 2 === 0 ? [['withAudit', withAudit], ['without', without]] : [['without', without], ['withAudit', withAudit]]) as [keyof typeof timings, ChildRecordService][]) {
        const started = performance.now()
        await service.open(actor, child, { requestId: `bench-${i}` })
        timings[arm].push(performance.now() - started)
      }
    }
    const summary = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b)
      return { mean: mean(xs), p95: percentile(sorted, 0.95) }
    }
    const a = summary(timings.withAudit)
    const b = summary(timings.without)
    return { engine, children: children.length, reads, withAudit: a, without: b, ratio: a.mean / b.mean }
  })
}

/** The text the trigger hashes (audit_event_hash in migration 0003), for the rows this benchmark writes. */
function content(seq: number, occurredAt: string, personId: string): string {
  const micros = String(Date.parse(occurredAt) * 1000) // microseconds since 1970, as the trigger writes them
  return [String(seq), String(seq), micros, '', '', '', 'child.viewed', 'person', personId, personId, `bench-${seq}`, '', '{}'].join('|')
}

async function verification(database: Database, n: number) {
  const progress = createProgress('Writing the chain')
  const batch = 50_000
  let prev = ''
  const base = Date.UTC(2026, 0, 1)
  const started = performance.now()
  await database.db.transaction(async tx => {
    await tx.execute(sql`alter table audit_event disable trigger user`)
    for (let from = 1; from <= n; from += batch) {
      const seqs: number[] = []
      const times: string[] = []
      const persons: string[] = []
      const prevs: string[] = []
      const hashes: string[] = []
      for (let seq = from; seq < Math.min(from + batch, n + 1); seq++) {
        const occurredAt = `${new Date(base + seq * 10).toISOString().slice(0, 23)}000Z`
        const personId = `00000000-0000-4000-8000-${String(seq % 250_000).padStart(12, '0')}`
        const hash = createHash('sha256').update(`${prev}|${content(seq, occurredAt, personId)}`).digest('hex')
        seqs.push(seq)
        times.push(occurredAt)
        persons.push(personId)
        prevs.push(prev)
        hashes.push(hash)
        prev = hash
      }
      await tx.execute(sql`
        insert into audit_event (id, seq, occurred_at, action, subject_type, subject_id, person_id, request_id, details, prev_hash, hash)
        overriding system value
        select s, s, t, 'child.viewed', 'person', p::text, p, 'bench-' || s, '{}'::jsonb, ph, h
        from unnest(${sql.param(seqs)}::bigint[], ${sql.param(times)}::timestamptz[], ${sql.param(persons)}::uuid[], ${sql.param(prevs)}::text[], ${sql.param(hashes)}::text[]) as u(s, t, p, ph, h)`)
      progress.update(Math.min(from + batch - 1, n), n, 'audit events')
    }
    await tx.execute(sql`alter table audit_event enable trigger user`)
  })
  progress.done()
  const written = (performance.now() - started) / 1000
  await database.rows(sql`analyze audit_event`)
  const verifyProgress = createProgress('Verifying')
  const result = await verifyAuditChain(database, { concurrency: Number(values.concurrency), onProgress: (d, t) => verifyProgress.update(d, t, 'audit events') })
  verifyProgress.done()
  if (result.broken) throw new Error(`the benchmark's chain does not verify: ${JSON.stringify(result.broken)}`)
  return { events: result.checked, writeSeconds: written, verifySeconds: result.seconds, perSecond: result.checked / result.seconds }
}

console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`)
for (const engine of engines) {
  if (engine === 'postgres' && !process.env.DATABASE_URL) {
    console.log('postgres: skipped (set DATABASE_URL)')
    continue
  }
  const r = await recordReads(engine)
  console.log(
    `${engine}: record read (${r.reads} reads over ${r.children} children) with audit ${r.withAudit.mean.toFixed(2)} ms mean / ${r.withAudit.p95.toFixed(2)} ms p95; ` +
      `without ${r.without.mean.toFixed(2)} ms / ${r.without.p95.toFixed(2)} ms; audit adds ${((r.ratio - 1) * 100).toFixed(1)}% (ratio ${r.ratio.toFixed(3)})`,
  )
}
if (process.env.DATABASE_URL && events > 0) {
  const v = await withFreshDatabase('postgres', async database => {
    await database.migrate()
    return verification(database, events)
  })
  console.log(
    `postgres: audit verify of ${v.events.toLocaleString('en-GB')} events in ${v.verifySeconds.toFixed(1)} s = ${Math.round(v.perSecond).toLocaleString('en-GB')} events/s (chain written in ${v.writeSeconds.toFixed(1)} s)`,
  )
}
