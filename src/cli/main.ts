import { ConfigError } from '../platform/config/index.ts'
import { AppError } from '../platform/errors/index.ts'
import { DatabaseUnavailableError, DataDirLockedError } from '../platform/db/index.ts'
import { UsageError, type Command } from './cli-error.ts'
import { auditCommand } from './commands/audit.command.ts'
import { linkCommand } from './commands/link.command.ts'
import { migrateCommand } from './commands/migrate.command.ts'
import { replayCommand } from './commands/replay.command.ts'
import { seedCommand } from './commands/seed.command.ts'
import { serveCommand } from './commands/serve.command.ts'
import { version } from './runtime.ts'

const commands: Command[] = [serveCommand, migrateCommand, seedCommand, auditCommand, linkCommand, replayCommand]

function usage(): string {
  const width = Math.max(...commands.map(c => c.name.length))
  return [
    `Sightline ${version}: multi-agency child protection.`,
    '',
    'Usage: sightline <command> [options]',
    '',
    'Commands:',
    ...commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `sightline <command> --help` for a command’s options.',
  ].join('\n')
}

/** Exit statuses: 0 done; 1 unexpected failure; 2 bad usage or configuration; 3 database unavailable or locked. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage())
    return name ? 0 : 2
  }
  if (name === '--version') {
    console.log(version)
    return 0
  }
  const command = commands.find(c => c.name === name)
  if (!command) {
    console.error(`sightline: unknown command '${name}'\n\n${usage()}`)
    return 2
  }
  try {
    return await command.run(args)
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`sightline ${command.name}: ${error.message}\n\n${command.usage}`)
      return 2
    }
    if (error instanceof ConfigError) {
      console.error(`sightline: ${error.message}`)
      return 2
    }
    if (error instanceof AppError && error.status < 500) {
      console.error(`sightline ${command.name}: ${error.message}`)
      return 2
    }
    if (error instanceof DataDirLockedError || error instanceof DatabaseUnavailableError) {
      console.error(`sightline: ${error.message}`)
      return 3
    }
    console.error(`sightline ${command.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return 1
  }
}
