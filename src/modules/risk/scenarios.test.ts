import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import { replayDetailed } from './replay.ts'
import { Theme } from './rule.schema.ts'
import { ScenarioExpectations, scoreScenario } from './scenario-score.ts'
import { parseTimeline } from './timeline.schema.ts'

/**
 * The scenario set (scenarios/*.json): timelines written from the themes of reference/risk.md, each naming the flags
 * that ought to be raised (rule or theme, subject, a window of days), and controls — ordinary families — on which
 * nothing may be raised. The floor and ceiling below are the bar for any change to the rules.
 */

const RECALL_FLOOR = 0.95
const FALSE_ALARM_CEILING = 0

const dir = new URL('./scenarios/', import.meta.url)
const scenarios = readdirSync(dir)
  .filter(f => f.endsWith('.json'))
  .sort()
  .map(file => {
    const raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { expect?: unknown }
    return { file, timeline: parseTimeline(raw), expect: ScenarioExpectations.parse(raw.expect) }
  })

describe('the scenario set', () => {
  it('has at least 20 timelines, 5 of them controls, and expects every theme somewhere', () => {
    assert.ok(scenarios.length >= 20, `${scenarios.length} scenarios`)
    assert.ok(scenarios.filter(s => s.expect.control).length >= 5, 'at least five controls')
    const themes = new Set(scenarios.flatMap(s => s.expect.flags.map(f => f.theme ?? `T${f.rule!.slice(1, 3)}`)))
    for (const theme of Theme.options) assert.ok(themes.has(theme), `no scenario expects ${theme}`)
    for (const s of scenarios) {
      assert.equal(
        s.expect.control,
        s.expect.flags.length === 0,
        `${s.file}: a control expects nothing, others something`,
      )
      const refs = new Set(s.timeline.people.map(p => p.ref))
      for (const f of s.expect.flags) assert.ok(refs.has(f.subject), `${s.file}: ${f.subject} is one of the people`)
    }
  })

  it(`finds at least ${RECALL_FLOOR * 100}% of the expected flags, with at most ${FALSE_ALARM_CEILING} false alarms on controls`, t => {
    let expected = 0
    let found = 0
    const falseAlarms: string[] = []
    const missed: string[] = []
    for (const s of scenarios) {
      const replay = replayDetailed(s.timeline)
      assert.deepEqual(replay.errors, [], `${s.file}: no rule may fail`)
      const flags = replay.flags.map(({ ruleVersion: _version, ...flag }) => ({
        ...flag,
        evidence: [...flag.evidence],
      }))
      const score = scoreScenario(flags, s.expect)
      expected += score.expected
      found += score.found
      for (const m of score.missed) missed.push(`${s.file}: ${m.rule ?? m.theme} ${m.subject} [${m.from}, ${m.to}]`)
      for (const f of score.falseAlarms) falseAlarms.push(`${s.file}: ${f.rule} ${f.subject} day ${f.day}`)
    }
    const recall = found / expected
    t.diagnostic(`recall ${found}/${expected} = ${recall.toFixed(3)}; false alarms on controls ${falseAlarms.length}`)
    for (const m of missed) t.diagnostic(`missed ${m}`)
    assert.ok(recall >= RECALL_FLOOR, `recall ${recall.toFixed(3)} is below ${RECALL_FLOOR}:\n${missed.join('\n')}`)
    assert.ok(falseAlarms.length <= FALSE_ALARM_CEILING, `false alarms on controls:\n${falseAlarms.join('\n')}`)
  })
})
