import { AppError } from '../../platform/errors/index.ts'
import { parseCsv, type CsvTable } from './csv.ts'
import { INPUT_COLUMNS, type SourceRecord } from './normalise-record.ts'

/**
 * Reading the `sightline link` input (contracts/linkage.md): header names matched case-insensitively, unknown
 * columns ignored, every column but record_id optional. A file without a record_id column, a row without a
 * record_id, or two rows with the same record_id are refused, naming the line.
 */

export class LinkageInputError extends AppError {
  readonly status = 422
  readonly code = 'invalid-linkage-input'
  readonly title = 'The records file cannot be linked'
  /** The line of the file the problem is on (1 is the header), when there is one. */
  readonly line: number | undefined
  constructor(message: string, line?: number) {
    super(message)
    this.line = line
  }
}

export type LinkageInput = {
  records: SourceRecord[]
  /** The file line each record starts on. */
  lines: number[]
  /** The contract columns the file has (header names as the contract spells them). */
  columns: string[]
}

const WANTED = new Set<string>(INPUT_COLUMNS.map(([, header]) => header))

export function readLinkageCsv(text: string): LinkageInput {
  let table: CsvTable
  try {
    table = parseCsv(text, WANTED)
  } catch (error) {
    throw new LinkageInputError(`the file is not readable as CSV: ${(error as Error).message}`)
  }
  const ids = table.columns.get('record_id')
  if (!ids) {
    const header = table.header.length > 0 ? `its header is: ${table.header.join(', ')}` : 'it has no header row'
    throw new LinkageInputError(`the file has no record_id column (line 1; ${header})`, 1)
  }
  const firstLine = new Map<string, number>()
  for (let r = 0; r < table.rows; r++) {
    const id = ids[r] as string
    const line = table.lines[r] as number
    if (id === '') throw new LinkageInputError(`the row on line ${line} has no record_id`, line)
    const seen = firstLine.get(id)
    if (seen !== undefined) {
      throw new LinkageInputError(`record_id '${id}' appears twice: on line ${seen} and again on line ${line}`, line)
    }
    firstLine.set(id, line)
  }
  const present = INPUT_COLUMNS.filter(([, header]) => table.columns.has(header))
  const columns = present.flatMap(([field, header]) =>
    field === 'recordId' ? [] : [[field, table.columns.get(header) as string[]] as const],
  )
  const records: SourceRecord[] = new Array<SourceRecord>(table.rows)
  for (let r = 0; r < table.rows; r++) {
    const record: SourceRecord = { recordId: ids[r] as string }
    for (const [field, values] of columns) record[field] = values[r]
    records[r] = record
  }
  return { records, lines: table.lines, columns: present.map(([, header]) => header) }
}
