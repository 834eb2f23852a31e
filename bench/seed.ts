/**
 * Benchmark: seed the demo partnership into a fresh, throw-away database and report wall time, rows per
 * second and peak memory, per engine. Not a test: run it by hand and copy the table into docs/benchmarks.md.
 *
 *   node bench/seed.ts [--children N] [--engine pglite|postgres|both] [--seed S]
 *
 * The embedded engine gets a new data folder under /tmp; PostgreSQL gets a new database on the server of
 * DATABASE_URL. Both are removed afterwards. With --engine both, each engine runs in its own child process, so
 * that peak RSS (getrusage's maxrss, which only ever grows) belongs to that engine alone.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createProgress } from '../src/cli/progress.ts'
import { AgencyRepository, AgencyService } from '../src/modules/agencies/index.ts'
import { ChronologyRepository, ChronologyService } from '../src/modules/chronology/index.ts'
import { DemoService, type SeedSummary } from '../src/modules/demo/index.ts'
import { PeopleRepository, PeopleService } from '../src/modules/people/index.ts'
import { AccessGrantRepository, AccessPolicy, AccessRepository, defaultRoles } from '../src/platform/access/index.ts'
import { AuditWriter } from '../src/platform/audit/index.ts'
import { AuthRepository, AuthService } from '../src/platform/auth/index.ts'
import type { Engine } from '../src/platform/db/index.ts'
import { withFreshDatabase } from './fresh-database.ts'

type Result = {
  engine: Engine
  children: number
  rows: number
  seconds: number
  rowsPerSecond: number
  peakRssMiB: number
  /** Peak RSS before the seed started: opening (for PGlite, creating) and migrating the database. */
  baselineRssMiB: number
  summary: SeedSummary
}

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '250000' },
    engine: { type: 'string', default: 'both' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
})
const children = Number(values.children)
const seed = Number(values.seed)
if (!Number.isInteger(children) || children < 1)
  throw new Error(`--children must be a whole number, not ${values.children}`)
if (!['pglite', 'postgres', 'both'].includes(values.engine))
  throw new Error('--engine must be pglite, postgres or both')

async function runOne(engine: Engine): Promise<Result> {
  return withFreshDatabase(engine, async database => {
    await database.migrate()
    const access = new AccessRepository(database.db)
    await access.upsertRoles(defaultRoles)
    const auth = new AuthService(new AuthRepository(database.db), access, 30)
    const agencies = new AgencyService(new AgencyRepository(database.db))
    const people = new PeopleService(database, new PeopleRepository(database.db), new AuditWriter())
    const chronology = new ChronologyService(new ChronologyRepository(database.db))
    const demo = new DemoService(database, { agencies, people, chronology, auth, policy: new AccessPolicy(new AccessGrantRepository(database.db)) })
    const baselineRssMiB = Math.round(process.resourceUsage().maxRSS / 1024)
    const progress = createProgress(`Seeding (${engine})`)
    const started = performance.now()
    const summary = await demo.seed({
      children,
      seed,
      password: 'benchmark-password',
      onProgress: (d, t, p) => progress.update(d, t, p),
    })
    const seconds = (performance.now() - started) / 1000
    progress.done()
    return {
      engine,
      children,
      rows: summary.rows,
      seconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(summary.rows / seconds),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      baselineRssMiB,
      summary,
    }
  })
}

function runInChild(engine: Engine): Result {
  const script = fileURLToPath(import.meta.url)
  const child = spawnSync(
    process.execPath,
    [script, '--engine', engine, '--children', String(children), '--seed', String(seed), '--json'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  if (child.status !== 0) throw new Error(`The ${engine} benchmark failed (exit ${child.status})`)
  const last = child.stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(last) as Result
}

function machine(): string {
  const model = cpus()[0]?.model ?? 'unknown CPU'
  let os = process.platform as string
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os
  } catch {
    // not Linux: the platform name will do
  }
  const nproc = (() => {
    try {
      return execFileSync('nproc', { encoding: 'utf8' }).trim()
    } catch {
      return String(cpus().length)
    }
  })()
  return `${nproc} cores (nproc), ${model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${os}, Node ${process.version}`
}

const n = new Intl.NumberFormat('en-GB')

function report(results: Result[]): void {
  console.log(`\nSeeding ${n.format(children)} children (seed ${seed}) on ${machine()}\n`)
  console.log('| engine | wall time | rows | rows per second | peak RSS | peak RSS before seeding |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
  for (const r of results) {
    console.log(
      `| ${r.engine} | ${r.seconds.toFixed(1)} s | ${n.format(r.rows)} | ${n.format(r.rowsPerSecond)} | ${n.format(r.peakRssMiB)} MiB | ${n.format(r.baselineRssMiB)} MiB |`,
    )
  }
  const s = results[0]?.summary
  if (s) {
    console.log(
      `\nRows: ${n.format(s.people)} people (${n.format(s.children)} children, ${n.format(s.adults)} adults), ${n.format(s.sourceRecords)} source records, ` +
        `${n.format(s.households)} households, ${n.format(s.householdMembers)} household members, ${n.format(s.relationships)} relationships, ` +
        `${n.format(s.events)} events, ${n.format(s.eventSubjects)} event subjects; ${n.format(s.agencies)} agencies, ${n.format(s.teams)} teams, ` +
        `${n.format(s.practitioners)} practitioners, ${n.format(s.accounts)} accounts.`,
    )
  }
}

if (values.json) {
  const result = await runOne(values.engine as Engine)
  console.log(JSON.stringify(result))
} else if (values.engine === 'both') {
  report([runInChild('pglite'), runInChild('postgres')])
} else {
  report([runInChild(values.engine as Engine)])
}
