/** A mistake in how the command was called: printed with the command's usage, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export type Command = {
  name: string
  summary: string
  usage: string
  run(args: string[]): Promise<number>
}
