import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createProgress, formatDuration } from './progress.ts'

function fakeStream(isTTY: boolean) {
  const chunks: string[] = []
  return { chunks, stream: { isTTY, columns: 200, write: (chunk: string) => chunks.push(chunk) } }
}

describe('createProgress', () => {
  it('prints one line at each 10% step when stderr is not a terminal', () => {
    const { chunks, stream } = fakeStream(false)
    let clock = 0
    const progress = createProgress('Seeding', { stream, now: () => clock })
    for (let done = 0; done <= 1000; done += 25) {
      clock += 100
      progress.update(done, 1000, 'Loading')
    }
    progress.done('2,000 children')
    assert.equal(chunks.length, 12) // 0%, 10% ... 100%, and the final line
    assert.match(chunks[0]!, /^Seeding: Loading {2}0\/1,000 \(0\.0%\)/)
    assert.match(chunks[10]!, /1,000\/1,000 \(100%\) {2}250\/s/)
    assert.match(chunks[11]!, /^Seeding: done in 4\.1 s\. 2,000 children\n$/)
    assert.ok(chunks.every(c => !c.includes('\r')))
  })

  it('starts the steps again in a new phase', () => {
    const { chunks, stream } = fakeStream(false)
    const progress = createProgress('Work', { stream, now: () => 0 })
    progress.update(1000, 1000, 'One')
    progress.update(0, 10, 'Two')
    progress.update(10, 10, 'Two')
    assert.equal(chunks.length, 3)
    assert.match(chunks[1]!, /^Work: Two {2}0\/10/)
  })

  it('redraws a single line on a terminal, at most every redraw interval', () => {
    const { chunks, stream } = fakeStream(true)
    let clock = 0
    const progress = createProgress('Seeding', { stream, now: () => clock, redrawMs: 100 })
    for (let done = 0; done <= 100; done++) {
      clock += 10
      progress.update(done, 100, 'Loading')
    }
    progress.done()
    assert.ok(chunks.length < 20, `drew ${chunks.length} times`)
    assert.ok(chunks.slice(0, -1).every(c => c.startsWith('\r\x1b[2K') && !c.endsWith('\n')))
    assert.match(chunks.at(-2)!, /100\/100 \(100%\)/)
    assert.equal(chunks.at(-1), '\r\x1b[2KSeeding: done in 1.0 s\n')
  })

  it('formats durations for people', () => {
    assert.equal(formatDuration(1234), '1.2 s')
    assert.equal(formatDuration(125_000), '2:05')
    assert.equal(formatDuration(3_725_000), '1:02:05')
  })
})
