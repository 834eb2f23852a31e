/// <reference lib="dom" />
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { accessibilityViolations, launchBrowser, skipReason, startServer, type RunningServer } from './support.ts'

const skip = skipReason()
const password = 'sightline-demo-2026'

/**
 * Every page the journeys do not reach, checked with axe as each role sees it, including the error states of
 * their forms. A page added later belongs in a journey or here.
 */
describe('every other page passes axe (Chromium)', { skip }, () => {
  let server: RunningServer
  let browser: Browser

  before(async () => {
    server = await startServer(200)
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    if (server) await server.stop()
  })

  async function as(email: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${server.url}/sign-in`)
    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${server.url}/`)
    return page
  }

  async function check(page: Page, label: string) {
    assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${label}`)
  }

  it('auditor: the audit search, its results and its errors', async () => {
    const page = await as('auditor@demo.sightline.test')
    await check(page, 'auditor home')
    await page.goto(`${server.url}/audit`)
    await check(page, 'audit search')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.locator('#results').waitFor()
    await check(page, 'audit results')
    await page.goto(`${server.url}/audit?personId=nope&from-day=31&from-month=2&from-year=2026`)
    await check(page, 'audit search with errors')
  })

  it('analyst: partnership figures with their charts and tables', async () => {
    const page = await as('analyst@demo.sightline.test')
    await page.goto(`${server.url}/partnership`)
    await page.getByText('Entries each month as a table').click()
    await check(page, 'partnership figures')
  })

  it('administrator: agencies, teams, practitioners and partner systems, with errors', async () => {
    const page = await as('admin@demo.sightline.test')
    for (const path of ['/admin', '/admin/agencies/new', '/admin/teams/new', '/admin/practitioners/new', '/admin/api-clients']) {
      await page.goto(`${server.url}${path}`)
      await check(page, path)
    }
    await page.goto(`${server.url}/admin/practitioners/new`)
    await page.getByRole('button', { name: 'Save' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    await check(page, 'add a practitioner, with errors')
  })

  it('any practitioner: account security, notifications, a child’s record with its filters open', async () => {
    const page = await as('social-worker@demo.sightline.test')
    await page.goto(`${server.url}/account/security`)
    await check(page, 'account security')
    await page.goto(`${server.url}/notifications`)
    await check(page, 'notifications')
    await page.goto(`${server.url}/`)
    await page.locator('table.govuk-table tbody a').first().click()
    await page.waitForURL(/\/children\//)
    await page.goto(`${page.url()}?significant=yes&from-day=31&from-month=2&from-year=2026#events`)
    await check(page, 'child record with a bad filter')
  })
})
