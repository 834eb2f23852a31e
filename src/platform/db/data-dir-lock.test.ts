import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts'
import { openDatabase } from './database.ts'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const sightline = path.join(root, 'bin/sightline.js')

describe('the embedded data folder lock', () => {
  const dirs: string[] = []
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sightline-lock-'))
    dirs.push(dir)
    return dir
  }
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })))

  it('refuses a second lock while the first is held, and allows it after release', () => {
    const dir = tempDir()
    const first = lockDataDir(dir)
    assert.throws(() => lockDataDir(dir), DataDirLockedError)
    first.release()
    lockDataDir(dir).release()
  })

  it('takes over a lock left by a process that has died', () => {
    const dir = tempDir()
    const dead = spawnSync(process.execPath, ['-e', 'process.pid'])
    writeFileSync(
      path.join(dir, 'sightline.lock'),
      JSON.stringify({ pid: dead.pid, host: hostname(), since: new Date().toISOString() }),
    )
    lockDataDir(dir).release()
  })

  it('keeps a second real process out with a clear message, and the data intact', { timeout: 120_000 }, async () => {
    const dir = tempDir()
    const holder = spawn(process.execPath, [path.join(root, 'test/support/hold-database.ts'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve())
      holder.once('exit', code => reject(new Error(`holder exited early with ${code}`)))
    })

    try {
      const second = spawnSync(process.execPath, [sightline, 'migrate'], {
        env: { ...process.env, SIGHTLINE_DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
      })
      assert.equal(second.status, 3, second.stderr)
      assert.match(second.stderr, new RegExp(`is in use by another Sightline process \\(pid ${holder.pid}\\)`))
      assert.match(second.stderr, /The data has not been touched/)

      const exited = new Promise<number | null>(resolve => holder.once('exit', resolve))
      holder.kill('SIGTERM')
      assert.equal(await exited, 0)

      const database = await openDatabase({ engine: 'pglite', dataDir: dir })
      try {
        const rows = await database.rows<{ code: string }>(sql`select code from agency`)
        assert.deepEqual(rows, [{ code: 'holder' }])
      } finally {
        await database.close()
      }
    } finally {
      if (holder.exitCode === null) holder.kill('SIGKILL')
    }
  })
})
