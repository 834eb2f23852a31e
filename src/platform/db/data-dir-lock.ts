import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'

export class DataDirLockedError extends Error {
  readonly holderPid: number | undefined
  constructor(dataDir: string, holderPid: number | undefined) {
    super(
      `The data folder ${dataDir} is in use by another Sightline process` +
        (holderPid ? ` (pid ${holderPid})` : '') +
        '. Stop that process first, or set SIGHTLINE_DATA_DIR to a different folder. The data has not been touched.',
    )
    this.name = 'DataDirLockedError'
    this.holderPid = holderPid
  }
}

export type DataDirLock = { readonly file: string; release(): void }

type LockContent = { pid: number; host: string; since: string }

function readHolder(file: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockContent
  } catch {
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Take the exclusive lock on an embedded data folder. PGlite has no lock of its own, and two processes on one
 * folder silently corrupt it, so this lock is taken before the database is opened. A lock left by a process
 * that has died (same host, pid gone) is stale and is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'sightline.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number
    try {
      fd = openSync(file, 'wx', 0o600)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readHolder(file)
      const stale = holder !== undefined && holder.host === hostname() && !isAlive(holder.pid)
      if (stale && attempt === 0) {
        rmSync(file, { force: true })
        continue
      }
      throw new DataDirLockedError(dataDir, holder?.pid)
    }
    const content: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
    writeSync(fd, JSON.stringify(content))
    closeSync(fd)
    let released = false
    return {
      file,
      release() {
        if (released) return
        released = true
        const holder = readHolder(file)
        if (holder?.pid === process.pid) rmSync(file, { force: true })
      },
    }
  }
  throw new DataDirLockedError(dataDir, undefined)
}
