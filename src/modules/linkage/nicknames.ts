import { readFileSync } from 'node:fs'
import { foldName } from './normalise-name.ts'

/**
 * Nickname and spelling-variant groups for given names (reference/linkage.md §5.1), from the lists in
 * `name-lists/` (see its NOTICE for their origins and licences). A group is a formal name with the names used for
 * it ("alexander": alex, sandy, xander …); two names are equivalent when some group holds both. Relations in
 * the lists are one-way (al is a nickname of alexander), so this symmetric reading is the NHS England one:
 * compare in both directions. The lists are read once, from files inside this module, on first use.
 */

export type NicknameGroups = {
  /** Group ids for each name, sorted ascending; absent for a name in no group. */
  groupsOf(name: string): Int32Array | undefined
  /** How many groups there are. */
  readonly size: number
  /** The names of each group, separated by spaces. */
  readonly members: readonly string[]
}

const listFile = (name: string) => new URL(`./name-lists/${name}`, import.meta.url)

function parseLines(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter(line => line.trim() !== '')
    .map(line => line.split(',').map(cell => foldName(cell)))
}

/** Build groups from rows of names, each row one group headed by its formal name. */
export function buildNicknameGroups(rows: Iterable<readonly string[]>): NicknameGroups {
  const byHead = new Map<string, Set<string>>()
  for (const row of rows) {
    const names = row.filter(name => name !== '' && !name.includes(' '))
    const head = names[0]
    if (head === undefined || names.length < 2) continue
    let group = byHead.get(head)
    if (!group) byHead.set(head, (group = new Set([head])))
    for (const name of names) group.add(name)
  }
  const membership = new Map<string, number[]>()
  const members: string[] = []
  let id = 0
  for (const group of byHead.values()) {
    members.push([...group].join(' '))
    for (const name of group) {
      const list = membership.get(name)
      if (list) list.push(id)
      else membership.set(name, [id])
    }
    id++
  }
  const frozen = new Map<string, Int32Array>()
  for (const [name, ids] of membership) frozen.set(name, Int32Array.from(ids).sort())
  return { groupsOf: name => frozen.get(name), size: id, members }
}

let shipped: NicknameGroups | undefined

/** The groups shipped with Sightline: carltonnorthern/nicknames, NHS England's list, and our UK additions. */
export function shippedNicknameGroups(): NicknameGroups {
  if (shipped) return shipped
  const rows: string[][] = []
  const carlton = parseLines(readFileSync(listFile('carltonnorthern_names.csv'), 'utf8')).slice(1)
  const byName = new Map<string, string[]>()
  for (const [name, relation, nick] of carlton) {
    if (!name || !nick || relation !== 'has nickname') continue
    const row = byName.get(name)
    if (row) row.push(nick)
    else byName.set(name, [name, nick])
  }
  rows.push(...byName.values())
  rows.push(...parseLines(readFileSync(listFile('nhse_names.csv'), 'utf8')))
  rows.push(...parseLines(readFileSync(listFile('uk-additions.csv'), 'utf8')))
  shipped = buildNicknameGroups(rows)
  return shipped
}

/** True when two sorted group-id lists share an id. */
export function shareGroup(a: Int32Array | undefined, b: Int32Array | undefined): boolean {
  if (!a || !b) return false
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) return true
    if (x < y) i++
    else j++
  }
  return false
}
