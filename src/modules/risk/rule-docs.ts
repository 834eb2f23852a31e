import * as z from 'zod'
import { CATALOGUE_VERSION, ruleCatalogue } from './catalogue.ts'
import { DEFAULT_TAIL_DAYS } from './replay.ts'
import { Theme, themeTitles, type Rule } from './rule.schema.ts'

/**
 * The catalogue described for people: each rule's parameters with defaults and bounds (for the settings page), and
 * docs/risk-rules.md, the page a safeguarding partnership reviews. The page is generated from the rules themselves
 * (a test keeps it in step), so what the partnership reads is what runs.
 */

export type ParameterDescription = {
  readonly name: string
  readonly type: 'integer' | 'number' | 'boolean' | 'choice'
  readonly default: unknown
  readonly minimum?: number
  readonly maximum?: number
  readonly options?: readonly string[]
}

type JsonProperty = { type?: string; default?: unknown; minimum?: number; maximum?: number; enum?: string[] }

/** A rule's parameters, with their defaults and safe bounds. */
export function describeParameters(rule: Rule): ParameterDescription[] {
  const schema = z.toJSONSchema(rule.parameters, { io: 'input' }) as { properties?: Record<string, JsonProperty> }
  return Object.entries(schema.properties ?? {}).map(([name, p]) => {
    const type = p.enum ? 'choice' : p.type === 'integer' ? 'integer' : p.type === 'boolean' ? 'boolean' : 'number'
    return {
      name,
      type,
      default: p.default,
      ...(p.minimum !== undefined ? { minimum: p.minimum } : {}),
      ...(p.maximum !== undefined ? { maximum: p.maximum } : {}),
      ...(p.enum ? { options: p.enum } : {}),
    }
  })
}

function parameterText(p: ParameterDescription): string {
  if (p.type === 'boolean') return `\`${p.name}\` = ${String(p.default)} (yes/no)`
  if (p.type === 'choice') return `\`${p.name}\` = ${String(p.default)} (${(p.options ?? []).join(', ')})`
  return `\`${p.name}\` = ${String(p.default)} (${p.minimum ?? '…'}–${p.maximum ?? '…'})`
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()

const INTRO = `# Decision-support rules

_Generated from the rule catalogue (\`src/modules/risk\`) — do not edit by hand; a test checks this page matches the
rules that run. Catalogue version ${CATALOGUE_VERSION}._

Sightline's decision support is a catalogue of explainable rules over the multi-agency chronology. Each rule looks
for a pattern that serious case reviews keep finding (themes T01–T18 of the research brief \`reference/risk.md\`),
and when it finds it, raises a **flag** that lists the records that raised it (from every agency), the theme, and
the professional action it prompts. There is **no risk score**: a flag is a prompt to look and act, never a rating
of a family. Every flag records the version of the rule that raised it, and is acknowledged with a reason, never
silently dismissed.

**How to read this page.** Each rule has an id (the ids of \`reference/risk.md\` §2 where the rule is one of its
candidate rules), what it looks for, the parameters a partnership may tune (default, and the safe bounds outside
which a setting is refused), the action it prompts, and the evidence it cites (numbers in brackets are the sources
of \`reference/risk.md\` §10). Thresholds are starting points to be tuned on local data and review timelines, not
evidence-based constants (\`reference/risk.md\` §2).

**What the rules read.** The chronology of the child (their own records), of the adults with parental or household
access (parents, partners, household members, carers — including their police, probation and adult-service records,
and adults who joined the household), of siblings, and, for harm outside the home, of peers the child is associated
with and places the child is linked to. A child not yet born is read from the day the pregnancy is recorded (or
twelve weeks before the due date); where the record has a pregnancy but no unborn child, the expectant mother is read
by the pregnancy rules. Absence rules (not seen, not brought, not answered, not held) say when they will next fall due,
so they are scheduled, not polled.

**Common definitions.** *Missed contact*: \`appointment.was-not-brought\` or \`visit.no-access\`. *Made up*: the
child was brought to the same service within 28 days. *Seen in person*: a visit with the child seen (not remote, and
not during a \`service.restricted\` period unless marked in person), an attended appointment (outside restrictions), a
hospital attendance, a medical, an injury seen by a professional, a school concern. *Physical-abuse indicator*: an
injury to a child who is not mobile (recorded, else under six months), an unexplained injury, a bite or genital
injury, a fracture under 18 months, a late presentation, an allegation of physical or sexual abuse, medical findings
consistent with abuse, a carer arrested for an offence against a child. *Adverse information* (for downgrades and
reassessment): serious items — an injury that matters on its own, domestic abuse, a carer's arrest or record of harm,
a new unchecked adult, a new concern, missing or exploitation, a broken agreement, new evidence, a carer's
mental-health or substance event (medium or high), poor home conditions or unsafe sleep, faltering growth, exclusion or
removal from roll, a missed contact for a child on a plan; lesser items — an explained injury to a mobile child, an
emergency attendance, a police call-out, a missed appointment, a checked new adult, a school concern — count only two
or more on different days. *Safeguarding history*: an assessment, enquiry, conference, plan or proceedings for the
child or a sibling, domestic abuse at home, or concerns on two or more days.
`

const NOT_EXPRESSED = `## Candidate rules not implemented, and why

The event vocabulary of \`contracts/timeline.md\` expresses every theme T01–T18; these candidate rules of
\`reference/risk.md\` §2 (or parts of them) it cannot express, or that are deliberately left out:

| Candidate | Why not | What covers the theme instead |
| --- | --- | --- |
| R06d (Graded Care Profile 2 grades persisting or worsening) | No GCP2 grades in the vocabulary | R06a–R06c, R06e |
| R07c in full (DASH items: strangulation, threats to kill, stalking, separation) | DASH item answers are not in the vocabulary, only the grade | R07c on a high grade, a weapon arrest, or incidents coming closer together |
| R07d (DASH grade lowered by professional judgement) | A change of DASH grade is not recorded | R14a/R14b on social care's own rating |
| R14d (phrases such as "no concerns" near an injury) | Deliberately not implemented: no scoring of free text | R14a, R13a |
| R18b (identity and culture section empty) | Assessment sections are not in the vocabulary | R18a |
| R18c (alert rates by ethnicity, disability, deprivation) | A property of the system, not of one child; timelines hold no ethnicity | To be monitored in reporting on live flags |
| R01e, school-age part (not on a roll and not home-educated) | Roll status is only known from roll changes | R15a (missing education, off roll, home education) |
| R02c in full (empty "child's views" section) | Assessment sections are not in the vocabulary | R02c on an assessment recorded as not seeing the child alone, with no record of the child's words |
| R03b in full (adults missing from the assessment's household list) | The assessment's household list is not in the vocabulary | R03b: an adult with access known to another agency and never met or checked by social care |
| R04a in full (engagement rated good, outcome measures unchanged) | Engagement ratings and outcome measures are not in the vocabulary | R04a: an agreement recorded as kept followed by new adverse information |
| R05c in full (assessment opened without linking earlier ones) | Links between assessments are not recorded | R05c: a repeat assessment after an earlier one ended in no further action |
| R06e in full (non-adherence to a medical plan for a life-limiting condition) | Conditions and medical plans are not in the vocabulary | R06e: repeated misses at one service |
| R12a for assessments | Who contributed to an assessment is not recorded | R12a for strategy discussions (their \`agencies\`) |
| R13a/R13c by evidence item | Evidence-source tags exist only on assessments (\`basis\`) and injuries (\`explanationSource\`) | R13a, R13c on those fields |

## Where the defaults depart from \`reference/risk.md\`

- **R01a** does not count an appointment the child was brought to at the same service within 28 days, and counts a
  miss the service rebooked only when the rebooked chance has passed (guardrail: no alert on a routine miss).
- **R03a** applies to children with a safeguarding history (see above) rather than to every baby: a new partner in
  an ordinary family with a new baby is not, alone, a safeguarding matter.
- **R09b** treats fractures under 18 months as indicators whatever the explanation; burns and head injuries under two
  only when unexplained or presented late (a consistent account of a minor accident is not an alert).
- **R09c** counts injuries up to 18 months, not 12: mobile babies are harmed too (Peter Connelly).
- **R02b** allows 30 working days on a child in need plan (20 on a child protection plan).
- **R04d** needs at least one of the claims to have kept a visitor out (it is about access).
- **R09e** is an addition to \`reference/risk.md\`'s list: bruising at sites where accidental bruises are rare, in a
  child under four (its evidence is marked [R] and should be verified against NICE CG89 before it is relied on).
- **R14e** is the reassessment prompt of the issue (new adverse information after an assessment or decision, while
  the case is open), filed under T14 because it answers "slow to revise judgements".
- **R04f** (a written agreement broken) is an addition under T04 ("claims of progress not borne out").
- **R08a** also applies to a child known to services in the last year (not only to open cases and babies), for
  events of medium or high severity: the Panel found assessments not updated after such news.
- **R13a** also reads a closure soon after an injury explained only by a parent, with no medical since, as a
  conclusion resting on self-report.

## Replay

\`sightline replay\` walks a timeline from its first event to its last, and on for ${DEFAULT_TAIL_DAYS} days so that the
short clocks (strategy discussion, follow-up visit, unanswered request, information reaching social care) can still
fall due; longer absences after the end of a record are not read as absences. A flag appears once, on the first day
its rule raised it for that subject.
`

/** docs/risk-rules.md. */
export function renderRulesDoc(rules: readonly Rule[] = ruleCatalogue): string {
  const parts = [INTRO]
  for (const theme of Theme.options) {
    const inTheme = rules.filter(r => r.theme === theme)
    parts.push(`## ${theme} ${themeTitles[theme]}\n`)
    parts.push('| Rule | What it looks for | Parameters: default (bounds) | Action prompted | Evidence |')
    parts.push('| --- | --- | --- | --- | --- |')
    for (const r of inTheme) {
      const params = describeParameters(r).map(parameterText).join('; ') || '—'
      const kind = r.schedule === 'absence' ? ' _(scheduled)_' : ''
      parts.push(
        `| **${r.id}** v${r.version}: ${cell(r.title)}${kind} | ${cell(r.looksFor)} | ${cell(params)} | ${cell(r.action)} | ${cell(r.evidence)} |`,
      )
    }
    parts.push('')
  }
  parts.push(NOT_EXPRESSED)
  return parts.join('\n')
}
