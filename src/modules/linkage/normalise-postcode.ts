/**
 * Postcodes (reference/linkage.md §5.5): upper case, all spaces and punctuation out, O/0 and I/1 slips fixed
 * where only the fixed form is a valid shape, checked against `^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$`, then
 * cut into unit ("SW1A 2AA"), sector ("SW1A 2"), district ("SW1A") and area ("SW").
 *
 * NHS pseudo-postcodes (ZZ99 …) and "no fixed abode"-style entries are placeholders: missing, not unparsed.
 * A feed whose postcodes are mostly not British (FEBRL's four-digit Australian codes, say) is read in `foreign`
 * mode: any code of 3 to 10 letters and digits with at least one digit is kept whole, and compared exactly or
 * by one edit, with no sector or district.
 */

export type Postcode =
  { kind: 'uk'; unit: string; sector: string; district: string; area: string } | { kind: 'foreign'; unit: string }

export type ParsedPostcode = Postcode | { kind: 'missing' } | { kind: 'unparsed' }

const UK_SHAPE = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/
const FOREIGN_SHAPE = /^(?=.*[0-9])[A-Z0-9]{3,10}$/
const PLACEHOLDERS = new Set([
  'NFA',
  'NOFIXEDABODE',
  'NK',
  'NOTKNOWN',
  'UNKNOWN',
  'NA',
  'NONE',
  'NULL',
  'TBC',
  'TBA',
  'XXX',
  'ZZZ',
])

const toLetter: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B' }
const toDigit: Record<string, string> = { O: '0', I: '1', L: '1', S: '5', B: '8', Z: '2' }

/** The compact form (no spaces) if it is, or can be mended into, a valid UK shape. */
function mendUk(compact: string): string | undefined {
  if (UK_SHAPE.test(compact)) return compact
  if (compact.length < 5 || compact.length > 7) return undefined
  const outward = compact.slice(0, -3)
  const inward = compact.slice(-3)
  const mendedInward =
    (toDigit[inward.charAt(0)] ?? inward.charAt(0)) + inward.slice(1).replace(/[0158]/g, c => toLetter[c] ?? c)
  // Outward: leading letters (one or two), then a digit; try the readings that make the shape valid.
  const candidates = [outward]
  const first = toLetter[outward.charAt(0)] ?? outward.charAt(0)
  const rest = outward.slice(1)
  candidates.push(first + rest)
  candidates.push(first + (toDigit[rest.charAt(0)] ?? rest.charAt(0)) + rest.slice(1))
  candidates.push(
    first + (toLetter[rest.charAt(0)] ?? rest.charAt(0)) + (toDigit[rest.charAt(1)] ?? rest.charAt(1)) + rest.slice(2),
  )
  for (const candidate of candidates) {
    const mended = candidate + mendedInward
    if (UK_SHAPE.test(mended)) return mended
  }
  return undefined
}

function ukParts(compact: string): Postcode {
  const outward = compact.slice(0, -3)
  const inward = compact.slice(-3)
  const area = /^[A-Z]+/.exec(outward)?.[0] ?? outward
  return {
    kind: 'uk',
    unit: `${outward} ${inward}`,
    sector: `${outward} ${inward.charAt(0)}`,
    district: outward,
    area,
  }
}

export type PostcodeMode = 'uk' | 'foreign'

export function compactPostcode(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

export function parsePostcode(raw: string, mode: PostcodeMode = 'uk'): ParsedPostcode {
  const compact = compactPostcode(raw)
  if (compact === '') return raw.trim() === '' ? { kind: 'missing' } : { kind: 'unparsed' }
  if (PLACEHOLDERS.has(compact) || compact.startsWith('ZZ99')) return { kind: 'missing' }
  if (mode === 'foreign') return FOREIGN_SHAPE.test(compact) ? { kind: 'foreign', unit: compact } : { kind: 'unparsed' }
  const mended = mendUk(compact)
  return mended ? ukParts(mended) : { kind: 'unparsed' }
}

/** Decide how to read a column: British unless most of a sample of its non-empty values are not. */
export function detectPostcodeMode(values: Iterable<string>, sample = 2000): PostcodeMode {
  let uk = 0
  let seen = 0
  for (const value of values) {
    const compact = compactPostcode(value)
    if (compact === '' || PLACEHOLDERS.has(compact)) continue
    seen++
    if (mendUk(compact)) uk++
    if (seen >= sample) break
  }
  return seen > 0 && uk / seen < 0.5 ? 'foreign' : 'uk'
}
