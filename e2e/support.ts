import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const root = fileURLToPath(new URL('..', import.meta.url))

/** End-to-end tests need Debian's Chromium. Locally they are skipped without it; in CI its absence fails. */
export function skipReason(): string | false {
  if (existsSync(chromiumPath)) return false
  if (process.env.CI) throw new Error(`Chromium is not installed at ${chromiumPath}: .ci/run installs it with apt-get`)
  return `Chromium not found at ${chromiumPath} (apt-get install chromium)`
}

export type RunningServer = { url: string; process: ChildProcess; output: () => string; stop(): Promise<number | null> }

/** The real `sightline serve --demo`, on a fresh embedded database, on a free port. */
export async function startServer(children = 300): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sightline-e2e-'))
  const child = spawn(process.execPath, [path.join(root, 'bin/sightline.js'), 'serve', '--demo', '--port', '0', '--children', String(children)], {
    env: { ...process.env, SIGHTLINE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in 90 s:\n${output}`)), 90_000)
    child.stdout.on('data', () => {
      const match = /running at (http:\/\/\S+?) /.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', code => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return {
    url,
    process: child,
    output: () => output,
    async stop() {
      const exited = new Promise<number | null>(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      const code = await exited
      rmSync(dataDir, { recursive: true, force: true })
      return code
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** axe on the page as it is now, against WCAG 2.2 A and AA; returns a readable list of violations. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  return results.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
}
