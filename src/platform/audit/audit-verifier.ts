import { sql } from 'drizzle-orm'
import type { Database } from '../db/index.ts'

export type BrokenLink = { seq: number; id: number; problem: string }

export type VerifyResult = { checked: number; headSeq: number; headHash: string; broken: BrokenLink | undefined; seconds: number }

type Row = {
  seq: string
  id: string
  prev_hash: string
  hash: string
  computed: string
  prior_seq: string | null
  prior_hash: string | null
}

/**
 * Walk the audit hash chain in chain order and report the first broken link: an event whose stored hash does
 * not match its content (it was changed), whose previous-hash does not match the event before it, or a gap in
 * the sequence (an event was removed). The database recomputes the hashes with the same function the insert
 * trigger used, a batch at a time, and returns at most one row per batch, so verification runs at the
 * database's speed. Removing events from the very end of the chain leaves no gap: compare the head this
 * reports with one recorded earlier to detect that.
 */
export async function verifyAuditChain(
  database: Database,
  options: { batchSize?: number; onProgress?: (checked: number, total: number) => void } = {},
): Promise<VerifyResult> {
  const started = performance.now()
  const batchSize = options.batchSize ?? 200_000
  const [bounds] = await database.rows<{ max: string | null; n: string }>(sql`select max(seq)::text as max, count(*)::text as n from audit_event`)
  const maxSeq = Number(bounds?.max ?? 0)
  const total = Number(bounds?.n ?? 0)
  let checked = 0
  let carryHash = ''
  let carrySeq = 0
  let headHash = ''
  for (let from = 1; from <= maxSeq; from += batchSize) {
    const to = Math.min(from + batchSize, maxSeq + 1)
    const mismatch = await database.rows<Row>(sql`
      with batch as (
        select a.seq, a.id, a.prev_hash, a.hash, audit_event_hash(a.prev_hash, a) as computed,
               lag(a.seq) over (order by a.seq) as prior_seq, lag(a.hash) over (order by a.seq) as prior_hash
        from audit_event a where a.seq >= ${from} and a.seq < ${to}
      )
      select seq::text, id::text, prev_hash, hash, computed, prior_seq::text, prior_hash from batch
      where computed <> hash
         or (prior_seq is null and (seq <> ${carrySeq + 1} or prev_hash <> ${carryHash}))
         or (prior_seq is not null and (prior_seq <> seq - 1 or prior_hash <> prev_hash))
      order by batch.seq limit 1`)
    const bad = mismatch[0]
    if (bad) {
      const seq = Number(bad.seq)
      let problem: string
      if (bad.computed !== bad.hash) problem = 'its stored hash does not match its content: the event was changed'
      else if (bad.prior_seq === null && seq !== carrySeq + 1) problem = `events ${carrySeq + 1} to ${seq - 1} are missing: removed from the chain`
      else if (bad.prior_seq !== null && Number(bad.prior_seq) !== seq - 1) problem = `events ${Number(bad.prior_seq) + 1} to ${seq - 1} are missing: removed from the chain`
      else problem = 'its previous-hash does not match the event before it: the chain was re-linked'
      return { checked: checked + Math.max(0, seq - from), headSeq: seq - 1, headHash: '', broken: { seq, id: Number(bad.id), problem }, seconds: (performance.now() - started) / 1000 }
    }
    const [last] = await database.rows<{ seq: string; hash: string; n: string }>(
      sql`select seq::text, hash, (select count(*)::text from audit_event where seq >= ${from} and seq < ${to}) as n
          from audit_event where seq >= ${from} and seq < ${to} order by audit_event.seq desc limit 1`,
    )
    if (last) {
      carrySeq = Number(last.seq)
      carryHash = last.hash
      headHash = carryHash
      checked += Number(last.n)
    }
    options.onProgress?.(checked, total)
  }
  return { checked, headSeq: maxSeq, headHash, broken: undefined, seconds: (performance.now() - started) / 1000 }
}
