import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import {
  DEFAULT_LINK_THRESHOLD,
  DEFAULT_REVIEW_THRESHOLD,
  LinkageInputError,
  linkRecords,
  parseLinkageModel,
  PARSED_COLUMNS,
  probabilityFromWeight,
  readLinkageCsv,
  csvLine,
  type BatchPhase,
  type BatchResult,
  type LinkageModel,
  type SourceRecord,
} from '../../modules/linkage/index.ts'
import { UsageError, type Command } from '../cli-error.ts'
import { createProgress } from '../progress.ts'

const PHASES: Record<BatchPhase, string> = {
  normalising: 'normalising records',
  blocking: 'finding candidate pairs',
  comparing: 'comparing pairs',
  training: 'training the model',
  weighing: 'weighing pairs',
  clustering: 'clustering',
}

export const linkCommand: Command = {
  name: 'link',
  summary: 'Find the records that are the same person in a CSV file (no database needed)',
  usage: `Usage: sightline link INPUT.csv --out CLUSTERS.csv [--pairs PAIRS.csv] [--threshold P]
                      [--model MODEL.json] [--save-model MODEL.json] [--report REPORT.json]

Reads person records (contracts/linkage.md: a header row with record_id and any of source, given_name,
middle_names, family_name, date_of_birth, sex, postcode, address, nhs_number, upn, email, phone), works out
which are the same person, and writes every record_id with its person_id. Unreadable values are counted and
treated as missing. Twins and records with conflicting NHS numbers are never linked automatically.

The model (Fellegi–Sunter m and u probabilities) is trained on the input itself. --save-model keeps it, to
score other files the same way with --model; --report writes the blocking report (candidate pairs per rule,
largest blocks) and the training sessions.

Options:
  --out FILE         where to write record_id,person_id (required)
  --pairs FILE       also write each scored pair at or above the threshold:
                     record_id_l,record_id_r,match_weight,match_probability
  --threshold P      match probability at or above which pairs are linked, between 0 and 1
                     (default ${DEFAULT_LINK_THRESHOLD}; pairs from ${DEFAULT_REVIEW_THRESHOLD} up to it are for human review)
  --model FILE       use this saved model instead of training one
  --save-model FILE  write the model used, to pass back with --model
  --report FILE      write the blocking report and training sessions as JSON
  -h, --help         show this help

Exit status: 0 done; 2 bad usage, or an input that is unreadable, has no record_id column or repeats a record_id.`,
  async run(args) {
    const { values, positionals } = parse(args)
    if (values.help) {
      console.log(this.usage)
      return 0
    }
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length === 0 ? 'name the input CSV file' : `expected one input file, not ${positionals.length}`,
      )
    const input = positionals[0] as string
    if (!values.out) throw new UsageError('--out CLUSTERS.csv is required')
    const threshold = values.threshold === undefined ? undefined : probability(values.threshold)
    const model = values.model === undefined ? undefined : readModel(values.model)

    const started = performance.now()
    const records = readInput(input)
    if (!records) return 2

    const progress = createProgress('Linking')
    const result = await linkRecords(records, {
      ...(threshold === undefined ? {} : { threshold }),
      ...(model ? { model } : {}),
      onProgress: (done, total, phase) => progress.update(done, total, PHASES[phase]),
    })
    progress.done()

    try {
      writeFileSync(values.out, clustersCsv(result))
      if (values.pairs) writeFileSync(values.pairs, pairsCsv(result))
      if (values['save-model']) writeFileSync(values['save-model'], `${JSON.stringify(result.model, null, 2)}\n`)
      if (values.report) {
        writeFileSync(
          values.report,
          `${JSON.stringify({ summary: result.summary, blocking: result.blocking, emSessions: result.emSessions }, null, 2)}\n`,
        )
      }
    } catch (error) {
      console.error(`sightline link: cannot write the output: ${describe(error)}`)
      return 2
    }
    printSummary(result, (performance.now() - started) / 1000)
    return 0
  },
}

/** The records of the input file, or undefined (having said why) when it cannot be used. */
function readInput(input: string): SourceRecord[] | undefined {
  let text: string
  try {
    text = readFileSync(input, 'utf8')
  } catch (error) {
    console.error(`sightline link: cannot read ${input}: ${describe(error)}`)
    return undefined
  }
  try {
    return readLinkageCsv(text).records
  } catch (error) {
    if (error instanceof LinkageInputError) {
      console.error(`sightline link: ${input}: ${error.message}`)
      return undefined
    }
    throw error
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        out: { type: 'string' },
        pairs: { type: 'string' },
        threshold: { type: 'string' },
        model: { type: 'string' },
        'save-model': { type: 'string' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    })
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''))
  }
}

function probability(value: string): number {
  const p = Number(value)
  if (!/^\s*(?:0?\.\d+|0|1|1\.0*)\s*$/.test(value) || !(p > 0 && p < 1)) {
    throw new UsageError(`--threshold must be a probability between 0 and 1 (exclusive), such as 0.95, not '${value}'`)
  }
  return p
}

function readModel(file: string): LinkageModel {
  try {
    return parseLinkageModel(JSON.parse(readFileSync(file, 'utf8')))
  } catch (error) {
    throw new UsageError(`--model ${file} is not a usable saved model: ${describe(error)}`)
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && 'message' in error) {
    return String(error.message).replace(/^[A-Z]+: /, '')
  }
  return error instanceof Error ? error.message : String(error)
}

function clustersCsv(result: BatchResult): string {
  const lines = new Array<string>(result.recordIds.length + 1)
  lines[0] = 'record_id,person_id'
  result.recordIds.forEach((id, r) => (lines[r + 1] = csvLine([id, result.personOf[r] as string])))
  return `${lines.join('\n')}\n`
}

function pairsCsv(result: BatchResult): string {
  const lines = ['record_id_l,record_id_r,match_weight,match_probability']
  const { left, right, weight, count } = result.pairs
  const threshold = result.summary.threshold
  for (let k = 0; k < count; k++) {
    const w = weight[k] as number
    const p = probabilityFromWeight(w)
    if (p < threshold) continue
    lines.push(
      csvLine([
        result.recordIds[left[k] as number] as string,
        result.recordIds[right[k] as number] as string,
        w.toFixed(3),
        p.toPrecision(6),
      ]),
    )
  }
  return `${lines.join('\n')}\n`
}

const number = new Intl.NumberFormat('en-GB')

function printSummary(result: BatchResult, seconds: number): void {
  const s = result.summary
  const unparsed = PARSED_COLUMNS.filter(column => s.unparsed[column] > 0)
  const lines = [
    `Records read:            ${number.format(s.records)}`,
    `Values unparsed:         ${unparsed.length === 0 ? 'none' : unparsed.map(column => `${column} ${number.format(s.unparsed[column])}`).join(', ')}`,
    `Candidate pairs scored:  ${number.format(s.candidatePairs)}`,
    `Pairs linked:            ${number.format(s.pairsLinked)} (threshold ${s.threshold})`,
    `Held for review:         ${number.format(s.pairsHeldForReview)} possible twins or conflicting NHS numbers; ${number.format(s.pairsInReviewBand)} in the review band`,
    `Clusters:                ${number.format(s.clusters)}`,
    `Seconds taken:           ${seconds.toFixed(1)}`,
  ]
  console.error(lines.join('\n'))
}
