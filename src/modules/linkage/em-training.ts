import {
  COMPARISON_NAMES,
  F_DOB,
  F_FAMILY,
  F_GIVEN,
  F_NHS,
  F_UPN,
  FIELD_COUNT,
  LEVEL_COUNTS,
  PATTERN_COUNT,
  RADIX,
} from './comparisons.ts'

/**
 * Expectation maximisation for the m probabilities (reference/linkage.md §1.4), unsupervised, on the input itself,
 * with u held fixed at its random-sampling estimate, as Splink does.
 *
 * EM over all candidate pairs at once is not safe on data about families: brothers and sisters agree on surname,
 * address, phone and sometimes more, and a two-class model happily learns "same household" as its match class
 * (m for "different date of birth" comes out at a quarter, and siblings then link). So, like Splink, EM runs in
 * sessions, each over the candidate pairs that agree exactly on two identity fields, which household members do
 * not share: given name and date of birth; given and family name; family name and date of birth; a valid NHS
 * number. Within a session the two fields it is defined by are left out (they agree by construction), and the
 * other fields' m are estimated; each field's m is then the average over the sessions that estimated it,
 * weighted by their expected number of matches.
 *
 * Further guards against degenerate solutions:
 * - m starts from the default model and is shrunk towards it with `priorStrength` pseudo-pairs;
 * - a field estimated on fewer than `minimumMatches` expected matched pairs keeps its default;
 * - a field whose top agreement level ends up no more likely among matches than among non-matches, or (for the
 *   identity fields) whose matches mostly disagree, keeps its default.
 */

export type EmOptions = {
  maxIterations?: number
  /** Stop when no m moves by more than this. */
  tolerance?: number
  priorStrength?: number
  minimumMatches?: number
}

export type EmSessionReport = {
  session: string
  pairs: number
  expectedMatches: number
  iterations: number
  converged: boolean
}

export type EmResult = {
  /** m per comparison, levels 1.. */
  m: number[][]
  trained: boolean[]
  sessions: EmSessionReport[]
  iterations: number
}

type Session = { name: string; fixed: readonly number[]; accepts: (levels: Uint8Array) => boolean }

export const EM_SESSIONS: readonly Session[] = [
  {
    name: 'given name and date of birth agree',
    fixed: [F_GIVEN, F_DOB],
    accepts: l => l[F_GIVEN] === 1 && l[F_DOB] === 1,
  },
  {
    name: 'given and family name agree',
    fixed: [F_GIVEN, F_FAMILY],
    accepts: l => l[F_GIVEN] === 1 && l[F_FAMILY] === 1,
  },
  {
    name: 'family name and date of birth agree',
    fixed: [F_FAMILY, F_DOB],
    accepts: l => l[F_FAMILY] === 1 && l[F_DOB] === 1,
  },
  { name: 'valid NHS number agrees', fixed: [F_NHS], accepts: l => l[F_NHS] === 1 },
  { name: 'valid UPN agrees', fixed: [F_UPN], accepts: l => l[F_UPN] === 1 },
]

/** Comparisons where "mostly different among matches" means EM has latched on to the wrong thing. */
const IDENTITY_FIELDS = new Set(['given', 'family', 'dateOfBirth'])

const M_FLOOR = 1e-6

type Patterns = { counts: Float64Array; levels: Uint8Array; size: number }

function unpack(patternCounts: Float64Array): Patterns {
  const codes: number[] = []
  for (let code = 0; code < PATTERN_COUNT; code++) if ((patternCounts[code] as number) > 0) codes.push(code)
  const counts = new Float64Array(codes.length)
  const levels = new Uint8Array(codes.length * FIELD_COUNT)
  codes.forEach((code, k) => {
    counts[k] = patternCounts[code] as number
    for (let f = 0; f < FIELD_COUNT; f++)
      levels[k * FIELD_COUNT + f] = Math.floor(code / (RADIX[f] as number)) % (LEVEL_COUNTS[f] as number)
  })
  return { counts, levels, size: codes.length }
}

type SessionResult = { m: number[][]; matchedWithField: Float64Array; report: EmSessionReport }

function runSession(
  patterns: Patterns,
  selected: number[],
  active: boolean[],
  u: number[][],
  defaultM: number[][],
  options: Required<EmOptions>,
  name: string,
): SessionResult {
  const logU = u.map(row => row.map(x => Math.log2(x)))
  let m = defaultM.map(row => [...row])
  let pairs = 0
  for (const k of selected) pairs += patterns.counts[k] as number
  let lambda = 0.5
  let iterations = 0
  let converged = false
  let expectedMatches = 0
  const matchedWithField = new Float64Array(FIELD_COUNT)
  const posterior = new Float64Array(selected.length)
  while (iterations < options.maxIterations) {
    iterations++
    const logM = m.map(row => row.map(x => Math.log2(x)))
    const prior = Math.log2(lambda / (1 - lambda))
    expectedMatches = 0
    selected.forEach((k, s) => {
      let weight = prior
      for (let f = 0; f < FIELD_COUNT; f++) {
        if (!active[f]) continue
        const level = patterns.levels[k * FIELD_COUNT + f] as number
        if (level > 0)
          weight += ((logM[f] as number[])[level - 1] as number) - ((logU[f] as number[])[level - 1] as number)
      }
      const post = 1 / (1 + 2 ** -weight)
      posterior[s] = post
      expectedMatches += post * (patterns.counts[k] as number)
    })
    const sums = LEVEL_COUNTS.map(n => new Float64Array(n))
    selected.forEach((k, s) => {
      const w = (posterior[s] as number) * (patterns.counts[k] as number)
      if (w === 0) return
      for (let f = 0; f < FIELD_COUNT; f++) {
        const row = sums[f] as Float64Array
        const level = patterns.levels[k * FIELD_COUNT + f] as number
        row[level] = (row[level] as number) + w
      }
    })
    let moved = 0
    m = m.map((row, f) => {
      if (!active[f]) return row
      const s = sums[f] as Float64Array
      let present = 0
      for (let level = 1; level < s.length; level++) present += s[level] as number
      matchedWithField[f] = present
      const d = defaultM[f] as number[]
      const updated = row.map((_, i) =>
        Math.max(
          M_FLOOR,
          ((s[i + 1] as number) + options.priorStrength * (d[i] as number)) / (present + options.priorStrength),
        ),
      )
      const total = updated.reduce((a, b) => a + b, 0)
      return updated.map((x, i) => {
        const value = x / total
        moved = Math.max(moved, Math.abs(value - (row[i] as number)))
        return value
      })
    })
    lambda = Math.min(Math.max(expectedMatches / Math.max(pairs, 1), 1e-6), 1 - 1e-6)
    if (moved < options.tolerance) {
      converged = true
      break
    }
  }
  return { m, matchedWithField, report: { session: name, pairs, expectedMatches, iterations, converged } }
}

export function trainM(
  patternCounts: Float64Array,
  u: number[][],
  defaultM: number[][],
  options: EmOptions = {},
): EmResult {
  const settings: Required<EmOptions> = {
    maxIterations: options.maxIterations ?? 40,
    tolerance: options.tolerance ?? 1e-5,
    priorStrength: options.priorStrength ?? 5,
    minimumMatches: options.minimumMatches ?? 20,
  }
  const patterns = unpack(patternCounts)
  const levels = new Uint8Array(FIELD_COUNT)
  const weightedM = defaultM.map(row => row.map(() => 0))
  const weightOf = new Float64Array(FIELD_COUNT)
  const sessions: EmSessionReport[] = []
  let iterations = 0
  for (const session of EM_SESSIONS) {
    const selected: number[] = []
    for (let k = 0; k < patterns.size; k++) {
      for (let f = 0; f < FIELD_COUNT; f++) levels[f] = patterns.levels[k * FIELD_COUNT + f] as number
      if (session.accepts(levels)) selected.push(k)
    }
    if (selected.length === 0) continue
    const active = COMPARISON_NAMES.map((_, f) => !session.fixed.includes(f))
    const result = runSession(patterns, selected, active, u, defaultM, settings, session.name)
    sessions.push(result.report)
    iterations += result.report.iterations
    if (result.report.expectedMatches < settings.minimumMatches) continue
    for (let f = 0; f < FIELD_COUNT; f++) {
      const weight = active[f] ? (result.matchedWithField[f] as number) : 0
      if (weight < settings.minimumMatches) continue
      weightOf[f] = (weightOf[f] as number) + weight
      const row = weightedM[f] as number[]
      ;(result.m[f] as number[]).forEach((value, i) => (row[i] = (row[i] as number) + weight * value))
    }
  }
  const trained: boolean[] = []
  const m = weightedM.map((row, f) => {
    const total = weightOf[f] as number
    const fallback = [...(defaultM[f] as number[])]
    if (total === 0) {
      trained.push(false)
      return fallback
    }
    const estimate = row.map(x => x / total)
    const uRow = u[f] as number[]
    const informative = (estimate[0] as number) > (uRow[0] as number)
    const mostlyAgree =
      !IDENTITY_FIELDS.has(COMPARISON_NAMES[f] as string) || (estimate[estimate.length - 1] as number) < 0.5
    const ok = informative && mostlyAgree
    trained.push(ok)
    return ok ? estimate : fallback
  })
  return { m, trained, sessions, iterations }
}

/**
 * λ, the prior that two records drawn at random match, from pair weights: EM for the prior alone (m and u
 * fixed), all pairs that no blocking rule produced being non-matches. Weights exclude the prior.
 */
export function estimateLambda(weights: Float32Array, count: number, totalPairs: number, start: number): number {
  // A histogram of weights in 0.01-bit bins keeps each iteration cheap however many pairs there are.
  const low = -80
  const high = 160
  const bins = new Float64Array((high - low) * 100 + 1)
  for (let k = 0; k < count; k++) {
    const w = weights[k] as number
    if (w < low) continue
    const b = Math.round((Math.min(w, high) - low) * 100)
    bins[b] = (bins[b] as number) + 1
  }
  let lambda = Math.min(Math.max(start, 1e-12), 0.5)
  for (let iteration = 0; iteration < 500; iteration++) {
    const prior = Math.log2(lambda / (1 - lambda))
    let expected = 0
    for (let b = 0; b < bins.length; b++) {
      const c = bins[b] as number
      if (c > 0) expected += c / (1 + 2 ** -(low + b / 100 + prior))
    }
    const next = Math.min(Math.max(expected / totalPairs, 1e-12), 0.5)
    const change = Math.abs(next - lambda) / lambda
    lambda = next
    if (change < 1e-7) break
  }
  return lambda
}
