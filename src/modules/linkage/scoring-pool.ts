import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { PATTERN_COUNT } from './comparisons.ts'
import type { ScoringTables } from './fellegi-sunter.ts'
import { comparePairs, weighPairs } from './pair-scoring.ts'
import type { StoreView } from './record-store.ts'

/**
 * Runs the pair loops on worker threads. The store's columns and the pair arrays are copied once into shared
 * memory; each worker gets the same view and takes chunks of pairs from a shared queue, so two cores score
 * twice as many pairs. Below `inlineBelow` pairs the work runs on the calling thread (starting workers costs
 * more than it saves).
 */

export type PairArrays = { left: Int32Array; right: Int32Array; count: number }

export type ScoringPool = {
  /** Compare every pair; returns the packed codes and how many pairs fell in each pattern. */
  compare(
    pairs: PairArrays,
    onProgress?: (done: number) => void,
  ): Promise<{ codes: Int32Array; patternCounts: Float64Array }>
  /** Weigh pairs from their codes (pattern weight + term frequencies, without the prior). */
  weigh(
    pairs: PairArrays,
    codes: Int32Array,
    tables: ScoringTables,
    onProgress?: (done: number) => void,
  ): Promise<Float32Array>
  close(): Promise<void>
  readonly threads: number
}

export type ScoringPoolOptions = { threads?: number; inlineBelow?: number; chunkSize?: number }

function shared<T extends Int32Array | Uint8Array | Float32Array | Float64Array>(array: T, length = array.length): T {
  const Constructor = array.constructor as new (buffer: SharedArrayBuffer) => T
  const copy = new Constructor(new SharedArrayBuffer(length * array.BYTES_PER_ELEMENT))
  copy.set(array.subarray(0, length))
  return copy
}

/**
 * A view with the shape of an object literal. Objects that arrive through postMessage are built property by
 * property and can end up in V8's slow "dictionary" mode, which makes every column access in the hot loop a hash
 * lookup (five times slower, measured); rebuilding the view as a literal gives it a fast, fixed shape.
 */
export function viewOf(
  v: StoreView,
  copy: <T extends Int32Array | Uint8Array>(array: T, length?: number) => T = a => a,
): StoreView {
  const n = v.count
  return {
    count: n,
    g0: copy(v.g0, n),
    g1: copy(v.g1, n),
    g2: copy(v.g2, n),
    g3: copy(v.g3, n),
    fam: copy(v.fam, n),
    f0: copy(v.f0, n),
    f1: copy(v.f1, n),
    f2: copy(v.f2, n),
    dob: copy(v.dob, n),
    dobId: copy(v.dobId, n),
    sex: copy(v.sex, n),
    pcUnit: copy(v.pcUnit, n),
    pcSector: copy(v.pcSector, n),
    pcDistrict: copy(v.pcDistrict, n),
    pcArea: copy(v.pcArea, n),
    addr: copy(v.addr, n),
    addrStart: copy(v.addrStart, n),
    addrLen: copy(v.addrLen, n),
    addrStreet: copy(v.addrStreet, n),
    addrTok: copy(v.addrTok),
    nhs: copy(v.nhs, n),
    nhsReliable: copy(v.nhsReliable, n),
    upn: copy(v.upn, n),
    upnReliable: copy(v.upnReliable, n),
    email: copy(v.email, n),
    phone: copy(v.phone, n),
    names: v.names,
    nameSound: copy(v.nameSound),
    nameSoundex: copy(v.nameSoundex),
    nickStart: copy(v.nickStart),
    nickIds: copy(v.nickIds),
    nickGroupMembers: v.nickGroupMembers,
    postcodes: v.postcodes,
    identifiers: v.identifiers,
    givenCount: copy(v.givenCount),
    familyCount: copy(v.familyCount),
    dobCount: copy(v.dobCount),
    pcUnitCount: copy(v.pcUnitCount),
    addrCount: copy(v.addrCount),
    contactCount: copy(v.contactCount),
    totals: { ...v.totals },
  }
}

/** A copy of the view in shared memory, trimmed to the records and values in use. */
export function sharedView(v: StoreView): StoreView {
  return viewOf(v, shared)
}

export type WorkerRequest =
  | {
      kind: 'compare'
      left: Int32Array
      right: Int32Array
      codes: Int32Array
      queue: Int32Array
      count: number
      chunk: number
    }
  | {
      kind: 'weigh'
      left: Int32Array
      right: Int32Array
      codes: Int32Array
      weights: Float32Array
      queue: Int32Array
      count: number
      chunk: number
      tables: ScoringTables
    }

export type WorkerReply =
  | { kind: 'progress'; done: number }
  | { kind: 'done'; patternCounts?: Float64Array }
  | { kind: 'error'; message: string }

export function createScoringPool(view: StoreView, options: ScoringPoolOptions = {}): ScoringPool {
  const threads = Math.max(1, options.threads ?? Math.min(availableParallelism(), 8))
  const inlineBelow = options.inlineBelow ?? 200_000
  const chunk = options.chunkSize ?? 65_536
  let workers: Worker[] | undefined
  let workerView: StoreView | undefined

  function start(): Worker[] {
    if (workers) return workers
    workerView = sharedView(view)
    workers = Array.from(
      { length: threads },
      () => new Worker(new URL('./scoring.worker.ts', import.meta.url), { workerData: workerView }),
    )
    for (const worker of workers) worker.unref()
    return workers
  }

  type Job = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'queue'> : never) : never
  function run(request: Job, onProgress?: (done: number) => void): Promise<Float64Array | undefined> {
    const pool = start()
    const queue = new Int32Array(new SharedArrayBuffer(4))
    const done = new Array<number>(pool.length).fill(0)
    return new Promise((resolve, reject) => {
      let finished = 0
      let total: Float64Array | undefined
      pool.forEach((worker, w) => {
        const onMessage = (reply: WorkerReply) => {
          if (reply.kind === 'progress') {
            done[w] = reply.done
            onProgress?.(done.reduce((a, b) => a + b, 0))
            return
          }
          worker.off('message', onMessage)
          worker.off('error', onError)
          if (reply.kind === 'error') {
            reject(new Error(reply.message))
            return
          }
          if (reply.patternCounts) {
            if (!total) total = reply.patternCounts
            else
              for (let c = 0; c < PATTERN_COUNT; c++)
                total[c] = (total[c] as number) + (reply.patternCounts[c] as number)
          }
          if (++finished === pool.length) resolve(total)
        }
        const onError = (error: Error) => reject(error)
        worker.on('message', onMessage)
        worker.on('error', onError)
        worker.postMessage({ ...request, queue })
      })
    })
  }

  return {
    threads,
    async compare(pairs, onProgress) {
      if (pairs.count < inlineBelow) {
        const codes = new Int32Array(pairs.count)
        const patternCounts = new Float64Array(PATTERN_COUNT)
        for (let from = 0; from < pairs.count; from += chunk) {
          const to = Math.min(pairs.count, from + chunk)
          comparePairs(view, pairs.left, pairs.right, from, to, codes, patternCounts)
          onProgress?.(to)
        }
        return { codes, patternCounts }
      }
      const left = shared(pairs.left, pairs.count)
      const right = shared(pairs.right, pairs.count)
      const codes = new Int32Array(new SharedArrayBuffer(pairs.count * 4))
      const patternCounts = await run({ kind: 'compare', left, right, codes, count: pairs.count, chunk }, onProgress)
      return { codes, patternCounts: patternCounts ?? new Float64Array(PATTERN_COUNT) }
    },
    async weigh(pairs, codes, tables, onProgress) {
      if (pairs.count < inlineBelow) {
        const weights = new Float32Array(pairs.count)
        for (let from = 0; from < pairs.count; from += chunk) {
          const to = Math.min(pairs.count, from + chunk)
          weighPairs(tables, view, pairs.left, pairs.right, codes, from, to, weights)
          onProgress?.(to)
        }
        return weights
      }
      const left = pairs.left.buffer instanceof SharedArrayBuffer ? pairs.left : shared(pairs.left, pairs.count)
      const right = pairs.right.buffer instanceof SharedArrayBuffer ? pairs.right : shared(pairs.right, pairs.count)
      const sharedCodes = codes.buffer instanceof SharedArrayBuffer ? codes : shared(codes, pairs.count)
      const weights = new Float32Array(new SharedArrayBuffer(pairs.count * 4))
      await run(
        { kind: 'weigh', left, right, codes: sharedCodes, weights, count: pairs.count, chunk, tables },
        onProgress,
      )
      return weights
    },
    async close() {
      if (workers) await Promise.all(workers.map(worker => worker.terminate()))
      workers = undefined
      workerView = undefined
    },
  }
}
