import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { AgencyRepository, AgencyService } from '../agencies/index.ts'
import { ChronologyRepository, ChronologyService } from '../chronology/index.ts'
import { PeopleRepository, PeopleService } from '../people/index.ts'
import { AccessGrantRepository, AccessPolicy, AccessRepository, defaultRoles } from '../../platform/access/index.ts'
import { AuditWriter } from '../../platform/audit/index.ts'
import { AuthRepository, AuthService } from '../../platform/auth/index.ts'
import type { Database } from '../../platform/db/index.ts'
import { openTestDatabase, testEngines } from '../../../test/support/test-database.ts'
import { DemoService, LOADING_PHASE, PartnershipExistsError, listDemoAccounts, type SeedSummary } from './index.ts'

const PASSWORD = 'demo-password-for-tests'

for (const engine of testEngines()) {
  describe(`DemoService.seed on ${engine}`, () => {
    let database: Database
    let demo: DemoService
    let agencies: AgencyService
    let people: PeopleService
    let chronology: ChronologyService
    let auth: AuthService
    let summary: SeedSummary
    const phases = new Set<string>()

    const count = async (table: string) =>
      (await database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n ?? -1
    const none = async (query: ReturnType<typeof sql>) => (await database.rows<{ n: number }>(query))[0]?.n

    before(async () => {
      database = await openTestDatabase(engine)
      const access = new AccessRepository(database.db)
      await access.upsertRoles(defaultRoles)
      auth = new AuthService(new AuthRepository(database.db), access, 30)
      agencies = new AgencyService(new AgencyRepository(database.db))
      people = new PeopleService(database, new PeopleRepository(database.db), new AuditWriter())
      chronology = new ChronologyService(new ChronologyRepository(database.db))
      demo = new DemoService(database, { agencies, people, chronology, auth, policy: new AccessPolicy(new AccessGrantRepository(database.db)) })
    })

    after(async () => {
      await database.close()
    })

    it('leaves the database empty when a seed is interrupted part way', async () => {
      const interrupted = demo.seed({
        children: 200,
        seed: 3,
        password: PASSWORD,
        familiesPerBatch: 10,
        onProgress: done => {
          if (done > 50) throw new Error('interrupted')
        },
      })
      await assert.rejects(interrupted, /interrupted/)
      assert.equal(await agencies.isEmpty(), true)
      assert.equal(await people.countPeople(), 0)
      assert.equal(await chronology.countEvents(), 0)
      assert.equal(await count('account'), 0)
    })

    it('loads about 200 children with their families, records and events', async () => {
      summary = await demo.seed({
        children: 200,
        seed: 3,
        password: PASSWORD,
        familiesPerBatch: 25,
        onProgress: (_d, _t, phase) => phases.add(phase),
      })
      assert.equal(summary.children, 200)
      assert.ok(phases.has(LOADING_PHASE))
      assert.equal(await people.countPeople(), summary.people)
      assert.equal(await chronology.countEvents(), summary.events)
      assert.equal(
        (await database.rows<{ n: number }>(sql`select count(*)::int as n from person where kind = 'child'`))[0]?.n,
        200,
      )
      assert.equal(await count('source_record'), summary.sourceRecords)
      assert.equal(await count('household'), summary.households)
      assert.equal(await count('household_member'), summary.householdMembers)
      assert.equal(await count('relationship'), summary.relationships)
      assert.equal(await count('event_subject'), summary.eventSubjects)
      assert.equal(await count('agency'), summary.agencies)
      assert.equal(await count('team'), summary.teams)
      assert.equal(await count('practitioner'), summary.practitioners)
      assert.equal(await count('account'), listDemoAccounts().length)
      assert.ok(summary.events > 500 && summary.sourceRecords >= 200 && summary.adults > 100)
    })

    it('keeps the references that have no foreign key sound', async () => {
      // event_subject.person_id, event.agency_id, event.practitioner_id and source_record.agency_id have no
      // foreign key (they cross module boundaries), so check them here.
      assert.equal(
        await none(
          sql`select count(*)::int as n from event_subject s left join person p on p.id = s.person_id where p.id is null`,
        ),
        0,
      )
      assert.equal(
        await none(
          sql`select count(*)::int as n from event e left join agency a on a.id = e.agency_id where a.id is null`,
        ),
        0,
      )
      assert.equal(
        await none(sql`select count(*)::int as n from event e left join practitioner p on p.id = e.practitioner_id
          where e.practitioner_id is not null and (p.id is null or p.agency_id <> e.agency_id)`),
        0,
      )
      assert.equal(
        await none(
          sql`select count(*)::int as n from source_record s left join agency a on a.id = s.agency_id where a.id is null`,
        ),
        0,
      )
      assert.equal(
        await none(
          sql`select count(*)::int as n from event e where not exists (select 1 from event_subject s where s.event_id = e.id)`,
        ),
        0,
      )
      assert.equal(
        await none(sql`select count(*)::int as n from person p where p.kind = 'child'
          and not exists (select 1 from household_member m where m.person_id = p.id and m.to_date is null)`),
        0,
      )
      assert.equal(
        await none(sql`select count(*)::int as n from person p where p.kind = 'child'
          and (select count(*) from source_record s where s.person_id = p.id) not between 1 and 4`),
        0,
      )
      assert.equal(
        await none(
          sql`select count(*)::int as n from practitioner p left join account a on a.id = p.account_id where p.account_id is not null and a.id is null`,
        ),
        0,
      )
      assert.equal(
        await none(sql`select count(*)::int as n from practitioner where account_id is not null`),
        listDemoAccounts().length,
      )
    })

    it('lets each demo account sign in with the configured password and its role', async () => {
      for (const account of listDemoAccounts().filter(a => ['front-door-worker', 'administrator'].includes(a.role))) {
        const signedIn = await auth.verifyCredentials(account.email, PASSWORD)
        assert.ok(signedIn, account.email)
        assert.deepEqual(signedIn.roles, [account.role])
      }
      assert.equal(await auth.verifyCredentials('front-door@demo.sightline.test', 'not the password'), undefined)
    })

    it('refuses a second seed and leaves the first untouched', async () => {
      await assert.rejects(demo.seed({ children: 10, seed: 4, password: PASSWORD }), PartnershipExistsError)
      assert.equal(await people.countPeople(), summary.people)
      assert.equal(await chronology.countEvents(), summary.events)
    })
  })
}
