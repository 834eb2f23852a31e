/// <reference lib="dom" />
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { listDemoAccounts } from '../src/modules/demo/index.ts'
import { accessibilityViolations, launchBrowser, skipReason, startServer, type RunningServer } from './support.ts'

const skip = skipReason()
const password = 'sightline-demo-2026'
const school = listDemoAccounts().find(a => a.email.startsWith('school@'))!
const frontDoor = listDemoAccounts().find(a => a.role === 'front-door-worker')!

describe('a school raises a concern; the front door rates and decides it; the school sees the outcome (Chromium)', { skip }, () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let reference = ''

  const accessible = async (label: string) => assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${label}`)
  const signInAs = async (email: string) => {
    await page.goto(`${server.url}/sign-in`)
    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${server.url}/`)
  }
  const signOut = async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/sign-in/)
  }
  const next = () => page.getByRole('button', { name: 'Continue' }).click()

  before(async () => {
    server = await startServer(200)
    browser = await launchBrowser()
    context = await browser.newContext()
    page = await context.newPage()
  })
  after(async () => {
    await context?.close()
    await browser?.close()
    if (server) await server.stop()
  })

  it('walks the concern form page by page, with errors explained, and sends it', async () => {
    await signInAs(school.email)
    await page.getByRole('link', { name: 'Raise a concern' }).click()
    await page.locator('#givenName').waitFor()
    await accessible('concern: the child')
    await next()
    await page.locator('.govuk-error-summary').waitFor()
    await accessible('concern: the child, with errors')
    await page.locator('#givenName').fill('Ellis')
    await page.locator('#familyName').fill('Testwood')
    await page.locator('#dateOfBirth-day').fill('3')
    await page.locator('#dateOfBirth-month').fill('4')
    await page.locator('#dateOfBirth-year').fill('2018')
    await next()
    await page.locator('#summary').waitFor()
    await accessible('concern: what happened')
    await page.locator('input[name="category"]').first().check()
    await page.locator('#summary').fill('Ellis came to school with a bruise on the ear and said “Mum’s friend did it”.')
    await next()
    await page.locator('#household').waitFor()
    await accessible('concern: household')
    await page.locator('#household').fill('Mother and her new partner; a baby brother.')
    await next()
    await page.locator('#othersInvolved').waitFor()
    await accessible('concern: others involved')
    await next()
    await page.locator('input[name="childSeen"]').first().waitFor()
    await accessible('concern: child seen')
    await page.locator('input[name="childSeen"][value="yes"]').check()
    await page.locator('#childSaid').fill('Mum’s friend did it.')
    await next()
    await page.locator('input[name="lawfulBasis"]').first().waitFor()
    await accessible('concern: sharing')
    await page.locator('input[name="lawfulBasis"]').first().check()
    await next()
    await page.getByRole('button', { name: 'Send concern' }).waitFor()
    await accessible('concern: check your answers')
    await page.getByRole('button', { name: 'Send concern' }).click()
    await page.getByRole('heading', { name: 'Concern sent' }).waitFor()
    await accessible('concern: confirmation')
    reference = ((await page.locator('.govuk-panel__body strong').textContent()) ?? '').trim()
    assert.match(reference, /^SL-/)
    await signOut()
  })

  it('lets the front door rate the contact with a rationale and decide it', async () => {
    await signInAs(frontDoor.email)
    await page.goto(`${server.url}/front-door`)
    await accessible('front-door queue')
    await page.getByRole('link', { name: reference }).click()
    await page.locator('input[name="rag"]').first().waitFor()
    await accessible('front-door contact')
    await page.locator('input[name="rag"][value="red"]').check()
    await page.locator('#rationale').fill('Injury to the ear of a child of eight, with an account naming an adult.')
    await page.getByRole('button', { name: 'Set rating' }).click()
    await page.locator('input[name="decision"]').first().waitFor()
    await page.locator('input[name="decision"][value="strategy-discussion"]').check()
    await page.locator('#decisionRationale').fill('Physical injury with a disclosure: strategy discussion today.')
    await page.getByRole('button', { name: 'Record decision' }).click()
    await page.waitForLoadState('load')
    await accessible('front-door contact after the decision')
    await signOut()
  })

  it('shows the school the outcome of its referral', async () => {
    await signInAs(school.email)
    await page.goto(`${server.url}/concerns/mine`)
    await accessible('my concerns')
    const row = page.locator('tr', { hasText: reference })
    assert.match((await row.textContent()) ?? '', /strategy discussion/i)
  })
})
