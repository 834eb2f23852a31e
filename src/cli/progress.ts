/**
 * Progress for long CLI work (seeding 250,000 children, linking, replaying). On a terminal it redraws one line
 * on stderr: phase, done/total, percent, rate and elapsed time. When stderr is a file or a pipe (CI logs, a
 * benchmark's output) redrawing would leave a mess, so it prints one line at each 10% step of each phase.
 * It writes to stderr so that a command's real output on stdout stays clean for pipes.
 */

export type Progress = {
  /** Report `done` of `total` units of work, optionally in a named phase (a new phase restarts the rate). */
  update(done: number, total: number, phase?: string): void
  /** Finish: clear the redrawn line and print how long it all took, with an optional summary. */
  done(summary?: string): void
}

/** Where progress goes and how time is read: injectable for tests. */
export type ProgressOptions = {
  stream?: { write(chunk: string): unknown; isTTY?: boolean | undefined; columns?: number | undefined }
  /** Milliseconds; performance.now() by default. */
  now?: () => number
  /** Redraw at most this often on a terminal. */
  redrawMs?: number
}

const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })

export function formatDuration(ms: number): string {
  const seconds = ms / 1000
  if (seconds < 60) return `${seconds.toFixed(1)} s`
  const whole = Math.floor(seconds)
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = String(whole % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr
  const now = options.now ?? (() => performance.now())
  const interactive = stream.isTTY === true
  const redrawMs = options.redrawMs ?? 100
  const started = now()
  let phase: string | undefined
  let phaseStarted = started
  let phaseFirstDone = 0
  let lastDraw = -Infinity
  let lastStep = -1
  let drawn = false

  function describe(done: number, total: number): string {
    const at = now()
    const percent = total > 0 ? Math.min(100, (done / total) * 100) : 100
    const seconds = (at - phaseStarted) / 1000
    const rate = seconds > 0 ? (done - phaseFirstDone) / seconds : 0
    const parts = [
      `${label}${phase ? `: ${phase}` : ''}`,
      `${count.format(done)}/${count.format(total)} (${percent.toFixed(percent < 10 ? 1 : 0)}%)`,
      ...(rate > 0 ? [`${count.format(rate)}/s`] : []),
      `${formatDuration(at - started)} elapsed`,
    ]
    return parts.join('  ')
  }

  function fit(line: string): string {
    const width = stream.columns ?? 0
    return width > 1 && line.length >= width ? `${line.slice(0, width - 2)}…` : line
  }

  return {
    update(done, total, nextPhase) {
      if (nextPhase !== undefined && nextPhase !== phase) {
        phase = nextPhase
        phaseStarted = now()
        phaseFirstDone = done
        lastStep = -1
        lastDraw = -Infinity // always show a new phase at once
      }
      if (interactive) {
        const at = now()
        if (at - lastDraw < redrawMs && done < total) return
        lastDraw = at
        stream.write(`\r\x1b[2K${fit(describe(done, total))}`)
        drawn = true
        return
      }
      const step = total > 0 ? Math.floor((Math.min(done, total) / total) * 10) : 10
      if (step <= lastStep) return
      lastStep = step
      stream.write(`${describe(done, total)}\n`)
    },
    done(summary) {
      const line = `${label}: done in ${formatDuration(now() - started)}${summary ? `. ${summary}` : ''}`
      stream.write(interactive && drawn ? `\r\x1b[2K${line}\n` : `${line}\n`)
      drawn = false
    },
  }
}
