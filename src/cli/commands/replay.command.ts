import { readFileSync, writeFileSync } from 'node:fs'
import { replayDetailed, safeParseTimeline } from '../../modules/risk/index.ts'
import { UsageError, type Command } from '../cli-error.ts'
import { parseOptions } from '../runtime.ts'

export const replayCommand: Command = {
  name: 'replay',
  summary: 'Replay a case timeline day by day and print the flags the rules raise',
  usage: `Usage: sightline replay TIMELINE.json [--out FLAGS.json]

Runs a timeline (the format of contracts/timeline.md: people, relationships and dated events) through the
rule catalogue day by day, and prints every flag and the first day its rule raised it, with the events it
cites: "what would Sightline have shown, and when?". Writes the flags as JSON to --out, or to standard output.

A timeline with an unknown event type, agency or detail field is refused with exit status 2 and a message
naming the event's index and the field; nothing is replayed.

Options:
  --out FILE   write the flags here instead of standard output
  -h, --help   show this help`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { out: { type: 'string' } }, true)
    if (values.help) {
      console.log(this.usage)
      return 0
    }
    const file = positionals[0]
    if (!file) throw new UsageError('name the timeline file: sightline replay TIMELINE.json')
    if (positionals.length > 1) throw new UsageError(`replay takes one timeline file, not ${positionals.length}`)
    let input: unknown
    try {
      input = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      console.error(`sightline replay: cannot read ${file}: ${(error as Error).message}`)
      return 2
    }
    const parsed = safeParseTimeline(input)
    if (!parsed.ok) {
      console.error(`sightline replay: the timeline in ${file} was refused:`)
      for (const issue of parsed.issues) console.error(`  ${issue.message}`)
      return 2
    }
    const started = performance.now()
    const result = replayDetailed(parsed.timeline)
    const output = { flags: result.flags.map(({ rule, theme, subject, day, evidence, action }) => ({ rule, theme, subject, day, evidence, action })) }
    const json = `${JSON.stringify(output, null, 2)}\n`
    if (values.out) writeFileSync(values.out, json)
    else process.stdout.write(json)
    for (const error of result.errors) console.error(`sightline replay: a rule failed and was skipped: ${JSON.stringify(error)}`)
    console.error(
      `Replayed ${parsed.timeline.events.length} events: ${output.flags.length} flag${output.flags.length === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms.`,
    )
    return 0
  },
}
