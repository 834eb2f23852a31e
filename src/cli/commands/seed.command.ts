import { createServices } from '../../composition.ts'
import { demoAccounts } from '../../modules/demo/index.ts'
import type { Command } from '../cli-error.ts'
import { createProgress } from '../progress.ts'
import { configFromEnvironment, describeDatabase, openConfiguredDatabase, parseOptions, positiveInteger } from '../runtime.ts'

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load the synthetic demo partnership into an empty database',
  usage: `Usage: sightline seed [--children N] [--seed S]

Generates a synthetic safeguarding partnership (agencies, teams, practitioners, demo sign-in accounts,
children in households with adults, each agency's differing records of them, and a year of events) and
loads it. The same seed always gives the same partnership. Refuses a database that already holds one.

Options:
  --children N   how many children (default 2000; 250000 for benchmarks)
  --seed S       the random seed, a whole number (default 1)
  -h, --help     show this help`,
  async run(args) {
    const { values } = parseOptions(args, { children: { type: 'string' }, seed: { type: 'string' } })
    if (values.help) {
      console.log(this.usage)
      return 0
    }
    const children = positiveInteger('children', values.children, 2000)
    const seed = positiveInteger('seed', values.seed, 1, 2 ** 31 - 1)
    const config = configFromEnvironment()
    const database = await openConfiguredDatabase(config)
    try {
      const services = createServices(config, database)
      await services.prepareDatabase()
      const progress = createProgress('Seeding')
      const summary = await services.demo.seed({
        children,
        seed,
        password: config.demoPassword,
        onProgress: (done, total, phase) => progress.update(done, total, phase),
      })
      progress.done()
      console.log(`Seeded the ${describeDatabase(config)}:`)
      console.log(JSON.stringify(summary, null, 2))
      printAccounts(config.demoPassword)
      return 0
    } finally {
      await database.close()
    }
  },
}

export function printAccounts(password: string): void {
  console.log(`\nDemo sign-in accounts (password: ${password}):`)
  for (const account of demoAccounts()) {
    console.log(`  ${account.email.padEnd(36)} ${account.role}`)
  }
}
