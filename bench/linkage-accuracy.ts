/**
 * Accuracy of `sightline link` on a labelled file: a contract-format CSV (contracts/linkage.md) with one extra
 * column, `truth`, naming the real entity of each row. Trains on the file as the command does, then reports
 * pairwise precision, recall and F1 at the default threshold and at the others asked for. The labels are read
 * only for scoring; the engine never sees them.
 *
 *   node bench/linkage-accuracy.ts FILE.csv [--thresholds 0.2,0.5,0.8,0.95]
 *
 * To make such a file from public labelled sets, see bench/linkage-convert.ts.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import {
  DEFAULT_LINK_THRESHOLD,
  linkRecords,
  pairwiseAccuracy,
  parseCsv,
  readLinkageCsv,
} from '../src/modules/linkage/index.ts'

const { values, positionals } = parseArgs({
  options: { thresholds: { type: 'string', default: '' } },
  allowPositionals: true,
})
const file = positionals[0]
if (!file) throw new Error('usage: node bench/linkage-accuracy.ts FILE.csv [--thresholds 0.2,0.5]')
const text = readFileSync(file, 'utf8')
const { records } = readLinkageCsv(text)
const truth = parseCsv(text, new Set(['truth'])).columns.get('truth')
if (!truth) throw new Error(`${file} has no truth column`)

const thresholds = [DEFAULT_LINK_THRESHOLD, ...values.thresholds.split(',').filter(Boolean).map(Number)]
const started = performance.now()
const trained = await linkRecords(records)
console.log(
  `${file}: ${records.length.toLocaleString('en-GB')} records, trained and linked in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)
for (const threshold of [...new Set(thresholds)].sort()) {
  const result =
    threshold === DEFAULT_LINK_THRESHOLD ? trained : await linkRecords(records, { model: trained.model, threshold })
  const a = pairwiseAccuracy(result.personOf, truth)
  const marker = threshold === DEFAULT_LINK_THRESHOLD ? ' (default)' : ''
  console.log(
    `  threshold ${threshold}${marker}: precision ${a.precision.toFixed(4)}  recall ${a.recall.toFixed(4)}  F1 ${a.f1.toFixed(4)}  (${a.truePairs.toLocaleString('en-GB')} true pairs)`,
  )
}
