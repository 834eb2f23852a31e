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

/** The hash of event `a` as the insert trigger computed it (the function of migration 0003). */
const HASH_OF_ROW = sql.raw(
  'audit_event_hash(a.prev_hash, a.seq, a.id, a.occurred_at, a.actor_account_id, a.actor_agency_id, a.actor_api_client_id, ' +
    'a.action, a.subject_type, a.subject_id, a.person_id, a.request_id, a.reason, a.details)',
)

/**
 * Walk the audit hash chain in chain order and report the first broken link: an event whose stored hash does
 * not match its content (it was changed), whose previous-hash does not match the event before it (the chain
 * was re-linked), or a gap in the sequence (events were removed). The database recomputes each hash with the
 * same SQL function the insert trigger used, in one aggregated pass per batch that returns only where the first
 * problem is and the batch's two ends; batches run a few at a time, and the ends are then joined up in order. Removing events from the very
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
    // One pass over the batch in chain order, aggregated as it goes (nothing is materialised): where the first
    // problem is, and the batch's two ends. The few rows named are then read back by their sequence numbers.
    const [scan] = await database.rows<{ bad_seq: string | null; first_seq: string | null; last_seq: string | null; n: string }>(sql`
      select min(seq) filter (where changed or (prior_seq is not null and (prior_seq <> seq - 1 or prior_hash <> prev_hash)))::text as bad_seq,
             min(seq)::text as first_seq, max(seq)::text as last_seq, count(*)::text as n
      from (
        select a.seq, a.prev_hash,
               ${HASH_OF_ROW} <> a.hash as changed,
               lag(a.seq) over w as prior_seq, lag(a.hash) over w as prior_hash
        from audit_event a where a.seq >= ${from} and a.seq < ${to}
        window w as (order by a.seq)
      ) b`)
    const row: BatchRow = {
      bad_seq: scan?.bad_seq ?? null,
      bad_id: null,
      bad_changed: null,
      bad_prior_seq: null,
      first_seq: scan?.first_seq ?? null,
      first_id: null,
      first_prev: null,
      last_seq: scan?.last_seq ?? null,
      last_hash: null,
      n: scan?.n ?? '0',
    }
    if (row.first_seq !== null) {
      const [ends] = await database.rows<{ first_id: string; first_prev: string; last_hash: string }>(sql`
        select (select id::text from audit_event where seq = ${row.first_seq}) as first_id,
               (select prev_hash from audit_event where seq = ${row.first_seq}) as first_prev,
               (select hash from audit_event where seq = ${row.last_seq}) as last_hash`)
      row.first_id = ends?.first_id ?? null
      row.first_prev = ends?.first_prev ?? null
      row.last_hash = ends?.last_hash ?? null
    }
    if (row.bad_seq !== null) {
      const [bad] = await database.rows<{ id: string; changed: boolean; prior_seq: string | null }>(sql`
        select a.id::text, ${HASH_OF_ROW} <> a.hash as changed,
               (select max(p.seq)::text from audit_event p where p.seq >= ${from} and p.seq < a.seq) as prior_seq
        from audit_event a where a.seq = ${row.bad_seq}`)
      row.bad_id = bad?.id ?? null
      row.bad_changed = bad?.changed ?? null
      row.bad_prior_seq = bad?.prior_seq ?? null
    }
    return { from, row }
  }

  // Keep `concurrency` batches in flight (each on its own connection), then read the results in chain order.
  const results: Batch[] = new Array<Batch>(starts.length)
  let next = 0
  let checkedSoFar = 0
  const worker = async () => {
    while (next < starts.length) {
      const index = next++
      results[index] = await checkBatch(starts[index]!)
      checkedSoFar += Number(results[index].row.n)
      options.onProgress?.(checkedSoFar, total)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))

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
