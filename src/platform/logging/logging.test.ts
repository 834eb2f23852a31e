import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { emailFor, formBody, ids, signInAs, startTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { createLogger } from './logger.ts'

describe('request logs', () => {
  let t: TestApp
  const lines: string[] = []
  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean))
        done()
      },
    })
    t = await startTestApp('pglite', { logger: createLogger('info', sink) })
  })
  after(() => t.close())

  it('carry a request id and the route pattern, and no personal data', async () => {
    const browser = await signInAs(t.app, emailFor('social-worker'))
    await t.app.inject({
      method: 'POST',
      url: '/children',
      headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ familyName: 'Smyth', givenName: 'Kye', nhsNumber: '9998765439', _csrf: browser.csrf }),
    })
    await t.app.inject({ method: 'GET', url: `/children/${ids.kai}?name=Kai`, headers: { cookie: browser.cookie, 'x-request-id': 'trace-0123456789' } })

    const requests = lines.map(l => JSON.parse(l) as Record<string, unknown>).filter(l => l.msg === 'request')
    assert.ok(requests.some(l => l.route === '/children/:personId' && l.requestId === 'trace-0123456789' && l.status === 200))
    assert.ok(requests.every(l => typeof l.requestId === 'string'))
    const all = lines.join('\n')
    for (const personal of ['Smyth', 'Kye', 'Kai', 'Smith', '9998765439', ids.kai, emailFor('social-worker'), 'correct horse']) {
      assert.ok(!all.includes(personal), `the logs hold "${personal}"`)
    }
  })
})
