import { parentPort, workerData } from 'node:worker_threads'
import { PATTERN_COUNT } from './comparisons.ts'
import { comparePairs, weighPairs } from './pair-scoring.ts'
import type { StoreView } from './record-store.ts'
import { viewOf, type WorkerReply, type WorkerRequest } from './scoring-pool.ts'

/** A scoring worker: takes chunks of pairs from the shared queue until none are left. */

const view = viewOf(workerData as StoreView)
const port = parentPort
if (!port) throw new Error('scoring.worker.ts must run as a worker thread')

port.on('message', (request: WorkerRequest) => {
  try {
    const patternCounts = request.kind === 'compare' ? new Float64Array(PATTERN_COUNT) : undefined
    let done = 0
    for (;;) {
      const from = Atomics.add(request.queue, 0, request.chunk)
      if (from >= request.count) break
      const to = Math.min(request.count, from + request.chunk)
      if (request.kind === 'compare')
        comparePairs(view, request.left, request.right, from, to, request.codes, patternCounts)
      else weighPairs(request.tables, view, request.left, request.right, request.codes, from, to, request.weights)
      done += to - from
      port.postMessage({ kind: 'progress', done } satisfies WorkerReply)
    }
    port.postMessage({ kind: 'done', patternCounts } satisfies WorkerReply, patternCounts ? [patternCounts.buffer] : [])
  } catch (error) {
    port.postMessage({
      kind: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies WorkerReply)
  }
})
