/**
 * CSV as partners send it (contracts/linkage.md): UTF-8 with or without a byte-order mark, a header row, quoted
 * fields with embedded commas, quotes ("") and line breaks, CRLF or LF line endings, and stray spaces around
 * values (trimmed). Rows shorter than the header are padded with empty values; extra cells are ignored. Lines
 * that are entirely empty are skipped. Every row remembers the line it started on, for error messages.
 */

export type CsvTable = {
  /** Header names as written, trimmed. */
  header: string[]
  /** Only the columns asked for, by header name (lower case), each one value per row. */
  columns: Map<string, string[]>
  /** The line number (1-based, the header being line 1) on which each row starts. */
  lines: number[]
  rows: number
}

const QUOTE = 34
const COMMA = 44
const LF = 10
const CR = 13

/**
 * Parse CSV text, keeping only the columns whose lower-cased header is in `wanted` (all when omitted). Header
 * names are matched case-insensitively and with surrounding spaces ignored.
 */
export function parseCsv(input: string, wanted?: ReadonlySet<string>): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const length = text.length
  let position = 0
  let line = 1

  // Reads one field starting at `position`; leaves `position` on the delimiter (comma, newline or end).
  const readField = (): string => {
    // Skip leading spaces before a quote.
    let start = position
    while (start < length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++
    if (start < length && text.charCodeAt(start) === QUOTE) {
      let value = ''
      let from = start + 1
      for (;;) {
        const close = text.indexOf('"', from)
        if (close === -1) {
          value += text.slice(from)
          position = length
          break
        }
        value += text.slice(from, close)
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"'
          from = close + 2
          continue
        }
        position = close + 1
        break
      }
      for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === LF) line++
      // Ignore anything between the closing quote and the delimiter.
      while (position < length) {
        const c = text.charCodeAt(position)
        if (c === COMMA || c === LF || c === CR) break
        position++
      }
      return value.trim()
    }
    let end = position
    while (end < length) {
      const c = text.charCodeAt(end)
      if (c === COMMA || c === LF || c === CR) break
      end++
    }
    const value = text.slice(position, end)
    position = end
    return value.trim()
  }

  // Reads one row; returns undefined at the end of input.
  const readRow = (
    keep: (column: number) => boolean,
    out: (column: number, value: string) => void,
  ): number | undefined => {
    if (position >= length) return undefined
    let column = 0
    for (;;) {
      const value = readField()
      if (keep(column)) out(column, value)
      column++
      if (position >= length) return column
      const c = text.charCodeAt(position)
      if (c === COMMA) {
        position++
        continue
      }
      if (c === CR) position++
      if (position < length && text.charCodeAt(position) === LF) position++
      line++
      return column
    }
  }

  const isBlankLine = (): boolean => {
    let p = position
    while (p < length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++
    const c = text.charCodeAt(p)
    return p >= length || c === LF || c === CR
  }
  const skipBlankLines = () => {
    while (position < length && isBlankLine()) {
      while (position < length && text.charCodeAt(position) !== LF) position++
      if (position < length) position++
      line++
    }
  }

  skipBlankLines()
  const header: string[] = []
  readRow(
    () => true,
    (_, value) => header.push(value),
  )
  const keys = header.map(name => name.trim().toLowerCase())
  const columnIndex = new Map<number, string[]>()
  const columns = new Map<string, string[]>()
  keys.forEach((key, index) => {
    if (wanted && !wanted.has(key)) return
    if (columns.has(key)) return // a repeated header: the first one wins
    const values: string[] = []
    columns.set(key, values)
    columnIndex.set(index, values)
  })
  const lines: number[] = []
  let rows = 0
  const keep = (column: number) => columnIndex.has(column)
  const out = (column: number, value: string) => {
    ;(columnIndex.get(column) as string[])[rows] = value
  }
  for (;;) {
    skipBlankLines()
    if (position >= length) break
    lines.push(line)
    readRow(keep, out)
    rows++
    for (const values of columnIndex.values()) if (values.length < rows) values[rows - 1] = ''
  }
  for (const values of columns.values()) values.length = rows
  return { header, columns, lines, rows }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',')
}
