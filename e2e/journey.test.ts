/// <reference lib="dom" />
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { listDemoAccounts } from '../src/modules/demo/index.ts'
import { accessibilityViolations, launchBrowser, skipReason, startServer, type RunningServer } from './support.ts'

const skip = skipReason()
const password = 'sightline-demo-2026'
const frontDoor = listDemoAccounts().find(a => a.role === 'front-door-worker')!

describe('a practitioner signs in, finds a child and opens their summary (Chromium)', { skip }, () => {
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

  it('finds children by the start of a family name and opens one child’s summary', async () => {
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
    const name = ((await first.textContent()) ?? '').trim()
    await first.click()
    await page.waitForURL(/\/children\/[0-9a-f-]{36}$/)
    assert.equal((await page.locator('h1').textContent())?.trim(), name)
    assert.equal(await page.getByRole('heading', { name: 'How each agency knows this child' }).count(), 1)
    assert.equal(await page.getByRole('heading', { name: 'Household' }).count(), 1)
    assert.equal(await page.getByRole('heading', { name: 'Events', exact: true }).count(), 1)
    await checkAccessible('child summary')
  })

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/sign-in/)
    await page.goto(`${server.url}/`)
    assert.match(page.url(), /\/sign-in/)
    assert.deepEqual(visited, ['sign in', 'sign in with errors', 'find a child', 'find a child with errors', 'search results', 'child summary'])
  })
})
