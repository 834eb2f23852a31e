import { sql } from 'drizzle-orm'
import type { Database } from '../db/index.ts'

export type BrokenLink = { seq: number; id: number; problem: string }

export type VerifyResult = { checked: number; headSeq: number; headHash: string; broken: BrokenLink | undefined; seconds: number }

type BatchRow = {
  bad_seq: string | null
  bad_id: string | null
  bad_changed: boolean | null
  bad_prior_seq: string | null
  first_seq: string | null
  first_id: string | null
  first_prev: string | null
  last_seq: string | null
  last_hash: string | null
  n: string
}

type Batch = { from: number; row: BatchRow }

/**
 * Walk the audit hash chain in chain order and report the first broken link: an event whose stored hash does
 * not match its content (it was changed), whose previous-hash does not match the event before it (the chain
 * was re-linked), or a gap in the sequence (events were removed). The database recomputes each hash with the
 * same SQL function the insert trigger used; each batch comes back as one row (its first problem and its two
 * ends), batches run a few at a time, and the ends are then joined up in order. Removing events from the very
 * end of the chain leaves no gap: compare the head this reports with one recorded earlier to detect that.
 */
export async function verifyAuditChain(
  database: Database,
  options: { batchSize?: number; concurrency?: number; onProgress?: (checked: number, total: number) => void } = {},
): Promise<VerifyResult> {
  const started = performance.now()
  const batchSize = options.batchSize ?? 200_000
  const concurrency = options.concurrency ?? (database.engine === 'postgres' ? 2 : 1)
  const [bounds] = await database.rows<{ max: string | null; n: string }>(sql`select max(seq)::text as max, count(*)::text as n from audit_event`)
  const maxSeq = Number(bounds?.max ?? 0)
  const total = Number(bounds?.n ?? 0)
  const starts: number[] = []
  for (let from = 1; from <= maxSeq; from += batchSize) starts.push(from)

  const checkBatch = async (from: number): Promise<Batch> => {
    const to = Math.min(from + batchSize, maxSeq + 1)
    const [row] = await database.rows<BatchRow>(sql`
      with batch as (
        select a.seq, a.id, a.prev_hash, a.hash, audit_event_hash(a.prev_hash, a) <> a.hash as changed,
               lag(a.seq) over (order by a.seq) as prior_seq, lag(a.hash) over (order by a.seq) as prior_hash
        from audit_event a where a.seq >= ${from} and a.seq < ${to}
      ),
      bad as (
        select seq, id, changed, prior_seq from batch
        where changed or (prior_seq is not null and (prior_seq <> seq - 1 or prior_hash <> prev_hash))
        order by seq limit 1
      ),
      first as (select seq, id, prev_hash from batch order by seq limit 1),
      last as (select seq, hash from batch order by seq desc limit 1)
      select (select seq::text from bad) as bad_seq, (select id::text from bad) as bad_id,
             (select changed from bad) as bad_changed, (select prior_seq::text from bad) as bad_prior_seq,
             (select seq::text from first) as first_seq, (select id::text from first) as first_id,
             (select prev_hash from first) as first_prev,
             (select seq::text from last) as last_seq, (select hash from last) as last_hash,
             (select count(*)::text from batch) as n`)
    return { from, row: row! }
  }

  // Run the batches a few at a time, then read their results in chain order.
  const results: Batch[] = []
  let checkedSoFar = 0
  for (let i = 0; i < starts.length; i += concurrency) {
    const done = await Promise.all(starts.slice(i, i + concurrency).map(checkBatch))
    results.push(...done)
    checkedSoFar += done.reduce((sum, b) => sum + Number(b.row.n), 0)
    options.onProgress?.(checkedSoFar, total)
  }

  let carrySeq = 0
  let carryHash = ''
  let checked = 0
  const seconds = () => (performance.now() - started) / 1000
  for (const { row } of results) {
    if (row.first_seq !== null) {
      const firstSeq = Number(row.first_seq)
      if (firstSeq !== carrySeq + 1) {
        return broken(checked, carrySeq, { seq: firstSeq, id: Number(row.first_id), problem: `events ${carrySeq + 1} to ${firstSeq - 1} are missing: removed from the chain` }, seconds())
      }
      if (row.first_prev !== carryHash && !(row.bad_seq !== null && Number(row.bad_seq) === firstSeq)) {
        return broken(checked, carrySeq, { seq: firstSeq, id: Number(row.first_id), problem: 'its previous-hash does not match the event before it: the chain was re-linked' }, seconds())
      }
    }
    if (row.bad_seq !== null) {
      const seq = Number(row.bad_seq)
      const problem = row.bad_changed
        ? 'its stored hash does not match its content: the event was changed'
        : row.bad_prior_seq !== null && Number(row.bad_prior_seq) !== seq - 1
          ? `events ${Number(row.bad_prior_seq) + 1} to ${seq - 1} are missing: removed from the chain`
          : 'its previous-hash does not match the event before it: the chain was re-linked'
      return broken(checked, carrySeq, { seq, id: Number(row.bad_id), problem }, seconds())
    }
    if (row.last_seq !== null) {
      carrySeq = Number(row.last_seq)
      carryHash = row.last_hash ?? ''
    }
    checked += Number(row.n)
  }
  return { checked, headSeq: carrySeq, headHash: carryHash, broken: undefined, seconds: seconds() }
}

function broken(checked: number, lastGood: number, link: BrokenLink, seconds: number): VerifyResult {
  return { checked, headSeq: lastGood, headHash: '', broken: link, seconds }
}
