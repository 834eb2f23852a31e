/**
 * Deterministic randomness for the demo partnership. Everything the generator makes comes from a `Random`
 * derived from (seed, stream, index), never from Math.random or the clock, so a seed always gives the same
 * partnership, whatever the batch size and on whichever machine.
 */

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers that spreads every input bit over the output. */
export function mix32(value: number): number {
  let x = value >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/** A table for `Random.weighted`: the cumulative weights are computed once, where the table is declared. */
export type WeightedTable<T> = {
  readonly values: readonly T[]
  readonly cumulative: Float64Array
  readonly total: number
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length)
  let total = 0
  entries.forEach(([, weight], i) => {
    total += weight
    cumulative[i] = total
  })
  return { values: entries.map(([value]) => value), cumulative, total }
}

/**
 * A frequency-ranked list (most common first) as a weighted table with a Zipf-like skew: the first entry is
 * about `ratio` times as likely as the hundredth, as real name frequencies are (Smith against, say, Dixon).
 */
export function rankedTable<T>(values: readonly T[], exponent = 0.6): WeightedTable<T> {
  return weightedTable(values.map((value, rank) => [value, 1 / Math.pow(rank + 2, exponent)] as const))
}

/** sfc32 (Chris Doty-Humphrey's small fast counter generator): 128 bits of state, fast on 32-bit integer maths. */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0
    this.b = b >>> 0
    this.c = c >>> 0
    this.d = d >>> 0
    for (let i = 0; i < 12; i++) this.uint32()
  }

  /**
   * The generator for one unit of work. Distinct (stream, index) pairs start from distinct states (mix32 is a
   * bijection), so family 41,207 draws the same numbers whether it is generated in the first batch or the tenth.
   */
  static for(seed: number, stream: number, index: number): Random {
    return new Random(mix32(seed ^ 0x9e3779b9), mix32(stream ^ 0x7f4a7c15), mix32(index ^ 0x2545f491), 1)
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  weighted<T>(table: WeightedTable<T>): T {
    const target = this.next() * table.total
    let low = 0
    let high = table.cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((table.cumulative[middle] as number) > target) high = middle
      else low = middle + 1
    }
    return table.values[low] as T
  }

  /** A roughly bell-shaped integer around `mean` (the sum of three uniforms), clamped to [min, max]. */
  around(mean: number, spread: number, min: number, max: number): number {
    const value = Math.round(mean + (this.next() + this.next() + this.next() - 1.5) * spread)
    return Math.min(max, Math.max(min, value))
  }
}

const hex8 = (value: number) => (value >>> 0).toString(16).padStart(8, '0')

/**
 * A version-4-shaped UUID that is a pure function of (seed, kind, major, minor). Within one seed and kind,
 * distinct (major, minor) pairs give distinct ids, by construction rather than by luck (a generator seeded with
 * 32 bits would collide at a few hundred thousand families): three Feistel rounds turn the pair into two 32-bit
 * words, and a Feistel network is a bijection whatever its round function. Those two words are the first and
 * last eight hex digits; the middle digits only make ids from one family look unrelated.
 */
export function demoUuid(seed: number, kind: number, major: number, minor: number): string {
  const key = mix32(seed ^ Math.imul(kind + 1, 0x9e3779b1))
  let left = major >>> 0
  let right = minor >>> 0
  for (let round = 1; round <= 3; round++) {
    const next = (left ^ mix32(right ^ Math.imul(key + round, 0x85ebca6b))) >>> 0
    left = right
    right = next
  }
  const middle = hex8(mix32(left ^ key))
  const tail = hex8(mix32(right ^ left ^ 0x27d4eb2f))
  const variant = (8 | (mix32(key ^ right) >>> 30)).toString(16)
  return `${hex8(left)}-${middle.slice(0, 4)}-4${middle.slice(5, 8)}-${variant}${tail.slice(1, 4)}-${tail.slice(4, 8)}${hex8(right)}`
}

/** The kinds of id the generator makes, one number each, so a person and an event never share an id stream. */
export const IdKind = {
  agency: 1,
  team: 2,
  practitioner: 3,
  account: 4,
  person: 5,
  household: 6,
  sourceRecord: 7,
  relationship: 8,
  event: 9,
} as const
export type IdKind = (typeof IdKind)[keyof typeof IdKind]

/** The streams `Random.for` draws from: the partnership's reference data, and one family at a time. */
export const Stream = { partnership: 1, family: 2 } as const
