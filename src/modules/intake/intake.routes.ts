import type { FastifyInstance, FastifyRequest } from 'fastify'
import { parseForm } from '../../platform/forms/index.ts'
import { NotFoundError } from '../../platform/errors/index.ts'
import { lawfulBasisLabels } from '../chronology/index.ts'
import { formatNhsNumber } from '../people/index.ts'
import { DecisionForm, firstIncomplete, isStep, parseStep, RagForm, STEPS, valuesFrom, type Draft, type Step } from './intake.forms.ts'
import { categoryLabels, decisionLabels, lawfulBasisChoices, type Rag } from './intake.schema.ts'
import type { IntakeService } from './intake.service.ts'
import { timeLeft } from './time-left.ts'

const stepTitles: Record<Step, string> = {
  child: 'Who is the child?',
  'what-happened': 'What happened?',
  household: 'Who lives with the child?',
  others: 'Who else is involved?',
  'child-seen': 'Have you seen the child?',
  sharing: 'Why can you share this information?',
}

const ragLabels: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' }
const ragClasses: Record<Rag, string> = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green' }

const view = (name: string) => `modules/intake/views/${name}.njk`

/** The concern form (any agency), the referrer's view of their referrals, and the front door's queue and decisions. */
export function intakeRoutes(app: FastifyInstance, deps: { intake: IntakeService }): void {
  const { intake } = deps
  const labels = { categoryLabels, decisionLabels, lawfulBasisChoices, lawfulBasisLabels, ragLabels, ragClasses, stepTitles }

  // ----- Raise a concern -----

  app.get('/concerns/new', { config: { access: 'concern:raise' } }, async (request, reply) => {
    const draft = (await intake.getDraft(request.actor!)) as Draft
    const next = firstIncomplete(draft)
    return reply.redirect(next ? `/concerns/new/${next}` : '/concerns/check')
  })

  const renderStep = (step: Step, values: Record<string, unknown>, change: boolean, extra: Record<string, unknown> = {}) => {
    const index = STEPS.indexOf(step)
    return {
      step,
      values,
      change,
      title: stepTitles[step],
      stepNumber: index + 1,
      stepCount: STEPS.length,
      backLink: change ? '/concerns/check' : index > 0 ? `/concerns/new/${STEPS[index - 1]}` : '/',
      action: `/concerns/new/${step}${change ? '?change=1' : ''}`,
      ...labels,
      ...extra,
    }
  }

  app.get('/concerns/new/:step', { config: { access: 'concern:raise' } }, async (request, reply) => {
    const { step } = request.params as { step: string }
    if (!isStep(step)) throw new NotFoundError('Page')
    const draft = (await intake.getDraft(request.actor!)) as Draft
    const change = (request.query as Record<string, string>).change === '1'
    return reply.page(view('concern-step'), renderStep(step, valuesFrom(draft), change))
  })

  app.post('/concerns/new/:step', { config: { access: 'concern:raise' } }, async (request, reply) => {
    const { step } = request.params as { step: string }
    if (!isStep(step)) throw new NotFoundError('Page')
    const body = (request.body ?? {}) as Record<string, unknown>
    const change = (request.query as Record<string, string>).change === '1'
    const result = parseStep(step, body)
    if (!result.ok) return reply.status(400).page(view('concern-step'), renderStep(step, body, change, { errors: result.errors, errorList: result.errorList }))
    const draft = (await intake.saveDraft(request.actor!, result.answers, { requestId: request.id })) as Draft
    const next = change ? undefined : STEPS[STEPS.indexOf(step) + 1]
    return reply.redirect(next ? `/concerns/new/${next}` : firstIncomplete(draft) ? `/concerns/new/${firstIncomplete(draft)}` : '/concerns/check', 303)
  })

  app.get('/concerns/check', { config: { access: 'concern:raise' } }, async (request, reply) => {
    const draft = (await intake.getDraft(request.actor!)) as Draft
    const missing = firstIncomplete(draft)
    if (missing) return reply.redirect(`/concerns/new/${missing}`)
    return reply.page(view('concern-check'), { draft, nhsNumber: draft.child?.nhsNumber ? formatNhsNumber(draft.child.nhsNumber) : undefined, ...labels })
  })

  app.post('/concerns/check', { config: { access: 'concern:raise' } }, async (request, reply) => {
    const draft = (await intake.getDraft(request.actor!)) as Draft
    const missing = firstIncomplete(draft)
    if (missing) return reply.redirect(`/concerns/new/${missing}`, 303)
    const { contact } = await intake.submitDraft(request.actor!, { requestId: request.id })
    return reply.redirect(`/concerns/${contact.id}/confirmation`, 303)
  })

  app.get('/concerns/:contactId/confirmation', { config: { access: 'concern:raise' } }, async (request, reply) => {
    const { contactId } = request.params as { contactId: string }
    const contact = await intake.findMine(request.actor!, contactId)
    return reply.page(view('concern-confirmation'), { contact })
  })

  app.get('/concerns/mine', { config: { access: 'concern:raise' } }, async (request, reply) => {
    const referrals = await intake.listMine(request.actor!, { requestId: request.id })
    return reply.page(view('concerns-mine'), { referrals, ...labels })
  })

  // ----- The front door -----

  app.get('/front-door', { config: { access: 'contact:decide' } }, async (request, reply) => {
    const now = new Date()
    const contacts = await intake.listQueue(request.actor!, { requestId: request.id })
    return reply.page(view('front-door-queue'), { contacts: contacts.map(c => ({ ...c, left: timeLeft(c.decisionDueAt, now) })), ...labels })
  })

  const renderContact = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const { contactId } = request.params as { contactId: string }
    const detail = await intake.openContact(request.actor!, contactId, { requestId: request.id })
    return {
      ...detail,
      nhsNumber: detail.child.nhsNumber ? formatNhsNumber(detail.child.nhsNumber) : undefined,
      left: timeLeft(detail.contact.decisionDueAt, new Date()),
      values: {},
      ...labels,
      ...extra,
    }
  }

  app.get('/front-door/:contactId', { config: { access: 'contact:decide' } }, async (request, reply) => reply.page(view('front-door-contact'), await renderContact(request)))

  app.post('/front-door/:contactId/rag', { config: { access: 'contact:decide' } }, async (request, reply) => {
    const { contactId } = request.params as { contactId: string }
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(RagForm, { rag: body.rag || undefined, rationale: body.rationale })
    if (!form.ok) return reply.status(400).page(view('front-door-contact'), await renderContact(request, { values: body, errors: form.errors, errorList: form.errorList }))
    await intake.setRag(request.actor!, contactId, form.data.rag, form.data.rationale, { requestId: request.id })
    return reply.redirect(`/front-door/${contactId}`, 303)
  })

  app.post('/front-door/:contactId/decision', { config: { access: 'contact:decide' } }, async (request, reply) => {
    const { contactId } = request.params as { contactId: string }
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(DecisionForm, { decision: body.decision || undefined, decisionRationale: body.decisionRationale })
    if (!form.ok) return reply.status(400).page(view('front-door-contact'), await renderContact(request, { values: body, errors: form.errors, errorList: form.errorList }))
    await intake.decide(request.actor!, contactId, form.data.decision, form.data.decisionRationale, { requestId: request.id })
    return reply.redirect(`/front-door/${contactId}`, 303)
  })
}
