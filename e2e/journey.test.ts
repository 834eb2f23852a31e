/// <reference lib="dom" />
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { listDemoAccounts } from '../src/modules/demo/index.ts'
import { accessibilityViolations, launchBrowser, skipReason, startServer, type RunningServer } from './support.ts'

const skip = skipReason()
const password = 'sightline-demo-2026'
const frontDoor = listDemoAccounts().find(a => a.role === 'front-door-worker')!
const socialWorker = listDemoAccounts().find(a => a.role === 'social-worker')!
const manager = listDemoAccounts().find(a => a.role === 'team-manager')!

describe('practitioners sign in, find a child, break glass, and a manager reviews it (Chromium)', { skip }, () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const visited: string[] = []

  async function checkAccessible(label: string) {
    visited.push(label)
    assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${label}`)
  }

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    context = await browser.newContext()
    page = await context.newPage()
  })
  after(async () => {
    await context?.close()
    await browser?.close()
    if (server) assert.equal(await server.stop(), 0, 'the server stops cleanly on SIGTERM')
  })

  it('sends a signed-out visitor to sign in; the first Tab reaches the skip link', async () => {
    await page.goto(`${server.url}/children`)
    assert.match(page.url(), /\/sign-in\?returnTo=%2Fchildren$/)
    assert.equal(await page.locator('h1').textContent(), 'Sign in to Sightline')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to main content')
    await checkAccessible('sign in')
  })

  it('shows the GOV.UK error summary for a wrong password, focused, and still accessible', async () => {
    await page.getByLabel('Email address').fill(frontDoor.email)
    await page.getByLabel('Password', { exact: true }).fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    assert.equal(await page.title(), 'Error: Sign in – Sightline')
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), true)
    await checkAccessible('sign in with errors')
  })

  it('signs in with the keyboard alone and returns to Find a child', async () => {
    await page.getByLabel('Email address').fill('')
    await page.getByLabel('Email address').focus()
    await page.keyboard.type(frontDoor.email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(password)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/children$/)
    assert.equal(await page.locator('h1').textContent(), 'Find a child')
    await checkAccessible('find a child')
  })

  it('explains a search with nothing entered', async () => {
    await page.getByRole('button', { name: 'Search' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter the child’s family name, or their NHS number/)
    await checkAccessible('find a child with errors')
  })

  let childUrl = ''
  let childName = ''

  it('finds children by the start of a family name and sees only that a child is known, and whom to contact', async () => {
    let found = false
    for (const prefix of ['S', 'K', 'A', 'B', 'M']) {
      await page.getByLabel('Family name').fill(prefix)
      await page.getByRole('button', { name: 'Search' }).click()
      await page.locator('#results-heading').waitFor()
      if ((await page.locator('table.govuk-table tbody a').count()) > 0) {
        found = true
        break
      }
    }
    assert.ok(found, 'some child is found in the demo partnership')
    await checkAccessible('search results')
    const first = page.locator('table.govuk-table tbody a').first()
    childName = ((await first.textContent()) ?? '').trim()
    await first.click()
    await page.waitForURL(/\/children\/[0-9a-f-]{36}$/)
    childUrl = page.url()
    assert.equal((await page.locator('h1').textContent())?.trim(), childName)
    assert.equal(await page.getByRole('heading', { name: 'Who to contact' }).count(), 1)
    assert.equal(await page.getByRole('heading', { name: 'Why you cannot see the full record' }).count(), 1)
    await checkAccessible('known to services')
  })

  it('breaks glass with a reason, after a clear error for a missing one, and sees the full record', async () => {
    await page.getByRole('button', { name: 'Open the full record (break glass)' }).click()
    await page.waitForURL(/\/break-glass$/)
    await checkAccessible('break glass')
    await page.getByRole('button', { name: 'Open the full record' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    await checkAccessible('break glass with errors')
    await page.getByLabel('Why do you need to see this record now?').fill('Child brought to the front desk out of hours with an unexplained injury; allocated worker not reachable')
    await page.getByRole('button', { name: 'Open the full record' }).click()
    await page.waitForURL(childUrl)
    assert.equal(await page.getByRole('heading', { name: 'Break-glass access' }).count(), 1)
    assert.equal(await page.getByRole('heading', { name: 'How each agency knows this child' }).count(), 1)
    assert.equal(await page.getByRole('heading', { name: 'Household' }).count(), 1)
    assert.equal(await page.getByRole('heading', { name: 'Events', exact: true }).count(), 1)
    await checkAccessible('child summary after break glass')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/sign-in/)
  })

  it('tells the owning agency’s manager, who reviews the access', async () => {
    await page.getByLabel('Email address').fill(manager.email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${server.url}/`)
    await page.getByRole('link', { name: 'Read your notifications' }).click()
    await page.getByRole('heading', { name: `Break-glass access to ${childName}’s record` }).waitFor()
    await checkAccessible('notifications')
    await page.getByRole('button', { name: new RegExp(`^Open\\W+Break-glass access to ${childName}`) }).click()
    await page.getByRole('heading', { name: `Review break-glass access to ${childName}’s record` }).waitFor()
    await checkAccessible('break-glass review')
    await page.getByLabel('Yes, it was appropriate').check()
    await page.getByLabel('Note').fill('Out of hours, injury unexplained: access justified.')
    await page.getByRole('button', { name: 'Record review' }).click()
    await page.waitForURL(/\/break-glass\?reviewed=1$/)
    assert.match((await page.locator('main').textContent()) ?? '', /There is nothing to review/)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/sign-in/)
  })

  it('shows an allocated social worker the children they work with, and a full record', async () => {
    await page.getByLabel('Email address').fill(socialWorker.email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${server.url}/`)
    await page.getByRole('heading', { name: 'Children you work with' }).waitFor()
    await checkAccessible('home with my children')
    await page.locator('table.govuk-table tbody a').first().click()
    await page.waitForURL(/\/children\/[0-9a-f-]{36}$/)
    assert.match((await page.locator('main').textContent()) ?? '', /You are seeing this record as\s*allocated (worker|team)/)
    assert.equal(await page.getByRole('heading', { name: 'Who has looked at this record' }).count(), 1)
    await checkAccessible('child summary, allocated')
  })

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/sign-in/)
    await page.goto(`${server.url}/`)
    assert.match(page.url(), /\/sign-in/)
    assert.deepEqual(visited, [
      'sign in',
      'sign in with errors',
      'find a child',
      'find a child with errors',
      'search results',
      'known to services',
      'break glass',
      'break glass with errors',
      'child summary after break glass',
      'notifications',
      'break-glass review',
      'home with my children',
      'child summary, allocated',
    ])
  })
})
