import type { FastifyInstance, FastifyReply } from 'fastify'
import QRCode from 'qrcode'
import type { Actor } from '../access/index.ts'
import { parseForm } from '../forms/index.ts'
import { ENROLMENT_PATH } from '../http/session.ts'
import { AppCodeForm } from './auth.forms.ts'
import type { AuthService } from './auth.service.ts'
import { otpauthUri } from './totp.ts'

const page = 'platform/auth/views/account-security.njk'
const codesPage = 'platform/auth/views/recovery-codes.njk'
const WRONG_CODE = 'Enter the code your authenticator app shows now: the code was not right, or it has been used'

/** The QR code as inline SVG, labelled for screen readers (the key is also on the page as text). */
async function qrCode(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return svg.replace(
    '<svg ',
    '<svg role="img" aria-label="QR code to add Sightline to your authenticator app. The key below is the same, as text." width="200" height="200" focusable="false" ',
  )
}

/** A practitioner's own sign-in security: set up an authenticator app, see it is on, get new recovery codes. */
export function accountRoutes(app: FastifyInstance, deps: { auth: AuthService; requireMfa: boolean }): void {
  const { auth } = deps

  async function render(reply: FastifyReply, actor: Actor, extra: Record<string, unknown> = {}) {
    const accountId = actor.accountId!
    const status = await auth.mfaStatus(accountId)
    if (status.enabled) return reply.page(page, { status, ...extra })
    const { secret, email } = await auth.beginMfaEnrolment(accountId)
    return reply.page(page, {
      status,
      required: deps.requireMfa,
      qrSvg: await qrCode(otpauthUri(secret, email, 'Sightline')),
      secretGroups: secret.replace(/(.{4})(?=.)/g, '$1 '),
      ...extra,
    })
  }

  app.get(ENROLMENT_PATH, { config: { access: 'signed-in' } }, async (request, reply) => render(reply, request.actor!))

  app.post(ENROLMENT_PATH, { config: { access: 'signed-in' } }, async (request, reply) => {
    const actor = request.actor!
    const status = await auth.mfaStatus(actor.accountId!)
    if (status.enabled) return reply.redirect(ENROLMENT_PATH, 303)
    const form = parseForm(AppCodeForm, request.body)
    if (!form.ok) return render(reply.status(400), actor, form)
    const codes = await auth.confirmMfaEnrolment(actor.accountId!, form.data.code, { actor, requestId: request.id })
    if (!codes) return render(reply.status(400), actor, { errors: { code: { text: WRONG_CODE } }, errorList: [{ text: WRONG_CODE, href: '#code' }] })
    request.log.info({ accountId: actor.accountId }, 'multi-factor sign-in turned on')
    return reply.page(codesPage, { codes, enrolled: true })
  })

  app.post(`${ENROLMENT_PATH}/recovery-codes`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const actor = request.actor!
    const status = await auth.mfaStatus(actor.accountId!)
    if (!status.enabled) return reply.redirect(ENROLMENT_PATH, 303)
    const form = parseForm(AppCodeForm, request.body)
    if (!form.ok) return render(reply.status(400), actor, form)
    const codes = await auth.replaceRecoveryCodes(actor.accountId!, form.data.code, { actor, requestId: request.id })
    if (!codes) return render(reply.status(400), actor, { errors: { code: { text: WRONG_CODE } }, errorList: [{ text: WRONG_CODE, href: '#code' }] })
    return reply.page(codesPage, { codes, enrolled: false })
  })
}
