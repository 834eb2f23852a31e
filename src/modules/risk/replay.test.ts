import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import * as z from 'zod'
import { buildCatalogue, CatalogueError, defaultCatalogue, ruleCatalogue, selectRules } from './catalogue.ts'
import { CaseWorld } from './case-world.ts'
import { evaluateSubject } from './engine.ts'
import { replayDetailed, replayEveryDay, replayFlags, replayTimeline } from './replay.ts'
import { describeParameters, renderRulesDoc } from './rule-docs.ts'
import { defineRule, Theme } from './rule.schema.ts'
import { ev, family } from './rules/rule-testing.ts'
import { parseTimeline, type Timeline } from './timeline.schema.ts'

const SC = 'social-care'
const scenarioDir = new URL('./scenarios/', import.meta.url)
const scenarios = readdirSync(scenarioDir)
  .filter(f => f.endsWith('.json'))
  .sort()
  .map(f => ({ file: f, timeline: parseTimeline(JSON.parse(readFileSync(new URL(f, scenarioDir), 'utf8'))) }))

describe('the rule catalogue', () => {
  it('covers every theme T01–T18 with unique, versioned, documented rules', () => {
    for (const theme of Theme.options)
      assert.ok(
        ruleCatalogue.some(r => r.theme === theme),
        `no rule for ${theme}`,
      )
    const ids = ruleCatalogue.map(r => r.id)
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique')
    for (const r of ruleCatalogue) {
      assert.match(r.id, /^R\d{2}[a-z]$/)
      assert.equal(`T${r.id.slice(1, 3)}`, r.theme, `${r.id} is filed under its theme`)
      assert.ok(Number.isInteger(r.version) && r.version >= 1, `${r.id} has a version`)
      for (const text of [r.title, r.looksFor, r.evidence, r.action])
        assert.ok(text.length > 10, `${r.id} is documented`)
    }
  })

  it('implements the candidate rules of reference/risk.md §2 that the vocabulary can express', () => {
    const expressible = [
      'R01a', 'R01b', 'R01c', 'R01d', 'R01e', 'R02a', 'R02b', 'R02c', 'R02d', 'R02e', 'R02f', 'R03a', 'R03b', 'R03c',
      'R03d', 'R03e', 'R04a', 'R04b', 'R04c', 'R04d', 'R04e', 'R05a', 'R05b', 'R05c', 'R05d', 'R05e', 'R06a', 'R06b',
      'R06c', 'R06e', 'R07a', 'R07b', 'R07c', 'R07e', 'R08a', 'R08b', 'R08c', 'R09a', 'R09b', 'R09c', 'R09d', 'R10a',
      'R10b', 'R10c', 'R11a', 'R11b', 'R11c', 'R11d', 'R12a', 'R12b', 'R12c', 'R12d', 'R13a', 'R13b', 'R13c', 'R14a',
      'R14b', 'R14c', 'R15a', 'R15b', 'R15c', 'R16a', 'R16b', 'R16c', 'R16d', 'R16e', 'R17a', 'R18a',
    ] // prettier-ignore
    const ids = new Set(ruleCatalogue.map(r => r.id))
    for (const id of expressible) assert.ok(ids.has(id), `${id} is missing`)
  })

  it('describes every parameter with a default inside safe bounds', () => {
    for (const r of ruleCatalogue) {
      for (const p of describeParameters(r)) {
        assert.notEqual(p.default, undefined, `${r.id}.${p.name} has a default`)
        if (p.type === 'integer' || p.type === 'number') {
          const { minimum, maximum } = p
          assert.ok(minimum !== undefined && maximum !== undefined, `${r.id}.${p.name} is bounded`)
          const value = Number(p.default)
          assert.ok(value >= minimum && value <= maximum, `${r.id}.${p.name} default in bounds`)
        }
      }
    }
  })

  it('takes a partnership’s settings within bounds and refuses anything else, naming it', () => {
    const tuned = buildCatalogue({ R01a: { count: 3, windowDays: 120 } })
    assert.deepEqual(tuned.rules.find(r => r.rule.id === 'R01a')?.params, {
      count: 3,
      windowDays: 120,
      maxAgeYears: 12,
      madeUpDays: 28,
    })
    assert.throws(
      () => buildCatalogue({ R01a: { count: 1 }, R99z: {}, R07a: { colour: 'red' } }),
      (e: unknown) =>
        e instanceof CatalogueError &&
        e.issues.some(i => i.startsWith('R01a.count')) &&
        e.issues.includes('R99z: no such rule') &&
        e.issues.includes('R07a: no parameter colour'),
    )
  })

  it('is described in docs/risk-rules.md exactly as it runs', () => {
    const doc = readFileSync(new URL('../../../docs/risk-rules.md', import.meta.url), 'utf8')
    assert.equal(doc, renderRulesDoc(), 'docs/risk-rules.md is out of date: regenerate it from renderRulesDoc()')
  })
})

describe('replay', () => {
  it('gives the contract’s output: each rule once per subject, on its first day, with evidence indices', () => {
    const t = family({
      age: { weeks: 8 },
      events: [
        ev(-30, 'health', 'injury.observed', ['C'], { site: 'ear', kind: 'bruise' }),
        ev(-20, 'health', 'injury.observed', ['C'], { site: 'face', kind: 'bruise' }),
      ],
    })
    const out = replayTimeline(t, selectRules('R09a'))
    assert.deepEqual(out, {
      flags: [
        {
          rule: 'R09a',
          theme: 'T09',
          subject: 'C',
          day: -30,
          evidence: [0],
          action: ruleCatalogue.find(r => r.id === 'R09a')!.action,
        },
      ],
    })
  })

  it('records the version of the rule that raised each flag', () => {
    const t = family({ events: [ev(-10, SC, 'agreement.broken', ['C'])] })
    assert.deepEqual(
      replayFlags(t, selectRules('R04f')).map(f => [f.rule, f.ruleVersion]),
      [['R04f', 1]],
    )
  })

  it('is exactly what evaluating every subject on every day gives (scenarios up to eight months long)', () => {
    const span = (t: Timeline) => Math.max(...t.events.map(e => e.day)) - Math.min(...t.events.map(e => e.day))
    const short = scenarios.filter(s => span(s.timeline) <= 240)
    assert.ok(short.length >= 20)
    for (const { file, timeline } of short) assert.deepEqual(replayFlags(timeline), replayEveryDay(timeline), file)
  })

  it('replays a 100-event timeline in well under a second', () => {
    const events = []
    for (let i = 0; i < 100; i++) {
      const day = -400 + i * 4
      const kinds = [
        ev(day, 'gp', 'appointment.attended', ['C'], { service: 'gp' }),
        ev(day, 'health', 'appointment.was-not-brought', ['C'], { service: 'dental', reason: 'ill' }),
        ev(day, 'school', 'school.absence', ['C'], { sessions: 2 }),
        ev(day, 'police', 'police.domestic-abuse', ['M', 'P'], { perpetrator: 'P', victim: 'M' }),
        ev(day, SC, 'visit.completed', ['C'], { childSeen: true, seenAlone: i % 3 === 0 }),
        ev(day, 'school', 'concern.raised', ['C'], { referrer: 'professional', category: 'neglect' }),
        ev(day, SC, 'referral.decision', ['C'], { outcome: i % 2 ? 'assessment' : 'no-further-action' }),
      ]
      events.push(kinds[i % kinds.length]!)
    }
    const t = family({ age: { years: 6 }, events })
    let best = Infinity
    for (let run = 0; run < 3; run++) {
      const started = performance.now()
      assert.ok(replayTimeline(t).flags.length > 0)
      best = Math.min(best, performance.now() - started)
    }
    assert.ok(best < 500, `took ${best.toFixed(0)} ms`)
  })

  it('carries on when a rule fails, and reports the failure', () => {
    const broken = defineRule({
      id: 'R99z',
      version: 1,
      theme: 'T18',
      title: 'A rule with a bug',
      looksFor: 'Nothing: it throws.',
      parameters: z.object({}),
      evidence: 'None: a test double.',
      action: 'None: a test double.',
      schedule: 'event',
      evaluate() {
        throw new Error('boom')
      },
    })
    const catalogue = buildCatalogue({}, [broken, ...ruleCatalogue.filter(r => r.id === 'R04f')])
    const result = replayDetailed(family({ events: [ev(-10, SC, 'agreement.broken', ['C'])] }), catalogue)
    assert.deepEqual(
      result.flags.map(f => f.rule),
      ['R04f'],
    )
    assert.deepEqual(result.errors[0], { rule: 'R99z', subject: 'C', day: -10, message: 'boom' })
  })

  it('copes with a timeline of adults only, no events, no ages and details missing', () => {
    const adultsOnly: Timeline = parseTimeline({
      id: 'a',
      people: [{ ref: 'A', kind: 'adult' }],
      events: [{ day: 0, agency: 'police', type: 'police.call-out', subjects: ['A'] }],
    })
    assert.deepEqual(replayTimeline(adultsOnly), { flags: [] })
    assert.deepEqual(replayTimeline(parseTimeline({ id: 'b', people: [{ ref: 'C', kind: 'child' }], events: [] })), {
      flags: [],
    })
    const bare = family({
      age: null,
      events: [
        ev(-30, 'health', 'injury.observed', ['C']),
        ev(-20, 'social-care', 'case.opened', ['C']),
        ev(-10, 'hospital', 'hospital.attendance', ['C']),
        ev(-5, 'police', 'police.arrest', ['C']),
      ],
    })
    assert.ok(Array.isArray(replayTimeline(bare).flags))
  })
})

describe('reading a household', () => {
  it('treats an adult the record relates to nobody, but names with the child, as part of the household', () => {
    const t = parseTimeline({
      id: 'no-relationships',
      people: [
        { ref: 'C', kind: 'child', ageAtDay0: { years: 3 } },
        { ref: 'M', kind: 'adult' },
        { ref: 'B', kind: 'adult' },
      ],
      events: [
        {
          day: -50,
          agency: 'police',
          type: 'police.domestic-abuse',
          subjects: ['C', 'M', 'B'],
          details: { perpetrator: 'B', victim: 'M' },
        },
        {
          day: -40,
          agency: 'police',
          type: 'police.domestic-abuse',
          subjects: ['M', 'B'],
          details: { perpetrator: 'B', victim: 'M' },
        },
        {
          day: -30,
          agency: 'police',
          type: 'police.domestic-abuse',
          subjects: ['M', 'B'],
          details: { perpetrator: 'B', victim: 'M' },
        },
      ],
    })
    assert.deepEqual(
      replayFlags(t, selectRules('R07a')).map(f => [f.rule, f.subject, f.day]),
      [['R07a', 'C', -30]],
    )
  })

  it('counts a newcomer named with a carer in a police incident as a new adult to check', () => {
    const t = family({
      people: [{ ref: 'B', kind: 'adult', sex: 'M' }],
      events: [
        ev(-200, SC, 'assessment.completed', ['C'], { outcome: 'child-in-need' }),
        ev(-100, 'police', 'police.call-out', ['M', 'B']),
        ev(0, 'gp', 'appointment.attended', ['C']),
      ],
    })
    assert.deepEqual(
      replayFlags(t, selectRules('R03a')).map(f => [f.subject, f.day, f.evidence]),
      [['C', -90, [0, 1]]],
    )
  })
})

describe('incremental evaluation', () => {
  const t = family({
    people: [
      { ref: 'S', kind: 'child', ageAtDay0: { years: 9 } },
      { ref: 'X', kind: 'adult' },
    ],
    relationships: [{ from: 'M', to: 'S', type: 'parent' }],
    events: [
      ev(-30, 'police', 'police.domestic-abuse', ['M', 'P'], { perpetrator: 'P', victim: 'M', childPresent: true }),
      ev(-20, 'school', 'school.absence', ['S'], { sessions: 1 }),
      ev(-10, 'police', 'police.call-out', ['X']),
    ],
  })
  const world = new CaseWorld(t)

  it('knows which children an event affects: the household for an incident between adults, nobody for a stranger', () => {
    assert.deepEqual(world.affectedSubjects(0).sort(), ['C', 'S'])
    assert.deepEqual(world.affectedSubjects(1).sort(), ['C', 'S'])
    assert.deepEqual(world.affectedSubjects(2), [])
  })

  it('evaluates one child at a day and says when an absence rule next falls due', () => {
    const result = evaluateSubject(world, 'C', -30, defaultCatalogue)
    assert.ok(result.flags.some(f => f.rule === 'R07b' && f.ruleVersion === 1 && f.evidence.includes(0)))
    assert.equal(result.nextDue, world.calendar.addWorkingDays(-30, 3), 'R12b: the incident must reach social care')
    const due = result.nextDue ?? Number.NaN
    const later = evaluateSubject(world, 'C', due, selectRules('R12b'))
    assert.deepEqual(
      later.flags.map(f => f.rule),
      ['R12b'],
    )
  })
})
