import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { assignPersonIds, clusterRecords, type LinkedPairs } from './clustering.ts'

function pairs(list: [number, number, number][]): LinkedPairs {
  return {
    left: Int32Array.from(list.map(p => p[0])),
    right: Int32Array.from(list.map(p => p[1])),
    weight: Float64Array.from(list.map(p => p[2])),
    count: list.length,
  }
}

describe('clustering', () => {
  it('joins linked records into persons', () => {
    const result = clusterRecords(
      5,
      pairs([
        [0, 1, 20],
        [1, 2, 15],
        [3, 4, 10],
      ]),
    )
    assert.equal(result.clusters, 2)
    assert.deepEqual(Array.from(result.clusterOf), [0, 0, 0, 1, 1])
  })

  it('never puts a cannot-link pair (twins) together, even through a third record', () => {
    // 0 and 1 are twins; 2 (no given name) links weakly to both.
    const result = clusterRecords(
      3,
      pairs([
        [0, 2, 12],
        [1, 2, 11],
      ]),
      {
        cannotLink: { left: Int32Array.of(0), right: Int32Array.of(1), count: 1 },
      },
    )
    assert.notEqual(result.clusterOf[0], result.clusterOf[1])
    assert.equal(result.clusterOf[0], result.clusterOf[2])
    assert.equal(result.refusedByConstraint, 1)
  })

  it('refuses to merge two large clusters on a single bridging link', () => {
    const list: [number, number, number][] = []
    for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) list.push([a, b, 20], [a + 6, b + 6, 20])
    list.push([5, 6, 8])
    const guarded = clusterRecords(12, pairs(list))
    assert.equal(guarded.clusters, 2)
    assert.equal(guarded.refusedByDensity, 1)
    assert.equal(clusterRecords(12, pairs(list), { density: 0 }).clusters, 1)
  })

  it('names persons stably: the same whatever the row order, and carried over from an earlier run', () => {
    const ids = ['b', 'a', 'c']
    const first = assignPersonIds(Int32Array.of(0, 0, 1), 2, ids)
    const reordered = assignPersonIds(Int32Array.of(0, 1, 1), 2, ['c', 'b', 'a'])
    assert.equal(first[0], reordered[1])
    assert.equal(first[1], reordered[0])
    assert.match(first[0] as string, /^P[0-9a-f]{14}$/)
    const previous = new Map([
      ['a', 'P-old-1'],
      ['b', 'P-old-1'],
      ['c', 'P-old-2'],
    ])
    // a and b split: the larger part keeps the old id, the rest gets a new one.
    const split = assignPersonIds(Int32Array.of(0, 1, 1), 2, ['a', 'b', 'c'], previous)
    assert.equal(new Set(split).size, 2)
    assert.ok(split.includes('P-old-2') || split.includes('P-old-1'))
  })
})
