/**
 * Benchmark: `sightline link` on generated records with known truth. Generates N records (default 1,000,000)
 * in the `agencies` style (children across police, health, schools, social care and housing, with the
 * corruptions of reference/linkage.md §5), writes them as the contract's CSV, runs the real command in a child
 * process, and reports wall time, peak RSS (of that process, worker threads included), pairs scored, the
 * phases' timings, precision, recall and F1 against the truth, and, separately, how many candidate pairs one
 * core scores per second. Not a test: run it by hand and copy the figures into docs/benchmarks.md.
 *
 *   node bench/linkage.ts [--records N] [--seed S] [--style agencies|febrl|historical] [--keep]
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  csvLine,
  generateSyntheticRecords,
  INPUT_COLUMNS,
  measureScoringThroughput,
  pairwiseAccuracy,
  type SourceRecord,
  type SyntheticStyle,
} from '../src/modules/linkage/index.ts'

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    style: { type: 'string', default: 'agencies' },
    keep: { type: 'boolean', default: false },
    'run-cli': { type: 'string' },
  },
})

/** Child mode: run the link command in this process and report its own peak memory. */
if (values['run-cli'] !== undefined) {
  const args = JSON.parse(values['run-cli']) as string[]
  const { main } = await import('../src/cli/main.ts')
  const status = await main(args)
  process.stdout.write(`${JSON.stringify({ status, maxRssKiB: process.resourceUsage().maxRSS })}\n`)
  process.exit(status)
}

const records = Number(values.records)
const seed = Number(values.seed)
const style = values.style as SyntheticStyle
const dir = mkdtempSync(path.join(tmpdir(), 'sightline-bench-link-'))
const input = path.join(dir, 'records.csv')
const output = path.join(dir, 'clusters.csv')
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024)

console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${mib(totalmem())} MiB, Node ${process.version}`,
)
let started = performance.now()
const data = generateSyntheticRecords({ records, seed, style })
const header = INPUT_COLUMNS.map(([, name]) => name)
const lines = [header.join(',')]
for (const record of data.records) lines.push(csvLine(INPUT_COLUMNS.map(([field]) => record[field] ?? '')))
writeFileSync(input, `${lines.join('\n')}\n`)
lines.length = 0
console.log(
  `Generated ${data.records.length.toLocaleString('en-GB')} ${style} records of ${data.persons.toLocaleString('en-GB')} people in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

started = performance.now()
const cliArgs = ['link', input, '--out', output, '--report', path.join(dir, 'clusters.report.json')]
const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--run-cli', JSON.stringify(cliArgs)], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
})
const wallSeconds = (performance.now() - started) / 1000
if (child.status !== 0) {
  console.error(child.stderr)
  throw new Error(`sightline link failed with status ${child.status}`)
}
const { maxRssKiB } = JSON.parse(child.stdout.trim().split('\n').pop() as string) as { maxRssKiB: number }
const report = JSON.parse(readFileSync(path.join(dir, 'clusters.report.json'), 'utf8')) as {
  summary: { candidatePairs: number; pairsLinked: number; clusters: number; timings: Record<string, number> }
}

const personOf = new Map<string, string>()
for (const line of readFileSync(output, 'utf8').trim().split('\n').slice(1)) {
  const [id, person] = line.split(',') as [string, string]
  personOf.set(id, person)
}
const predicted = data.records.map(record => personOf.get(record.recordId) as string)
const accuracy = pairwiseAccuracy(predicted, data.truth)

// Scoring alone, on one core: the candidate pairs of (up to) the first 300,000 records.
const sample: SourceRecord[] = data.records.slice(0, Math.min(records, 300_000))
const throughput = measureScoringThroughput(sample, { maxPairs: 3_000_000 })

const s = report.summary
const ms = (name: string) => `${((s.timings[name] ?? 0) / 1000).toFixed(1)} s`
console.log(`
sightline link ${records.toLocaleString('en-GB')} records (${style}, seed ${seed})
  wall time (whole command, from process start)  ${wallSeconds.toFixed(1)} s
  peak RSS                                       ${Math.round(maxRssKiB / 1024)} MiB
  candidate pairs scored                         ${s.candidatePairs.toLocaleString('en-GB')}
  pairs linked                                   ${s.pairsLinked.toLocaleString('en-GB')}
  clusters                                       ${s.clusters.toLocaleString('en-GB')} (true people: ${data.persons.toLocaleString('en-GB')})
  phases: normalising ${ms('normalising')}, blocking ${ms('blocking')}, comparing ${ms('comparing')}, u sample ${ms('training-sample')},
          training ${ms('training')}, weighing ${ms('weighing')}, clustering ${ms('clustering')}
  precision ${accuracy.precision.toFixed(4)}  recall ${accuracy.recall.toFixed(4)}  F1 ${accuracy.f1.toFixed(4)}  (${accuracy.truePairs.toLocaleString('en-GB')} true pairs)

Scoring alone, one core: ${throughput.pairs.toLocaleString('en-GB')} candidate pairs of ${throughput.records.toLocaleString('en-GB')} records in ${throughput.seconds.toFixed(2)} s = ${Math.round(throughput.pairsPerSecond).toLocaleString('en-GB')} pairs/s/core`)

if (values.keep) console.log(`\nFiles kept in ${dir}`)
else rmSync(dir, { recursive: true, force: true })
