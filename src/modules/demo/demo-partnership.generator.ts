import { generateFamily, type FamilySink, type RunningCounters } from './family.generator.ts'
import type { DemoPattern } from './demo.schema.ts'
import { buildPartnership, type Partnership } from './organisations.generator.ts'
import type { Variation } from './record-variation.ts'

/** Families per batch by default: about 4,000 children, a few tens of thousands of rows, a few tens of MB. */
export const DEFAULT_FAMILIES_PER_BATCH = 2_000

export type DemoGeneratorOptions = {
  children: number
  seed: number
  /** Only how the stream is cut: the rows are the same whatever it is. */
  familiesPerBatch?: number
}

/** One batch of families: rows ready for PeopleService.importPeople and ChronologyService.importEvents. */
export type DemoBatch = FamilySink & {
  /** Children in this batch. */
  readonly children: number
  readonly families: number
}

export type DemoPartnership = {
  /** Agencies, teams, practitioners and the demo accounts (without password hashes). */
  readonly partnership: Partnership
  readonly children: number
  /** The families, in order, a batch at a time; each call starts again from the first family. */
  batches(): Generator<DemoBatch>
}

function emptySink(): FamilySink {
  return {
    people: [],
    sourceRecords: [],
    households: [],
    householdMembers: [],
    relationships: [],
    events: [],
    subjects: [],
    patterns: new Map<DemoPattern, number>(),
    variations: new Map<Variation, number>(),
  }
}

/**
 * The synthetic Northshire partnership for `children` children. Pure and deterministic: the same (children,
 * seed) gives the same rows, ids included, on any machine and whatever the batch size, because each family
 * draws from its own random stream Random.for(seed, family, index). Nothing is generated until batches() is
 * iterated, and each batch can be dropped once loaded, so memory stays flat however many children are asked for.
 */
export function generateDemoPartnership(options: DemoGeneratorOptions): DemoPartnership {
  const { children, seed } = options
  const familiesPerBatch = Math.max(1, options.familiesPerBatch ?? DEFAULT_FAMILIES_PER_BATCH)
  const partnership = buildPartnership(seed, children)
  return {
    partnership,
    children,
    *batches() {
      const counters: RunningCounters = { personOrdinal: 0, childOrdinal: 0 }
      let made = 0
      let familyIndex = 0
      while (made < children) {
        const sink = emptySink()
        let families = 0
        let batchChildren = 0
        while (families < familiesPerBatch && made < children) {
          const n = generateFamily(seed, partnership.index, familyIndex++, children - made, counters, sink)
          made += n
          batchChildren += n
          families++
        }
        yield { ...sink, children: batchChildren, families }
      }
    },
  }
}
