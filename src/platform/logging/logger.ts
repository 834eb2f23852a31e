import pino, { type Logger, type LoggerOptions } from 'pino'

/**
 * Logs are for operators and never hold personal data. Requests are logged by method, route pattern and
 * status only (never the raw URL, whose query may hold a child's name), and anything that looks like
 * a credential or identifier is redacted by path.
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.nhsNumber',
  '*.dateOfBirth',
  '*.givenName',
  '*.familyName',
  '*.email',
]

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'sightline' },
    redact: { paths: redactPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  }
  return destination ? pino(options, destination) : pino(options)
}

export type { Logger }
