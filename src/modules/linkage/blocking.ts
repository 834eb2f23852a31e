import type { StoreView } from './record-store.ts'

/**
 * Candidate generation (reference/linkage.md §1.5): a list of strict blocking rules, each an exact join on a key
 * derived from the record, never an OR inside a rule. A pair is a candidate if any rule puts both records in
 * the same block, and each pair is produced once: by the first rule that finds it. The rules are chosen so that
 * every single kind of corruption still leaves at least one rule intact: a swapped day and month (the date key
 * ignores the order of day and month), a misspelt or changed surname (date + given name), a nickname (date +
 * surname), a mistyped date (names + year, names + district), a move (date + names), a missing date (names +
 * postcode), given and family names swapped (the name key ignores their order).
 *
 * Keys are numbers; NO_KEY means the record does not take part in the rule. Blocks larger than `maxBlockSize`
 * are generic values (a placeholder date, a hostel's postcode) and are skipped, and reported.
 */

export const NO_KEY = -1

/** Turns a large composite key into a small dense number; one per rule, kept as long as its keys are used. */
export type KeyCompactor = (key: number) => number

export function createCompactor(): KeyCompactor {
  const ids = new Map<number, number>()
  return key => {
    let id = ids.get(key)
    if (id === undefined) ids.set(key, (id = ids.size))
    return id
  }
}

export type BlockingRule = {
  name: string
  description: string
  key(v: StoreView, r: number, compact: KeyCompactor): number
  /**
   * Pairs this rule may add per record before its largest blocks are skipped (default 3): broad rules, useful
   * mainly when little else is known, get less.
   */
  pairsPerRecord?: number
}

const TWO_26 = 67_108_864

/** Two non-negative integers below 2^26 as one key (exact in a double). */
function pair(a: number, b: number): number {
  return a * TWO_26 + b
}

/** Date of birth with day and month in ascending order, so a swapped date falls in the same block. */
function unorderedDate(v: StoreView, r: number): number {
  const dob = v.dob[r] as number
  if (dob === 0) return NO_KEY
  const year = Math.floor(dob / 10000)
  const month = Math.floor(dob / 100) % 100
  const day = dob % 100
  return year * 10000 + Math.min(month, day) * 100 + Math.max(month, day)
}

function lastFamilyPart(v: StoreView, r: number): number {
  if (v.f2[r] !== NO_KEY) return v.f2[r] as number
  if (v.f1[r] !== NO_KEY) return v.f1[r] as number
  return v.f0[r] as number
}

/** The two name sounds in a fixed order, so a record with given and family names swapped shares the key. */
function nameSounds(v: StoreView, r: number, compact: KeyCompactor): number {
  const g = v.g0[r] as number
  const f = v.f0[r] as number
  if (g === NO_KEY || f === NO_KEY) return NO_KEY
  const a = v.nameSound[g] as number
  const b = v.nameSound[f] as number
  return compact(a <= b ? pair(a, b) : pair(b, a))
}

export const DEFAULT_BLOCKING_RULES: readonly BlockingRule[] = [
  {
    name: 'nhs-number',
    description: 'same valid NHS number',
    key: (v, r) => (v.nhs[r] !== NO_KEY && v.nhsReliable[r] === 1 ? (v.nhs[r] as number) : NO_KEY),
  },
  {
    name: 'upn',
    description: 'same valid unique pupil number',
    key: (v, r) => (v.upn[r] !== NO_KEY && v.upnReliable[r] === 1 ? (v.upn[r] as number) : NO_KEY),
  },
  { name: 'email', description: 'same email address', key: (v, r) => v.email[r] as number },
  { name: 'phone', description: 'same phone number', key: (v, r) => v.phone[r] as number },
  {
    name: 'dob+surname-soundex',
    description: 'date of birth (day and month in either order) and Soundex of the first part of the family name',
    key: (v, r) => {
      const f = v.f0[r] as number
      const date = unorderedDate(v, r)
      return f === NO_KEY || date === NO_KEY ? NO_KEY : pair(date, v.nameSoundex[f] as number)
    },
  },
  {
    name: 'dob+last-surname-soundex',
    description: 'date of birth (either order) and Soundex of the last part of the family name (Smith-Jones, Jones)',
    key: (v, r) => {
      const f = lastFamilyPart(v, r)
      const date = unorderedDate(v, r)
      return f === NO_KEY || date === NO_KEY ? NO_KEY : pair(date, v.nameSoundex[f] as number)
    },
  },
  {
    name: 'dob+given-sound',
    description: 'date of birth (either order) and the sound of the given name',
    key: (v, r) => {
      const g = v.g0[r] as number
      const date = unorderedDate(v, r)
      return g === NO_KEY || date === NO_KEY ? NO_KEY : pair(date, v.nameSound[g] as number)
    },
  },
  {
    name: 'dob+district',
    description: 'date of birth (either order) and postcode district',
    key: (v, r) => {
      const d = v.pcDistrict[r] as number
      const date = unorderedDate(v, r)
      return d === NO_KEY || date === NO_KEY ? NO_KEY : pair(date, d)
    },
  },
  {
    name: 'names+year',
    description: 'sounds of given and family name (either order) and year of birth',
    key: (v, r, compact) => {
      const dob = v.dob[r] as number
      const names = dob === 0 ? NO_KEY : nameSounds(v, r, compact)
      return names === NO_KEY ? NO_KEY : pair(names, Math.floor(dob / 10000))
    },
  },
  {
    name: 'names+district',
    description: 'sounds of given and family name (either order) and postcode district',
    key: (v, r, compact) => {
      const d = v.pcDistrict[r] as number
      const names = d === NO_KEY ? NO_KEY : nameSounds(v, r, compact)
      return names === NO_KEY ? NO_KEY : pair(names, d)
    },
  },
  {
    name: 'surname+district',
    pairsPerRecord: 2,
    description: 'family name and postcode district',
    key: (v, r) => {
      const f = v.fam[r] as number
      const d = v.pcDistrict[r] as number
      return f === NO_KEY || d === NO_KEY ? NO_KEY : pair(f, d)
    },
  },
  {
    name: 'surname+year+initial',
    description: 'family name, year of birth and first letter of the given name',
    key: (v, r, compact) => {
      const f = v.fam[r] as number
      const g = v.g0[r] as number
      const dob = v.dob[r] as number
      if (f === NO_KEY || g === NO_KEY || dob === 0) return NO_KEY
      return pair(compact(pair(f, (v.names[g] as string).charCodeAt(0))), Math.floor(dob / 10000))
    },
  },
  {
    name: 'postcode+given-initial',
    description: 'full postcode and first letter of the given name',
    key: (v, r) => {
      const p = v.pcUnit[r] as number
      const g = v.g0[r] as number
      return p === NO_KEY || g === NO_KEY ? NO_KEY : pair(p, (v.names[g] as string).charCodeAt(0))
    },
  },
  {
    name: 'address+given-initial',
    description: 'whole address and first letter of the given name',
    key: (v, r) => {
      const a = v.addr[r] as number
      const g = v.g0[r] as number
      return a === NO_KEY || g === NO_KEY ? NO_KEY : pair(a, (v.names[g] as string).charCodeAt(0))
    },
  },
  {
    name: 'street+number',
    pairsPerRecord: 1,
    description: 'house number and street name of the address',
    key: (v, r) => v.addrStreet[r] as number,
  },
  {
    name: 'names-soundex',
    pairsPerRecord: 1,
    description: 'sound of the given name and Soundex of the family name',
    key: (v, r) => {
      const g = v.g0[r] as number
      const f = v.f0[r] as number
      return g === NO_KEY || f === NO_KEY ? NO_KEY : pair(v.nameSound[g] as number, v.nameSoundex[f] as number)
    },
  },
  {
    name: 'full-name',
    pairsPerRecord: 1,
    description: 'given name and family name, exactly',
    key: (v, r) => {
      const g = v.g0[r] as number
      const f = v.fam[r] as number
      return g === NO_KEY || f === NO_KEY ? NO_KEY : pair(g, f)
    },
  },
]

export type BlockReport = { size: number; pairs: number; example: string }

export type RuleReport = {
  rule: string
  description: string
  /** Records with a key for this rule. */
  recordsKeyed: number
  /** Blocks of two or more records. */
  blocks: number
  /** Pairs this rule found that no earlier rule had. */
  candidatePairs: number
  /** Pairs this rule found again. */
  repeatedPairs: number
  largestBlocks: BlockReport[]
  /** Blocks over the size limit, skipped as generic values, and the pairs they would have made. */
  skippedBlocks: number
  skippedPairs: number
  /** The size limit this rule ran with (lowered from the default when the rule was over its pair budget). */
  maxBlockSize: number
}

export type BlockingReport = {
  records: number
  candidatePairs: number
  rules: RuleReport[]
}

export type CandidatePairs = {
  left: Int32Array
  right: Int32Array
  count: number
  report: BlockingReport
}

export type BlockingOptions = {
  rules?: readonly BlockingRule[]
  maxBlockSize?: number
  /**
   * Most pairs one rule may add (default: the rule's pairs per record times the records, at least 1,000,000).
   * Past it the rule's largest blocks, its most common and least telling values, are skipped until it fits: a
   * rule on names alone must not grow with the square of the input.
   */
  maxPairsPerRule?: number
  onProgress?: (done: number, total: number) => void
  /** How to show an example record of a large block in the report. */
  describe?: (r: number) => string
}

export const DEFAULT_MAX_BLOCK_SIZE = 1000

/** Compute one rule's key for every record. */
export function ruleKeys(v: StoreView, rule: BlockingRule, compact = createCompactor()): Float64Array {
  const keys = new Float64Array(v.count)
  for (let r = 0; r < v.count; r++) keys[r] = rule.key(v, r, compact)
  return keys
}

/**
 * A key folded to 31 bits. Two different keys can fold together, which only merges their blocks (a few more
 * candidate pairs, never fewer); grouping and the "found by an earlier rule" test both use the folded keys,
 * so they stay consistent.
 */
function fold(key: number): number {
  if (key === NO_KEY) return NO_KEY
  const high = Math.floor(key / TWO_26)
  const low = key - high * TWO_26
  return (Math.imul(high ^ (high >>> 15), 0x2c1b3c6d) ^ Math.imul(low, 0x297a2d39) ^ (low >>> 13)) & 0x7fffffff
}

export function generateCandidates(v: StoreView, options: BlockingOptions = {}): CandidatePairs {
  const rules = options.rules ?? DEFAULT_BLOCKING_RULES
  const n = v.count
  const ruleCount = rules.length
  const budget = (rule: BlockingRule) => options.maxPairsPerRule ?? Math.max(1_000_000, (rule.pairsPerRecord ?? 3) * n)
  let left = new Int32Array(Math.max(1024, n * 4))
  let right = new Int32Array(left.length)
  let count = 0
  const reports: RuleReport[] = []

  // Every rule's folded key for every record, record by record, so that checking whether an earlier rule
  // already found a pair reads two short runs of memory rather than one scattered value per rule.
  const keys = new Int32Array(n * ruleCount)
  rules.forEach((rule, q) => {
    const compact = createCompactor()
    for (let r = 0; r < n; r++) keys[r * ruleCount + q] = fold(rule.key(v, r, compact))
  })

  // (key, record) packed into one exact double: the record takes the low bits, the folded key what is left.
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)))
  const INDEX_SPACE = 2 ** indexBits
  const keyMask = indexBits > 22 ? 2 ** (53 - indexBits) - 1 : 0x7fffffff
  if (keyMask !== 0x7fffffff)
    for (let k = 0; k < keys.length; k++) if (keys[k] !== NO_KEY) keys[k] = (keys[k] as number) & keyMask
  const members = new Int32Array(n)
  const sortable = new Float64Array(n)
  for (let ruleIndex = 0; ruleIndex < ruleCount; ruleIndex++) {
    const rule = rules[ruleIndex] as BlockingRule
    // Group records by key: sort (key, record) packed into one double, then read off runs of equal keys.
    let keyed = 0
    for (let r = 0; r < n; r++) {
      const key = keys[r * ruleCount + ruleIndex] as number
      if (key !== NO_KEY) sortable[keyed++] = key * INDEX_SPACE + r
    }
    const sorted = sortable.subarray(0, keyed).sort()
    const starts: number[] = []
    let previous = -1
    for (let k = 0; k < keyed; k++) {
      const packed = sorted[k] as number
      const key = Math.floor(packed / INDEX_SPACE)
      members[k] = packed - key * INDEX_SPACE
      if (key !== previous) starts.push(k)
      previous = key
    }
    starts.push(keyed)
    const start = Int32Array.from(starts)
    const groups = starts.length - 1

    // The largest block size this rule can afford within its pair budget.
    const maxBlockSize = affordableBlockSize(
      start,
      groups,
      options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE,
      budget(rule),
    )
    const report: RuleReport = {
      rule: rule.name,
      description: rule.description,
      recordsKeyed: keyed,
      blocks: 0,
      candidatePairs: 0,
      repeatedPairs: 0,
      largestBlocks: [],
      skippedBlocks: 0,
      skippedPairs: 0,
      maxBlockSize,
    }
    const largest: { size: number; first: number }[] = []
    for (let g = 0; g < groups; g++) {
      const from = start[g] as number
      const to = start[g + 1] as number
      const size = to - from
      if (size < 2) continue
      report.blocks++
      if (largest.length < 5 || size > (largest[largest.length - 1] as { size: number }).size) {
        largest.push({ size, first: members[from] as number })
        largest.sort((a, b) => b.size - a.size)
        if (largest.length > 5) largest.pop()
      }
      if (size > maxBlockSize) {
        report.skippedBlocks++
        report.skippedPairs += (size * (size - 1)) / 2
        // Later rules must not treat these pairs as already found.
        for (let x = from; x < to; x++) keys[(members[x] as number) * ruleCount + ruleIndex] = NO_KEY
        continue
      }
      for (let x = from; x < to; x++) {
        const a = members[x] as number
        const aBase = a * ruleCount
        for (let y = x + 1; y < to; y++) {
          const b = members[y] as number
          const bBase = b * ruleCount
          let seen = false
          for (let q = 0; q < ruleIndex; q++) {
            const key = keys[aBase + q] as number
            if (key !== NO_KEY && key === keys[bBase + q]) {
              seen = true
              break
            }
          }
          if (seen) {
            report.repeatedPairs++
            continue
          }
          if (count === left.length) {
            const grownLeft = new Int32Array(left.length * 2)
            grownLeft.set(left)
            left = grownLeft
            const grownRight = new Int32Array(right.length * 2)
            grownRight.set(right)
            right = grownRight
          }
          left[count] = a < b ? a : b
          right[count] = a < b ? b : a
          count++
          report.candidatePairs++
        }
      }
    }
    report.largestBlocks = largest.map(({ size, first }) => ({
      size,
      pairs: (size * (size - 1)) / 2,
      example: options.describe ? options.describe(first) : `record ${first}`,
    }))
    reports.push(report)
    options.onProgress?.(ruleIndex + 1, ruleCount)
  }

  return {
    left: left.subarray(0, count),
    right: right.subarray(0, count),
    count,
    report: { records: n, candidatePairs: count, rules: reports },
  }
}

/** The largest block size such that the blocks no larger than it make at most `budget` pairs. */
function affordableBlockSize(start: Int32Array, groups: number, limit: number, budget: number): number {
  const pairsBySize = new Map<number, number>()
  let total = 0
  for (let g = 0; g < groups; g++) {
    const size = (start[g + 1] as number) - (start[g] as number)
    if (size < 2 || size > limit) continue
    const pairs = (size * (size - 1)) / 2
    pairsBySize.set(size, (pairsBySize.get(size) ?? 0) + pairs)
    total += pairs
  }
  if (total <= budget) return limit
  const sizes = [...pairsBySize.keys()].sort((a, b) => b - a)
  for (const size of sizes) {
    total -= pairsBySize.get(size) as number
    if (total <= budget) return size - 1
  }
  return 1
}
