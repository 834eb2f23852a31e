/**
 * From linked pairs to persons (reference/linkage.md §1.6). Plain connected components chain errors: one false
 * link between two people's clusters merges every record of both. So pairs are taken strongest first into a
 * union-find, and a merge of two clusters is refused when
 * - it would put together two records that must not be linked automatically (possible twins, conflicting valid
 *   NHS numbers: the "cannot link" pairs), or
 * - the clusters are joined by too few links for their size: at least `density` of the possible cross pairs
 *   (rounded up) must be linked, unless the joining pair is "strong" (the same valid NHS number or UPN). A true
 *   split of one person's records is joined by many links; a false bridge usually by one.
 * Refused merges are retried after the first pass, once the clusters have grown, until nothing changes.
 */

export type LinkedPairs = {
  left: Int32Array
  right: Int32Array
  weight: Float32Array | Float64Array
  /** Pairs that agree on a reliable identifier, which join clusters whatever their density. */
  strong?: Uint8Array
  count: number
}

export type ClusteringOptions = {
  /** Pairs that must never end up in one cluster automatically. */
  cannotLink?: { left: Int32Array; right: Int32Array; count: number }
  /** Share of cross pairs that must be linked before two clusters merge (0 disables the guard). */
  density?: number
}

export type Clustering = {
  /** Cluster number of each record: 0 .. clusters − 1, numbered in order of each cluster's first record. */
  clusterOf: Int32Array
  clusters: number
  /** Pairs whose merge was refused (by a cannot-link pair or by the density guard). */
  refusedByConstraint: number
  refusedByDensity: number
  /** Linked pairs that ended up joining two records of one cluster. */
  pairsUsed: number
}

export const DEFAULT_CLUSTER_DENSITY = 0.1

function csr(n: number, left: Int32Array, right: Int32Array, count: number): { start: Int32Array; to: Int32Array } {
  const start = new Int32Array(n + 1)
  for (let k = 0; k < count; k++) {
    const a = (left[k] as number) + 1
    const b = (right[k] as number) + 1
    start[a] = (start[a] as number) + 1
    start[b] = (start[b] as number) + 1
  }
  for (let r = 0; r < n; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number)
  const fill = start.slice(0, n)
  const to = new Int32Array(count * 2)
  for (let k = 0; k < count; k++) {
    const a = left[k] as number
    const b = right[k] as number
    const atA = fill[a] as number
    to[atA] = b
    fill[a] = atA + 1
    const atB = fill[b] as number
    to[atB] = a
    fill[b] = atB + 1
  }
  return { start, to }
}

export function clusterRecords(n: number, pairs: LinkedPairs, options: ClusteringOptions = {}): Clustering {
  const density = options.density ?? DEFAULT_CLUSTER_DENSITY
  const parent = new Int32Array(n)
  const size = new Int32Array(n).fill(1)
  // Members of each root as a linked list: next[r] is the following member, tail[root] the last one.
  const next = new Int32Array(n).fill(-1)
  const tail = new Int32Array(n)
  for (let r = 0; r < n; r++) {
    parent[r] = r
    tail[r] = r
  }
  const find = (r: number): number => {
    let root = r
    while (parent[root] !== root) root = parent[root] as number
    let x = r
    while (parent[x] !== root) {
      const up = parent[x] as number
      parent[x] = root
      x = up
    }
    return root
  }

  const linked = csr(n, pairs.left, pairs.right, pairs.count)
  const cannot =
    options.cannotLink && options.cannotLink.count > 0
      ? csr(n, options.cannotLink.left, options.cannotLink.right, options.cannotLink.count)
      : undefined

  // Strongest pairs first: sort by weight, descending, then by position for a stable order.
  const order = new Float64Array(pairs.count)
  for (let k = 0; k < pairs.count; k++) {
    const quantised = Math.round(Math.min(Math.max(pairs.weight[k] as number, -500), 500) * 1000) // 0.001 bit steps
    order[k] = (500_000 - quantised) * 4_294_967_296 + k
  }
  order.sort()

  const violates = (small: number, otherRoot: number): boolean => {
    if (!cannot) return false
    for (let r = small; r !== -1; r = next[r] as number) {
      for (let e = cannot.start[r] as number; e < (cannot.start[r + 1] as number); e++) {
        if (find(cannot.to[e] as number) === otherRoot) return true
      }
    }
    return false
  }
  const crossLinks = (small: number, otherRoot: number, needed: number): number => {
    let found = 0
    for (let r = small; r !== -1; r = next[r] as number) {
      for (let e = linked.start[r] as number; e < (linked.start[r + 1] as number); e++) {
        if (find(linked.to[e] as number) === otherRoot && ++found >= needed) return found
      }
    }
    return found
  }

  let refusedByConstraint = 0
  let refusedByDensity = 0
  const attempt = (k: number, counting: boolean): boolean => {
    let a = find(pairs.left[k] as number)
    let b = find(pairs.right[k] as number)
    if (a === b) return true
    if ((size[a] as number) > (size[b] as number)) [a, b] = [b, a] // a is the smaller cluster
    if (violates(a, b)) {
      if (counting) refusedByConstraint++
      return false
    }
    const strong = pairs.strong?.[k] === 1
    if (!strong && density > 0) {
      const needed = Math.max(1, Math.ceil(density * (size[a] as number) * (size[b] as number)))
      if (needed > 1 && crossLinks(a, b, needed) < needed) {
        if (counting) refusedByDensity++
        return false
      }
    }
    parent[a] = b
    size[b] = (size[b] as number) + (size[a] as number)
    next[tail[b] as number] = a
    tail[b] = tail[a] as number
    return true
  }

  let refused: number[] = []
  for (let x = 0; x < order.length; x++) {
    const k = (order[x] as number) % 4_294_967_296
    if (!attempt(k, false)) refused.push(k)
  }
  for (let pass = 0; pass < 5 && refused.length > 0; pass++) {
    const before = refused.length
    refused = refused.filter(k => !attempt(k, false))
    if (refused.length === before) break
  }
  for (const k of refused) attempt(k, true) // count what stays refused, by reason

  const clusterOf = new Int32Array(n).fill(-1)
  const rootCluster = new Int32Array(n).fill(-1)
  let clusters = 0
  for (let r = 0; r < n; r++) {
    const root = find(r)
    if (rootCluster[root] === -1) rootCluster[root] = clusters++
    clusterOf[r] = rootCluster[root] as number
  }
  let pairsUsed = 0
  for (let k = 0; k < pairs.count; k++)
    if (clusterOf[pairs.left[k] as number] === clusterOf[pairs.right[k] as number]) pairsUsed++
  return { clusterOf, clusters, refusedByConstraint, refusedByDensity, pairsUsed }
}

/** cyrb53: a fast 53-bit string hash (public domain), enough to name clusters without a collision in practice. */
function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/**
 * Stable person ids. With no history, a cluster is named after its smallest record id (a hash of it), so the same
 * input always gives the same ids whatever the row order, and a person keeps their id when records are added
 * that sort after their first one. With `previous` (record id → person id from an earlier run), each cluster
 * takes over the earlier person id that most of its records had, largest overlaps first, each id used once: a
 * person whose records are split keeps the id in the larger part; two persons merged keep the id of the larger.
 */
export function assignPersonIds(
  clusterOf: Int32Array,
  clusters: number,
  recordIds: readonly string[],
  previous?: ReadonlyMap<string, string>,
): string[] {
  const ids = new Array<string>(clusters)
  const taken = new Set<string>()
  if (previous && previous.size > 0) {
    const overlaps = new Map<string, number>() // "cluster\u0000personId" → records
    clusterOf.forEach((cluster, r) => {
      const old = previous.get(recordIds[r] as string)
      if (old === undefined) return
      const key = `${cluster}\u0000${old}`
      overlaps.set(key, (overlaps.get(key) ?? 0) + 1)
    })
    const ranked = [...overlaps.entries()]
      .map(([key, records]) => {
        const [cluster, personId] = key.split('\u0000') as [string, string]
        return { cluster: Number(cluster), personId, records }
      })
      .sort((a, b) => b.records - a.records || a.cluster - b.cluster || (a.personId < b.personId ? -1 : 1))
    for (const { cluster, personId } of ranked) {
      if (ids[cluster] !== undefined || taken.has(personId)) continue
      ids[cluster] = personId
      taken.add(personId)
    }
    for (const personId of previous.values()) taken.add(personId)
  }
  const smallest = new Array<string | undefined>(clusters)
  clusterOf.forEach((cluster, r) => {
    const id = recordIds[r] as string
    const current = smallest[cluster]
    if (current === undefined || id < current) smallest[cluster] = id
  })
  for (let c = 0; c < clusters; c++) {
    if (ids[c] !== undefined) continue
    let seed = 0
    let id: string
    do {
      id = `P${hash53(smallest[c] ?? '', seed++)
        .toString(16)
        .padStart(14, '0')}`
    } while (taken.has(id))
    ids[c] = id
    taken.add(id)
  }
  return ids
}
