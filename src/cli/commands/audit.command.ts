import { verifyAuditChain } from '../../platform/audit/index.ts'
import { UsageError, type Command } from '../cli-error.ts'
import { createProgress } from '../progress.ts'
import { configFromEnvironment, describeDatabase, openConfiguredDatabase, parseOptions, positiveInteger } from '../runtime.ts'

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Check the audit trail: `audit verify` walks the hash chain',
  usage: `Usage: sightline audit verify [--batch N]

Walks the audit trail's hash chain from the first event to the last and reports the first broken link: an
event changed after it was written, events removed, or the chain re-linked. Prints the head of the chain
(its last sequence number and hash): record it, and a later run that reports an earlier head shows events
were removed from the end.

Exit status: 0 the chain is intact; 1 it is broken; 2 bad usage; 3 database unavailable.

Options:
  --batch N    events checked per database round trip (default 200000)
  -h, --help   show this help`,
  async run(args) {
    const [sub, ...rest] = args
    if (sub === '--help' || sub === '-h') {
      console.log(this.usage)
      return 0
    }
    if (sub !== 'verify') throw new UsageError(sub ? `unknown audit command '${sub}'` : 'say what to do: sightline audit verify')
    const { values } = parseOptions(rest, { batch: { type: 'string' } })
    if (values.help) {
      console.log(this.usage)
      return 0
    }
    const batchSize = positiveInteger('batch', values.batch, 200_000)
    const config = configFromEnvironment()
    const database = await openConfiguredDatabase(config)
    try {
      await database.migrate()
      const progress = createProgress('Verifying')
      const result = await verifyAuditChain(database, { batchSize, onProgress: (done, total) => progress.update(done, total, 'audit events') })
      progress.done()
      const rate = result.seconds > 0 ? Math.round(result.checked / result.seconds) : result.checked
      if (result.broken) {
        console.error(
          `The audit chain of the ${describeDatabase(config)} is BROKEN at event ${result.broken.seq} (id ${result.broken.id}): ${result.broken.problem}.`,
        )
        console.error(`${result.checked} events before it verified.`)
        return 1
      }
      console.log(`Verified ${result.checked} audit events in ${result.seconds.toFixed(2)} s (${rate} a second): the chain is intact.`)
      console.log(`Head: event ${result.headSeq}, hash ${result.headHash || '(empty chain)'}`)
      return 0
    } finally {
      await database.close()
    }
  },
}
