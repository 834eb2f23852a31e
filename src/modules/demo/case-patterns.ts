import type { CaseHistory } from './case-history.ts'
import type { ChildMember, Member } from './demo-family.ts'
import type { DemoPattern } from './demo.schema.ts'
import { elsewhere } from './names.data.ts'
import { weightedTable, type WeightedTable } from './seeded-random.ts'

/**
 * Safeguarding case histories for a minority of families, each a sequence that serious case reviews describe
 * again and again (reference/risk.md, themes T01–T18): babies' bruises explained away, domestic abuse call-outs
 * with the children present, a new partner nobody checks, referrals closed and re-opened, teenagers going
 * missing. Some end in good practice, some do not; the rules should notice the ones that do not.
 */

/** Share of families with a safeguarding history in their year: high for England, so the demo has plenty. */
export const PATTERN_RATE = 0.12

type Pattern = {
  readonly name: DemoPattern
  readonly weight: number
  eligible(h: CaseHistory): boolean
  write(h: CaseHistory): void
}

const pick = <T>(h: CaseHistory, items: readonly T[]) => h.random.pick(items)

/** The perpetrator in a domestic-abuse history: a man in the household, or the children's father who lives apart. */
function abuser(h: CaseHistory): Member | undefined {
  const f = h.family
  return f.partner ?? f.stepParent ?? (f.mother ? (f.father ?? f.otherParent) : undefined)
}

const youngest = (children: readonly ChildMember[]) =>
  children.reduce<ChildMember | undefined>((a, c) => (!a || c.birthDay > a.birthDay ? c : a), undefined)
const schoolAge = (h: CaseHistory, day: number) => h.children.filter(c => c.school && h.ageOn(c, day) >= 4)
/** The day the eldest child was born: histories about "the children" cannot start before it. */
const firstBirth = (h: CaseHistory) => Math.min(...h.children.map(c => c.birthDay))

// ------------------------------------------------------------------------------------------ early help

function earlyHelp(h: CaseHistory): void {
  const r = h.random
  let day = r.int(Math.max(-340, firstBirth(h) + 14), -90)
  const children = h.childrenOn(day)
  const focus = pick(h, children)
  const referrer = h.ageOn(focus, day) >= 4 ? (h.schoolLead(focus) ?? h.gp()) : h.healthVisitor()
  h.emit(
    'concern.raised',
    day,
    referrer,
    [focus],
    { referrer: 'professional', category: pick(h, ['neglect', 'emotional', 'other'] as const) },
    pick(h, [
      'Mother struggling with routines since a bereavement.',
      'Child often late and tired; parent asking for help.',
      'Parent reports behaviour at home she cannot manage.',
    ]),
  )
  day += r.int(1, 3)
  h.emit(
    'referral.decision',
    day,
    h.frontDoor(),
    [focus],
    { outcome: 'early-help', referrerContacted: true },
    'Below the threshold for statutory services; family agreed to early help.',
  )
  const worker = h.earlyHelpWorker()
  day += r.int(7, 21)
  h.emit(
    'case.opened',
    day,
    worker,
    children,
    { service: 'early-help' },
    'Early help assessment started with the family.',
  )
  h.emit(
    'agreement.made',
    day + r.int(5, 14),
    worker,
    children,
    { summary: 'Family plan: bedtime routine, school every day, parenting course.' },
    'Family plan agreed.',
  )
  const visits = r.int(2, 4)
  for (let i = 0; i < visits; i++) {
    day += r.int(14, 35)
    h.emit(
      'visit.completed',
      day,
      worker,
      children,
      { childSeen: true, seenAlone: h.ageOn(focus, day) >= 6 && r.chance(0.5), announced: true, location: 'home' },
      'Home visit: plan reviewed with the family.',
    )
  }
  h.emit(
    'agreement.kept',
    day + r.int(7, 20),
    worker,
    children,
    { summary: 'Parent completed the parenting course; attendance improved.' },
    'Plan actions completed.',
  )
  h.emit(
    'case.closed',
    day + r.int(21, 40),
    worker,
    children,
    { reason: 'other' },
    'Early help plan completed; outcomes met.',
  )
}

// ------------------------------------------------------------------------------------------ T01 was not brought

function wasNotBrought(h: CaseHistory): void {
  const r = h.random
  const child = youngest(h.children.filter(c => c.birthDay <= -180 && h.ageOn(c, -120) < 5))
  if (!child) return
  let day = Math.max(child.birthDay + 60, r.int(-330, -150))
  h.emit(
    'appointment.was-not-brought',
    day,
    h.healthVisitor(),
    [child],
    { service: 'health-visiting', reason: 'unknown', rebooked: true },
    'Not brought to development review; no reply to calls.',
  )
  day += r.int(12, 21)
  h.emit(
    'visit.no-access',
    day,
    h.healthVisitor(),
    [child],
    { announced: true, reason: 'not-home' },
    'Home visit: no answer. Card left.',
  )
  day += r.int(14, 30)
  h.emit(
    'appointment.was-not-brought',
    day,
    h.paediatrician(),
    [child],
    { service: 'paediatrics', reason: 'unknown', rebooked: false },
    'Not brought to paediatric clinic; discharged back to GP.',
  )
  day += r.int(10, 20)
  h.emit(
    'appointment.cancelled',
    day,
    h.gp(),
    [child],
    { service: 'gp', by: 'family', reason: 'ill', rebooked: true },
    'Mother cancelled: says the child is unwell.',
  )
  day += r.int(10, 25)
  h.emit(
    'appointment.was-not-brought',
    day,
    h.practiceNurse(),
    [child],
    { service: 'immunisation', reason: 'forgot', rebooked: true },
    'Not brought for immunisations (third reminder).',
  )
  for (const sibling of schoolAge(h, day)) {
    h.emit(
      'school.absence',
      day + r.int(-20, 5),
      h.schoolOffice(sibling),
      [sibling],
      { sessions: r.int(5, 9) },
      'Unexplained absence; no contact from home.',
    )
  }
  if (r.chance(0.6)) {
    day += r.int(5, 20)
    h.emit(
      'health.growth',
      day,
      h.healthVisitor(),
      [child],
      { weightCentile: 2, trend: 'falling' },
      'Seen at last: weight has dropped from the 25th to the 2nd centile.',
      { significant: true },
    )
  }
  if (r.chance(0.5)) {
    day += r.int(1, 5)
    h.emit(
      'concern.raised',
      day,
      h.healthVisitor(),
      [child],
      { referrer: 'professional', category: 'neglect' },
      'Health visitor concerned: missed health contacts across services and weight loss.',
      { significant: true },
    )
    day += r.int(1, 2)
    const outcome = r.chance(0.6) ? 'assessment' : 'early-help'
    h.emit(
      'referral.decision',
      day,
      h.frontDoor(),
      [child],
      { outcome, referrerContacted: true },
      outcome === 'assessment' ? 'Accepted for a single assessment.' : 'Stepped to early help.',
    )
    if (outcome === 'assessment') {
      day += r.int(20, 40)
      h.emit(
        'assessment.completed',
        day,
        h.assessmentWorker(),
        [child],
        { outcome: 'child-in-need', riskLevel: 'medium', childSeenAlone: false, basis: 'observation' },
        'Assessment: child in need; plan for health appointments to be kept.',
      )
      h.emit('case.opened', day, h.socialWorker(), h.children, { service: 'child-in-need' }, 'Child in need plan.', {
        significant: true,
      })
    }
  }
}

// ------------------------------------------------------------------------------------------ T09 babies

const babyBruises = [
  { site: 'ear', explanation: 'Says the baby caught an ear on the cot bars' },
  { site: 'face', explanation: 'An older sibling hit the baby with a toy' },
  { site: 'torso', explanation: 'Car seat strap too tight' },
  { site: 'limb', explanation: 'Mother does not know how it happened' },
] as const

function babyInjury(h: CaseHistory): void {
  const r = h.random
  const baby = h.children.find(c => c.birthDay >= -200 && c.birthDay <= -45)
  if (!baby) return
  const carer = h.mainCarer
  let day = baby.birthDay + r.int(42, Math.min(150, -baby.birthDay))
  const bruise = pick(h, babyBruises)
  const seenBy = r.chance(0.6) ? h.healthVisitor() : h.gp()
  h.emit(
    'injury.observed',
    day,
    seenBy,
    [baby],
    {
      site: bruise.site,
      kind: 'bruise',
      observed: 'seen',
      explanation: bruise.explanation,
      explanationSource: 'parent',
      childMobile: false,
      medical: false,
    },
    `Bruise seen on a non-mobile baby (${bruise.site}). ${bruise.explanation}.`,
    { significant: true },
  )
  h.emit(
    'concern.raised',
    day,
    seenBy,
    [baby],
    { referrer: 'professional', category: 'physical', about: carer?.id },
    'Bruising to a non-mobile baby: referred under the bruising protocol.',
    { significant: true },
  )
  day += r.int(0, 1)
  if (r.chance(0.5)) {
    // Good practice: strategy discussion the same day, medical, s47.
    h.emit(
      'referral.decision',
      day,
      h.frontDoorManager(),
      [baby],
      { outcome: 'strategy-discussion', referrerContacted: true },
      'Strategy discussion needed today.',
      { significant: true },
    )
    h.emit(
      'strategy-discussion.held',
      day,
      h.teamManager(),
      [baby],
      { outcome: 'section-47', agencies: ['social-care', 'police', 'health', 'hospital'] },
      'Strategy discussion: section 47 enquiry and child protection medical.',
      { significant: true },
    )
    day += r.int(0, 1)
    const findings = pick(h, ['inconclusive', 'consistent-with-abuse', 'medical-condition'] as const)
    h.emit(
      'medical.examination',
      day,
      h.paediatrician(),
      [baby],
      { findings },
      `Child protection medical: ${findings.replace(/-/g, ' ')}.`,
      { significant: true },
    )
    day += r.int(5, 15)
    const substantiated = findings === 'consistent-with-abuse'
    h.emit(
      'section-47.completed',
      day,
      h.socialWorker(),
      [baby],
      { outcome: substantiated ? 'substantiated' : 'not-substantiated', medical: true },
      substantiated
        ? 'Section 47: concerns substantiated.'
        : 'Section 47: concerns not substantiated; safe sleep and handling advice.',
      { significant: true },
    )
    if (substantiated) {
      day += r.int(10, 15)
      h.emit(
        'conference.held',
        day,
        h.conferenceChair(),
        h.children,
        { kind: 'initial', outcome: 'plan' },
        'Initial child protection conference: child protection plan.',
        { significant: true },
      )
      h.emit(
        'plan.started',
        day,
        h.conferenceChair(),
        h.children,
        { category: 'physical' },
        'Child protection plan: physical abuse.',
        { significant: true },
      )
      h.emit(
        'case.opened',
        day,
        h.socialWorker(),
        h.children,
        { service: 'child-protection' },
        'Case open under a child protection plan.',
        { significant: true },
      )
    }
    return
  }
  // The explanation is accepted at the front door; weeks later the baby comes to hospital (T09, T11, T13).
  h.emit(
    'referral.decision',
    day + 1,
    h.frontDoor(),
    [baby],
    {
      outcome: 'no-further-action',
      referrerContacted: false,
      reason: 'Explanation from parents accepted; handling advice given',
    },
    'No further action: parents’ explanation accepted.',
    { significant: true },
  )
  day += r.int(20, 50)
  h.emit(
    'hospital.attendance',
    day,
    h.emergencyDepartment(),
    [baby],
    { reason: 'injury', delayDays: r.int(1, 3) },
    'Brought in with a swollen leg; parents say it was caught in the cot bars two days ago.',
    { significant: true },
  )
  h.emit(
    'injury.observed',
    day,
    h.paediatrician(),
    [baby],
    {
      site: 'limb',
      kind: 'fracture',
      observed: 'seen',
      explanation: 'Leg caught in the cot bars',
      explanationSource: 'parent',
      childMobile: false,
      medical: true,
    },
    'Fractured femur in a non-mobile baby; explanation does not fit the injury.',
    { significant: true },
  )
  h.emit(
    'concern.raised',
    day,
    h.hospitalSafeguarding(),
    [baby],
    { referrer: 'professional', category: 'physical', about: carer?.id },
    'Hospital safeguarding referral: unexplained fracture.',
    { significant: true },
  )
  day += 1
  h.emit(
    'strategy-discussion.held',
    day,
    h.teamManager(),
    h.children,
    { outcome: 'section-47', agencies: ['social-care', 'police', 'hospital', 'health'] },
    'Strategy discussion: section 47; siblings to be seen.',
    { significant: true },
  )
  h.emit(
    'medical.examination',
    day,
    h.paediatrician(),
    [baby],
    { findings: 'consistent-with-abuse' },
    'Skeletal survey: an older rib fracture as well.',
    { significant: true },
  )
  h.emit(
    'section-47.completed',
    day + r.int(7, 12),
    h.socialWorker(),
    h.children,
    { outcome: 'substantiated', medical: true },
    'Section 47: concerns substantiated.',
    { significant: true },
  )
  h.emit(
    'legal.meeting',
    day + r.int(3, 10),
    h.teamManager(),
    h.children,
    { kind: 'legal-planning', outcome: 'Threshold met; issue care proceedings' },
    'Legal planning meeting.',
    { significant: true },
  )
  h.emit(
    'conference.held',
    day + r.int(12, 15),
    h.conferenceChair(),
    h.children,
    { kind: 'initial', outcome: 'plan' },
    'Initial child protection conference: plans for all the children.',
    { significant: true },
  )
  h.emit(
    'plan.started',
    day + r.int(12, 15),
    h.conferenceChair(),
    h.children,
    { category: 'physical' },
    'Child protection plan: physical abuse.',
    { significant: true },
  )
  if (r.chance(0.15)) {
    h.emit(
      'incident.serious',
      day + r.int(20, 60),
      h.teamManager(),
      [baby],
      { summary: 'Serious incident notified to the national panel' },
      'Serious incident notification made.',
      { significant: true },
    )
  }
}

// ------------------------------------------------------------------------------------------ T07 domestic abuse

function domesticAbuse(h: CaseHistory): void {
  const r = h.random
  const f = h.family
  const victim = f.mother
  const perpetrator = abuser(h)
  if (!victim || !perpetrator) return
  const incidents = r.int(2, 5)
  const levels = ['standard', 'standard', 'medium', 'high', 'high'] as const
  let day = r.int(-350, -220)
  let assessed = false
  if (r.chance(0.4)) {
    h.emit(
      'police.record',
      r.int(-1400, -500),
      h.police('publicProtection'),
      [perpetrator],
      { person: perpetrator.id, kind: 'conviction', offence: 'violence' },
      'Convicted of assault on a previous partner.',
      { historic: true },
    )
  }
  for (let i = 0; i < incidents; i++) {
    const childPresent = r.chance(0.7)
    const riskLevel = levels[Math.min(i + r.int(0, 1), levels.length - 1)] ?? 'standard'
    const children = h.childrenOn(day)
    h.emit(
      'police.domestic-abuse',
      day,
      h.police('domesticAbuse'),
      [victim, perpetrator, ...children],
      {
        riskLevel,
        childPresent,
        perpetrator: perpetrator.id,
        victim: victim.id,
      },
      childPresent
        ? 'Domestic incident: shouting and a door broken; the children were in the house.'
        : 'Domestic incident reported by a neighbour; children at their grandmother’s.',
      { significant: childPresent || riskLevel === 'high' },
    )
    if (riskLevel !== 'standard' && r.chance(0.6)) {
      h.emit(
        'police.arrest',
        day,
        h.police('domesticAbuse'),
        [perpetrator],
        { offence: 'domestic-abuse', outOfArea: false },
        'Arrested at the address; released on bail with conditions.',
        { significant: true },
      )
      h.emit(
        'police.record',
        day + 1,
        h.police('domesticAbuse'),
        [perpetrator],
        { person: perpetrator.id, kind: 'bail', offence: 'domestic-abuse' },
        'Bail: not to contact the victim or attend the address.',
      )
    }
    const pupil = children.find(c => c.school && h.ageOn(c, day) >= 4)
    if (pupil && childPresent) {
      h.emit(
        'school.concern',
        day + 1,
        h.schoolLead(pupil),
        [pupil],
        { summary: 'Operation Encompass notification received' },
        'Operation Encompass: police attended a domestic incident at home last night. Child quiet and tired.',
      )
    }
    if (riskLevel !== 'standard' || i === incidents - 1) {
      h.emit(
        'concern.raised',
        day + 1,
        h.police('publicProtection'),
        children,
        { referrer: 'professional', category: 'domestic-abuse', about: perpetrator.id },
        `Police notification: domestic incident (${riskLevel} risk).`,
      )
      if (!assessed && i < incidents - 1) {
        h.emit(
          'referral.decision',
          day + 2,
          h.frontDoor(),
          children,
          { outcome: 'no-further-action', referrerContacted: false, reason: 'Mother says the relationship is over' },
          'No further action: mother says the relationship has ended.',
          { significant: true },
        )
        h.emit(
          'household.left',
          day + 3,
          h.police('domesticAbuse'),
          children,
          { person: perpetrator.id },
          'Perpetrator has left the address.',
        )
      } else if (!assessed) {
        assessed = true
        h.emit(
          'referral.decision',
          day + 2,
          h.frontDoor(),
          children,
          { outcome: 'assessment', referrerContacted: true },
          'Repeat incidents: accepted for assessment.',
          { significant: true },
        )
      }
    }
    if (i === 1) {
      h.emit(
        'appointment.attended',
        day + r.int(3, 10),
        h.domesticAbuseAdviser(),
        [victim],
        { service: 'domestic-abuse-support' },
        'Independent domestic violence adviser: safety plan agreed with mother.',
      )
      if (r.chance(0.5)) {
        h.emit(
          'household.joined',
          day + r.int(20, 40),
          h.healthVisitor(),
          children,
          { person: perpetrator.id, checked: false },
          'Father back living at the address, mother says.',
        )
      }
    }
    day += r.int(25, 70)
  }
  if (r.chance(0.5)) {
    h.emit(
      'adult.substance-misuse',
      day - r.int(10, 40),
      h.probationOfficer(),
      [perpetrator, ...h.children],
      { person: perpetrator.id, severity: pick(h, ['medium', 'high'] as const) },
      'Probation: alcohol use increasing; missed two appointments.',
    )
  }
  if (r.chance(0.4)) {
    h.emit(
      'adult.mental-health',
      day - r.int(10, 60),
      h.gp(),
      [victim, ...h.children],
      { person: victim.id, severity: 'medium' },
      'Mother seen by GP with low mood and anxiety; started on medication.',
    )
  }
  if (r.chance(0.15)) {
    h.emit(
      'pregnancy.noted',
      day - r.int(5, 60),
      h.gp(),
      [victim, ...h.children],
      { person: victim.id, dueDay: r.int(30, 200) },
      'Mother is pregnant.',
      { significant: true },
    )
  }
  if (assessed) {
    const eldest = h.children[0]
    day += r.int(5, 20)
    h.emit(
      'information.requested',
      day,
      h.assessmentWorker(),
      h.children,
      { from: 'probation', requestRef: `IR-${f.index}` },
      'Asked probation what is known about the father.',
    )
    h.emit(
      'information.provided',
      day + r.int(2, 12),
      h.probationOfficer(),
      h.children,
      { to: 'social-care', requestRef: `IR-${f.index}` },
      'Probation replied: on licence; history of violence to partners.',
    )
    day += r.int(15, 35)
    if (eldest && h.ageOn(eldest, day) >= 5) {
      h.emit(
        'child.voice-recorded',
        day - 3,
        h.assessmentWorker(),
        [eldest],
        { summary: 'Hides upstairs with a sibling when the shouting starts' },
        'Child says they hide upstairs with their brother or sister when the shouting starts.',
      )
    }
    h.emit(
      'assessment.completed',
      day,
      h.assessmentWorker(),
      h.children,
      {
        outcome: 'child-in-need',
        riskLevel: 'medium',
        childSeenAlone: eldest !== undefined && h.ageOn(eldest, day) >= 5 && r.chance(0.6),
        basis: pick(h, ['parent-account', 'child-account', 'third-party'] as const),
      },
      'Assessment completed: child in need plan; safety planning with mother.',
    )
    h.emit('case.opened', day, h.socialWorker(), h.children, { service: 'child-in-need' }, 'Child in need plan.', {
      significant: true,
    })
  }
}

// ------------------------------------------------------------------------------------------ T03 new partner

function newPartner(h: CaseHistory): void {
  const r = h.random
  const f = h.family
  const partner = f.partner
  const joined = f.partnerJoinedDay
  if (!partner || joined === undefined) return
  h.emit(
    'police.record',
    r.int(-1500, -420),
    h.police('publicProtection'),
    [partner],
    {
      person: partner.id,
      kind: pick(h, ['conviction', 'restraining-order', 'conviction'] as const),
      offence: pick(h, ['violence', 'domestic-abuse', 'against-child'] as const),
    },
    'Previous conviction and restraining order in respect of a former partner and her child.',
    { historic: true },
  )
  const young = youngest(h.children)
  if (!young) return
  const youngIsPupil = young.school && h.ageOn(young, joined) >= 4
  let day = joined + r.int(14, 50)
  h.emit(
    'household.joined',
    day,
    youngIsPupil ? h.schoolLead(young) : h.healthVisitor(),
    h.children,
    { person: partner.id, checked: false },
    'Mother’s new partner living at the address; mother says he is “great with the kids”. Not known to us; no checks made.',
    { significant: true },
  )
  day += r.int(30, 90)
  const site = pick(h, ['back', 'face', 'limb', 'ear'] as const)
  const by = youngIsPupil ? h.schoolLead(young) : h.healthVisitor()
  h.emit(
    'injury.observed',
    day,
    by,
    [young],
    {
      site,
      kind: 'bruise',
      observed: 'seen',
      explanation: 'Fell off a scooter',
      explanationSource: 'parent',
      childMobile: true,
      medical: false,
    },
    `Bruising to the ${site === 'limb' ? 'upper arm' : site}; mother says the child fell off a scooter.`,
    { significant: true },
  )
  h.emit(
    'concern.raised',
    day,
    by,
    [young],
    { referrer: 'professional', category: 'physical', about: partner.id },
    'Bruising, and a new adult in the household.',
    { significant: true },
  )
  day += r.int(1, 3)
  h.emit(
    'referral.decision',
    day,
    h.frontDoor(),
    [young],
    { outcome: 'assessment', referrerContacted: true },
    'Accepted for assessment.',
  )
  h.emit(
    'police.check',
    day + 1,
    h.assessmentWorker(),
    [young],
    { about: partner.id, result: r.chance(0.6) ? 'not-returned' : 'trace' },
    'Police check requested on the mother’s partner.',
  )
  day += r.int(15, 30)
  h.emit(
    'visit.completed',
    day - 5,
    h.assessmentWorker(),
    h.children,
    { childSeen: true, seenAlone: false, announced: true, location: 'home', othersPresent: [partner.id] },
    'Home visit with mother and partner present; children seen together.',
  )
  h.emit(
    'assessment.completed',
    day,
    h.assessmentWorker(),
    h.children,
    { outcome: 'no-further-action', riskLevel: 'low', childSeenAlone: false, basis: 'parent-account' },
    'Mother says her partner does not live at the address and is never alone with the children. No further action.',
  )
  h.emit(
    'case.closed',
    day,
    h.assessmentWorker(),
    h.children,
    { reason: 'no-further-action' },
    'Case closed after assessment.',
    { significant: true },
  )
  if (r.chance(0.45)) {
    day += r.int(30, 80)
    h.emit(
      'hospital.attendance',
      day,
      h.emergencyDepartment(),
      [young],
      { reason: 'injury', delayDays: r.int(1, 3) },
      'Head injury; says the child fell down the stairs. Late presentation.',
      { significant: true },
    )
    h.emit(
      'injury.observed',
      day,
      h.emergencyDepartment(),
      [young],
      {
        site: 'head',
        kind: 'bruise',
        observed: 'seen',
        explanation: 'Fell down the stairs',
        explanationSource: 'carer',
        childMobile: true,
        medical: true,
      },
      'Bruising to the head and a second bruise to the ear.',
      { significant: true },
    )
  }
}

// ------------------------------------------------------------------------------------------ T06 neglect and a plan

function neglectPlan(h: CaseHistory): void {
  const r = h.random
  let day = r.int(Math.max(-350, firstBirth(h)), -240)
  const children = h.childrenOn(day)
  const focus = youngest(children)
  if (!focus) return
  for (const pupil of schoolAge(h, day)) {
    for (let i = 0; i < 3; i++)
      h.emit(
        'school.absence',
        day + r.int(0, 60),
        h.schoolOffice(pupil),
        [pupil],
        { sessions: r.int(4, 9) },
        'Unauthorised absence; no reason given.',
      )
    h.emit(
      'school.concern',
      day + r.int(30, 70),
      h.schoolLead(pupil),
      [pupil],
      { summary: 'Hungry and unkempt' },
      'Arrives hungry; uniform unwashed; asking other children for food.',
    )
  }
  if (h.ageOn(focus, day) < 5) {
    h.emit(
      'health.growth',
      day + r.int(10, 50),
      h.healthVisitor(),
      [focus],
      { weightCentile: 9, trend: 'falling' },
      'Weight falling across centiles.',
    )
    h.emit(
      'appointment.was-not-brought',
      day + r.int(20, 60),
      h.healthVisitor(),
      [focus],
      { service: 'health-visiting', reason: 'unknown', rebooked: true },
      'Not brought to review.',
    )
  }
  h.emit(
    'home.conditions',
    day + r.int(40, 70),
    h.healthVisitor(),
    children,
    { sleep: 'unsafe', conditions: 'poor', temporaryAccommodation: false },
    'Home cold and cluttered; dog mess on the floor; no bedding on the children’s beds.',
  )
  day += r.int(75, 90)
  const referrer = focus.school ? (h.schoolLead(focus) ?? h.healthVisitor()) : h.healthVisitor()
  h.emit(
    'concern.raised',
    day,
    referrer,
    children,
    { referrer: 'professional', category: 'neglect' },
    'Cumulative concerns: hunger, absence, home conditions.',
    { significant: true },
  )
  h.emit(
    'referral.decision',
    day + 1,
    h.frontDoor(),
    children,
    { outcome: 'assessment', referrerContacted: true },
    'Accepted for assessment.',
  )
  day += r.int(15, 30)
  h.emit(
    'assessment.completed',
    day,
    h.assessmentWorker(),
    children,
    { outcome: 'section-47', riskLevel: 'high', childSeenAlone: r.chance(0.5), basis: 'observation' },
    'Assessment: significant harm through neglect is likely.',
    { significant: true },
  )
  h.emit(
    'strategy-discussion.held',
    day + 1,
    h.teamManager(),
    children,
    { outcome: 'section-47', agencies: ['social-care', 'police', 'health', 'school'] },
    'Strategy discussion: section 47 enquiry.',
    { significant: true },
  )
  h.emit(
    'section-47.completed',
    day + r.int(8, 14),
    h.socialWorker(),
    children,
    { outcome: 'substantiated', medical: false },
    'Section 47: neglect substantiated.',
    { significant: true },
  )
  day += r.int(15, 20)
  h.emit(
    'conference.held',
    day,
    h.conferenceChair(),
    children,
    { kind: 'initial', outcome: 'plan' },
    'Initial child protection conference: plans for neglect.',
    { significant: true },
  )
  h.emit(
    'plan.started',
    day,
    h.conferenceChair(),
    children,
    { category: 'neglect' },
    'Child protection plan: neglect.',
    { significant: true },
  )
  h.emit(
    'case.opened',
    day,
    h.socialWorker(),
    children,
    { service: 'child-protection' },
    'Case open under a child protection plan.',
    { significant: true },
  )
  h.emit(
    'agreement.made',
    day,
    h.socialWorker(),
    children,
    { summary: 'Children at school every day; home cleared; health appointments kept' },
    'Written agreement with parents.',
  )
  // Where the parents need an interpreter, a relative too often interprets (T18, R02d).
  const interpreter = h.family.needsInterpreter ? (r.chance(0.5) ? 'family-member' : 'independent') : 'not-needed'
  let broken = false
  for (let visit = 0; day < -5 && visit < 12; visit++) {
    day += r.int(8, 16)
    const unannounced = r.chance(0.3)
    if (unannounced && r.chance(0.5)) {
      h.emit(
        'visit.no-access',
        day,
        h.socialWorker(),
        children,
        { announced: false, reason: 'not-home' },
        'Unannounced visit: no answer, though the television was on.',
      )
      continue
    }
    const seenAlone = r.chance(0.35)
    h.emit(
      'visit.completed',
      day,
      h.socialWorker(),
      children,
      { childSeen: true, seenAlone, announced: !unannounced, location: 'home', interpreter },
      seenAlone
        ? 'Statutory visit: children seen alone in their bedrooms.'
        : 'Statutory visit: children seen with mother present; house tidier.',
    )
    if (!broken && r.chance(0.25)) {
      broken = true
      h.emit(
        'agreement.broken',
        day,
        h.socialWorker(),
        children,
        { summary: 'Children absent from school again' },
        'Agreement not kept: school attendance has fallen again.',
      )
    } else if (r.chance(0.25)) {
      h.emit(
        'agreement.kept',
        day,
        h.socialWorker(),
        children,
        { summary: 'Home conditions improved' },
        'Home conditions improved since the last visit.',
      )
    }
    if (visit === 6) {
      h.emit(
        'conference.held',
        day + 2,
        h.conferenceChair(),
        children,
        { kind: 'review', outcome: 'plan' },
        'Review conference: plan continues; little change.',
        { significant: true },
      )
      if (broken && r.chance(0.5))
        h.emit(
          'legal.meeting',
          day + 10,
          h.teamManager(),
          children,
          { kind: 'pre-proceedings', outcome: 'Letter before proceedings sent', remote: false },
          'Pre-proceedings meeting with parents and their solicitor.',
          { significant: true },
        )
    }
  }
}

// ------------------------------------------------------------------------------------------ T05 start again

const referrerKinds = ['neighbour', 'relative', 'professional', 'anonymous', 'professional'] as const

function repeatReferrals(h: CaseHistory): void {
  const r = h.random
  let day = r.int(Math.max(-355, firstBirth(h)), -300)
  const children = h.childrenOn(day)
  const focus = pick(h, children)
  const count = r.int(3, 5)
  for (let k = 0; k < count; k++) {
    const referrer = referrerKinds[k] ?? 'professional'
    const byProfessional = referrer === 'professional' ? (h.schoolLead(focus) ?? h.gp()) : h.frontDoor()
    h.emit(
      'concern.raised',
      day,
      byProfessional,
      [focus],
      { referrer, category: pick(h, ['neglect', 'emotional', 'physical'] as const) },
      pick(h, [
        'Children left alone in the evening.',
        'Shouting and crying heard late at night.',
        'Child says there is no food at home.',
        'Child seen out alone after dark.',
      ]),
    )
    day += r.int(1, 3)
    h.reallocate()
    if (k === 0) {
      h.emit(
        'referral.decision',
        day,
        h.frontDoor(),
        [focus],
        { outcome: 'no-further-action', referrerContacted: false, reason: 'No role for children’s social care' },
        'No further action.',
      )
    } else if (k === 1) {
      h.emit(
        'referral.decision',
        day,
        h.frontDoor(),
        [focus],
        { outcome: 'no-further-action', referrerContacted: false, reason: 'malicious' },
        'No further action: family dispute; parent says the referrer is malicious.',
        { significant: true },
      )
    } else if (k === 2) {
      h.emit(
        'referral.decision',
        day,
        h.frontDoor(),
        [focus],
        { outcome: 'assessment', referrerContacted: true },
        'Accepted for assessment.',
      )
      day += r.int(20, 35)
      h.emit(
        'assessment.completed',
        day,
        h.assessmentWorker(),
        children,
        { outcome: 'no-further-action', riskLevel: 'low', childSeenAlone: false, basis: 'parent-account' },
        'Assessment: parents engaging; no further action.',
      )
      h.emit('case.closed', day, h.assessmentWorker(), children, { reason: 'no-further-action' }, 'Case closed.', {
        significant: true,
      })
      const school = h.schoolLead(focus)
      if (school && r.chance(0.6)) {
        h.emit(
          'disagreement.raised',
          day + r.int(3, 10),
          school,
          [focus],
          { stage: 1, summary: 'School disagrees with closure: third referral this year' },
          'School challenges the closure.',
        )
        h.emit(
          'disagreement.resolved',
          day + r.int(12, 20),
          h.frontDoorManager(),
          [focus],
          { stage: 1, summary: 'Closure upheld; school to refer again if worried' },
          'Manager upheld the decision.',
        )
      }
    } else if (k === 3) {
      h.emit(
        'referral.decision',
        day,
        h.frontDoor(),
        [focus],
        { outcome: 'assessment', referrerContacted: true },
        'Re-referral within weeks of closure: accepted for assessment.',
      )
      day += r.int(20, 35)
      h.emit(
        'assessment.completed',
        day,
        h.socialWorker(),
        children,
        { outcome: 'child-in-need', riskLevel: 'medium', childSeenAlone: true, basis: 'child-account' },
        'Assessment: child in need.',
      )
      h.emit(
        'case.opened',
        day,
        h.socialWorker(),
        children,
        { service: 'child-in-need' },
        'Case re-opened: child in need plan.',
        { significant: true },
      )
      day += r.int(30, 50)
      h.emit(
        'risk.rating-changed',
        day,
        h.socialWorker(),
        children,
        { from: 'medium', to: 'low' },
        'Risk lowered: parents say things are better.',
      )
      h.emit(
        'case.closed',
        day + r.int(5, 15),
        h.socialWorker(),
        children,
        { reason: 'stepped-down' },
        'Stepped down to early help.',
        { significant: true },
      )
    } else {
      h.emit(
        'referral.decision',
        day,
        h.frontDoor(),
        [focus],
        { outcome: 'early-help', referrerContacted: true },
        'Stepped to early help again.',
      )
    }
    day += r.int(30, 75)
  }
}

// ------------------------------------------------------------------------------------------ T16 exploitation

const places = [
  { place: 'Northam bus station', kind: 'transport' },
  { place: 'Castlegate Park skate area', kind: 'park' },
  { place: 'Flat above the takeaway, Harbour Road', kind: 'address' },
  { place: 'Chicken shop, Millbrook High Street', kind: 'shop' },
  { place: 'Group chat on a messaging app', kind: 'online' },
] as const

function exploitation(h: CaseHistory): void {
  const r = h.random
  const teen = h.children.find(c => h.ageOn(c, -200) >= 12 && h.ageOn(c, 0) <= 17)
  if (!teen) return
  const boy = teen.sex === 'M'
  let day = r.int(-340, -260)
  const associate = h.extras.addAdult({ sex: 'M', age: r.int(19, 27) })
  h.extras.relate(teen, associate, 'associate', day)
  h.emit(
    'police.record',
    r.int(-900, -380),
    h.police('missing'),
    [associate],
    { person: associate.id, kind: 'intelligence', offence: 'supply' },
    'Intelligence: believed to run a drugs line into the county.',
    { historic: true },
  )
  for (let i = 0; i < 3; i++)
    h.emit(
      'school.absence',
      day + r.int(0, 50),
      h.schoolOffice(teen),
      [teen],
      { sessions: r.int(4, 10) },
      'Truanting: registered then left the site.',
    )
  h.emit(
    'exploitation.indicator',
    day + r.int(20, 50),
    h.schoolLead(teen),
    [teen],
    { indicator: 'new-phone' },
    'Has a second phone and new expensive trainers; will not say where from.',
  )
  h.emit(
    'school.exclusion',
    day + r.int(40, 60),
    h.schoolLead(teen),
    [teen],
    { kind: 'fixed-term' },
    'Fixed-term exclusion: found with cannabis.',
  )
  day += r.int(50, 70)
  const episodes = r.int(2, 5)
  let outOfArea = false
  for (let i = 0; i < episodes; i++) {
    const found = r.chance(0.4) ? pick(h, elsewhere).town : 'Northam'
    outOfArea ||= found !== 'Northam'
    const hours = r.int(6, 72)
    h.emit(
      'missing.episode',
      day,
      h.police('missing'),
      [teen],
      {
        hours,
        returnInterview: pick(h, ['offered', 'declined', 'completed', 'none'] as const),
        foundOutOfArea: found !== 'Northam',
      },
      `Reported missing by mother; found after ${hours} hours in ${found}.`,
      { significant: true },
    )
    day += r.int(10, 30)
  }
  h.emit(
    'exploitation.indicator',
    day,
    h.police('missing'),
    [teen],
    { indicator: boy ? pick(h, ['county-lines', 'older-associates'] as const) : 'sexual-exploitation' },
    boy
      ? 'Seen getting into cars with older males; believed to be running drugs.'
      : 'Picked up from school by older males in cars.',
    { significant: true },
  )
  h.emit(
    'association.recorded',
    day,
    h.police('missing'),
    [teen],
    {
      person: associate.id,
      kind: 'adult-of-concern',
      source: 'police-intelligence',
      reliability: 'medium',
      untilDay: day + 180,
    },
    'Associating with an adult of concern.',
  )
  const place = pick(h, places)
  h.emit(
    'place.linked',
    day,
    h.police('missing'),
    [teen],
    { place: place.place, kind: place.kind, source: 'police-intelligence', reliability: 'medium' },
    `Linked to ${place.place}.`,
  )
  h.emit(
    'concern.raised',
    day + 1,
    h.police('publicProtection'),
    [teen],
    { referrer: 'professional', category: 'exploitation', about: associate.id },
    'Police referral: risk of criminal or sexual exploitation.',
    { significant: true },
  )
  day += r.int(2, 5)
  h.emit(
    'strategy-discussion.held',
    day,
    h.exploitationWorker(),
    [teen],
    {
      outcome: r.chance(0.6) ? 'section-47' : 'no-section-47',
      agencies: ['social-care', 'police', 'education', 'health'],
    },
    'Strategy discussion: extra-familial harm.',
    { significant: true },
  )
  h.emit(
    'case.opened',
    day,
    h.exploitationWorker(),
    [teen],
    { service: 'child-in-need' },
    'Open to the exploitation and missing team.',
    { significant: true },
  )
  if (boy || r.chance(0.5)) {
    day += r.int(10, 40)
    h.emit(
      'police.arrest',
      day,
      h.police('neighbourhood'),
      [teen],
      { offence: 'supply', outOfArea: true },
      `Arrested in ${pick(h, elsewhere).town} with cash and two phones.`,
      { significant: true },
    )
  }
  h.emit(
    'nrm.referral',
    day + r.int(2, 10),
    h.exploitationWorker(),
    [teen],
    {},
    'National Referral Mechanism referral made.',
    { significant: true },
  )
  h.emit(
    'child.voice-recorded',
    day + r.int(5, 20),
    h.exploitationWorker(),
    [teen],
    { summary: 'Says they owe money and cannot stop' },
    'Says they owe money to older friends and cannot stop now.',
  )
  day += r.int(15, 40)
  const exclusion = r.chance(0.5) ? 'permanent' : 'managed-move'
  h.emit(
    'school.exclusion',
    day,
    h.schoolLead(teen),
    [teen],
    { kind: exclusion },
    exclusion === 'permanent' ? 'Permanently excluded.' : 'Managed move to another school.',
    { significant: true },
  )
  if (exclusion === 'permanent')
    h.emit(
      'school.roll-change',
      day + r.int(5, 15),
      h.schoolLead(teen),
      [teen],
      { to: 'pupil-referral-unit' },
      'Off roll: placed at the pupil referral unit.',
      { significant: true },
    )
  if (outOfArea && r.chance(0.35)) {
    day += r.int(10, 30)
    h.emit(
      'hospital.attendance',
      day,
      h.emergencyDepartment(),
      [teen],
      { reason: 'injury', delayDays: 0 },
      'Stab wound to the thigh.',
      { significant: true },
    )
    h.emit(
      'injury.observed',
      day,
      h.emergencyDepartment(),
      [teen],
      {
        site: 'limb',
        kind: 'wound',
        observed: 'seen',
        explanation: 'Says they were cut by someone they did not know',
        explanationSource: 'child',
        childMobile: true,
        medical: false,
      },
      'Knife wound; will not say who did it.',
      { significant: true },
    )
  }
}

// ------------------------------------------------------------------------------------------ T15 home education

function homeEducation(h: CaseHistory): void {
  const r = h.random
  const child = h.children.find(c => c.school && h.ageOn(c, 0) >= 6 && h.ageOn(c, 0) <= 15)
  if (!child) return
  let day = r.int(-350, -280)
  h.emit(
    'concern.raised',
    day,
    h.schoolLead(child),
    [child],
    { referrer: 'professional', category: 'neglect' },
    'Child has lost weight and says they are often hungry.',
  )
  h.emit(
    'referral.decision',
    day + 1,
    h.frontDoor(),
    [child],
    { outcome: 'assessment', referrerContacted: true },
    'Accepted for assessment.',
  )
  day += r.int(20, 40)
  h.emit(
    'assessment.completed',
    day,
    h.assessmentWorker(),
    h.children,
    { outcome: 'no-further-action', riskLevel: 'low', childSeenAlone: false, basis: 'parent-account' },
    'Parents say the child is a fussy eater. No further action.',
  )
  h.emit(
    'case.closed',
    day,
    h.assessmentWorker(),
    h.children,
    { reason: 'no-further-action' },
    'Case closed after assessment.',
    { significant: true },
  )
  day += r.int(30, 60)
  h.emit(
    'school.absence',
    day,
    h.schoolOffice(child),
    [child],
    { sessions: r.int(6, 10) },
    'Absent; parent says the child is unwell.',
  )
  h.emit(
    'school.concern',
    day + r.int(5, 15),
    h.schoolLead(child),
    [child],
    { summary: 'Parent hostile at attendance meeting' },
    'Parent angry at the attendance meeting; says the school is picking on the family.',
  )
  day += r.int(20, 40)
  const to = r.chance(0.75) ? 'elective-home-education' : pick(h, ['missing-education', 'off-roll'] as const)
  for (const pupil of schoolAge(h, day)) {
    h.emit(
      'school.roll-change',
      day,
      h.schoolLead(pupil),
      [pupil],
      { to },
      to === 'elective-home-education'
        ? 'Removed from roll: parent has chosen to educate at home.'
        : 'Left the roll; destination unknown.',
      { significant: true },
    )
  }
  day += r.int(10, 30)
  h.emit(
    'visit.no-access',
    day,
    h.educationWelfare(),
    [child],
    { announced: true, reason: 'refused' },
    'Elective home education adviser refused entry; parent says the law does not require a visit.',
  )
  if (r.chance(0.5)) {
    h.emit(
      'concern.raised',
      day + r.int(2, 10),
      h.educationWelfare(),
      [child],
      { referrer: 'professional', category: 'neglect' },
      'Child not seen since leaving school; recent social care involvement.',
    )
    h.emit(
      'referral.decision',
      day + r.int(11, 14),
      h.frontDoor(),
      [child],
      { outcome: 'no-further-action', referrerContacted: true, reason: 'Parents have the right to educate at home' },
      'No further action: home education is lawful.',
      { significant: true },
    )
  }
}

// ------------------------------------------------------------------------------------------ T17 restricted access

function restrictedAccess(h: CaseHistory): void {
  const r = h.random
  const children = h.childrenOn(-330)
  if (children.length === 0) return
  const category = pick(h, ['neglect', 'emotional'] as const)
  h.emit(
    'plan.started',
    r.int(-520, -400),
    h.conferenceChair(),
    children,
    { category },
    `Child protection plan: ${category}.`,
    { significant: true, historic: true },
  )
  let day = r.int(-330, -250)
  h.emit(
    'conference.held',
    day,
    h.conferenceChair(),
    children,
    { kind: 'review', outcome: 'plan' },
    'Review conference: plan continues.',
    { significant: true },
  )
  day += r.int(10, 30)
  h.emit(
    'service.restricted',
    day,
    h.socialWorker(),
    children,
    { reason: 'Family say they are isolating with an infectious illness', untilDay: day + 28 },
    'Family ask for contact by video call while they are unwell.',
  )
  for (let i = 0; i < 3; i++) {
    day += r.int(6, 10)
    if (r.chance(0.6))
      h.emit(
        'visit.completed',
        day,
        h.socialWorker(),
        children,
        { childSeen: true, seenAlone: false, announced: true, remote: true },
        'Video call: children seen briefly on screen; mother says all is fine.',
      )
    else
      h.emit(
        'visit.no-access',
        day,
        h.socialWorker(),
        children,
        { announced: false, reason: 'isolating' },
        'Visit refused at the door: mother says the family is isolating.',
      )
  }
  const baby = youngest(children)
  if (baby && h.ageOn(baby, day) < 5) {
    h.emit(
      'appointment.cancelled',
      day + 2,
      h.healthVisitor(),
      [baby],
      { service: 'health-visiting', by: 'family', reason: 'isolating', rebooked: true },
      'Review cancelled by mother: family isolating.',
    )
  }
  h.emit(
    'agreement.made',
    day + 3,
    h.socialWorker(),
    children,
    { summary: 'Children to be seen in person within a week' },
    'Agreed with parents: children to be seen in person next week.',
  )
  day += r.int(7, 14)
  h.emit(
    'agreement.broken',
    day,
    h.socialWorker(),
    children,
    { summary: 'Visit cancelled again' },
    'In-person visit cancelled again.',
  )
  day += r.int(3, 10)
  h.emit(
    'visit.completed',
    day,
    h.socialWorker(),
    children,
    { childSeen: true, seenAlone: false, announced: false, remote: false, location: 'home' },
    'Unannounced visit: children seen; thin, and the home is in poor order.',
    { significant: true },
  )
  h.emit(
    'home.conditions',
    day,
    h.socialWorker(),
    children,
    { sleep: 'unsafe', conditions: 'squalid', temporaryAccommodation: false },
    'Home conditions squalid; no food in the house.',
    { significant: true },
  )
  h.emit(
    'strategy-discussion.held',
    day + 1,
    h.teamManager(),
    children,
    { outcome: 'section-47', agencies: ['social-care', 'police', 'health'] },
    'Strategy discussion after the visit.',
    { significant: true },
  )
}

// ------------------------------------------------------------------------------------------ T10 relatives not heard

function relativeConcernDismissed(h: CaseHistory): void {
  const r = h.random
  const child = h.children.find(c => h.ageOn(c, -200) >= 1 && h.ageOn(c, 0) <= 10)
  if (!child) return
  const parent = h.mainCarer
  const grandmother = h.extras.addAdult({ sex: 'F', age: r.int(52, 68), older: true })
  h.extras.relate(child, grandmother, 'grandparent', child.birthDay)
  let day = r.int(-330, -160)
  h.emit(
    'concern.raised',
    day,
    h.frontDoor(),
    [child],
    {
      referrer: 'relative',
      referrerRef: grandmother.id,
      category: 'physical',
      about: h.family.partner?.id ?? parent?.id,
    },
    'Grandmother reports bruises on both arms, seen at weekend contact.',
    { significant: true },
  )
  h.emit(
    'evidence.received',
    day,
    h.frontDoor(),
    [child],
    { kind: 'photo', from: 'family', summary: 'Photographs of bruising to both upper arms' },
    'Grandmother sent photographs of the bruises.',
  )
  h.emit(
    'referral.decision',
    day + 1,
    h.frontDoor(),
    [child],
    { outcome: 'no-further-action', referrerContacted: false, reason: 'malicious' },
    'No further action: parents say the grandmother is malicious after a row about contact.',
    { significant: true },
  )
  day += r.int(25, 90)
  const school = h.schoolLead(child)
  const seenBy = school ?? h.healthVisitor()
  const site = pick(h, ['face', 'ear', 'neck'] as const)
  h.emit(
    'injury.observed',
    day,
    seenBy,
    [child],
    {
      site,
      kind: 'bruise',
      observed: 'seen',
      explanation: 'Walked into a door',
      explanationSource: 'child',
      childMobile: true,
      medical: false,
    },
    `Bruise to the ${site}; child says they walked into a door, then would not talk.`,
    { significant: true },
  )
  h.emit(
    'concern.raised',
    day,
    seenBy,
    [child],
    { referrer: 'professional', category: 'physical' },
    'Second report of bruising in three months.',
    { significant: true },
  )
  h.emit(
    'referral.decision',
    day + 1,
    h.frontDoorManager(),
    [child],
    { outcome: 'strategy-discussion', referrerContacted: true },
    'Strategy discussion needed.',
    { significant: true },
  )
  h.emit(
    'strategy-discussion.held',
    day + 1,
    h.teamManager(),
    [child],
    { outcome: 'section-47', agencies: ['social-care', 'police', 'school'] },
    'Strategy discussion: section 47 enquiry.',
    { significant: true },
  )
  const medical = r.chance(0.5)
  if (medical)
    h.emit(
      'medical.examination',
      day + 2,
      h.paediatrician(),
      [child],
      { findings: 'consistent-with-abuse' },
      'Child protection medical: grip marks.',
      { significant: true },
    )
  h.emit(
    'section-47.completed',
    day + r.int(8, 14),
    h.socialWorker(),
    [child],
    { outcome: 'substantiated', medical },
    'Section 47: physical abuse substantiated.',
    { significant: true },
  )
}

const patterns: readonly Pattern[] = [
  { name: 'early-help', weight: 22, eligible: h => firstBirth(h) <= -104, write: earlyHelp },
  {
    name: 'was-not-brought',
    weight: 14,
    eligible: h => h.children.some(c => c.birthDay <= -180 && h.ageOn(c, -120) < 5),
    write: wasNotBrought,
  },
  {
    name: 'baby-injury',
    weight: 40,
    eligible: h => h.children.some(c => c.birthDay >= -200 && c.birthDay <= -45),
    write: babyInjury,
  },
  { name: 'domestic-abuse', weight: 16, eligible: h => abuser(h) !== undefined, write: domesticAbuse },
  {
    name: 'new-partner',
    weight: 120,
    eligible: h => h.family.partnerJoinedDay !== undefined && h.family.partnerJoinedDay > -300,
    write: newPartner,
  },
  { name: 'neglect-plan', weight: 8, eligible: h => firstBirth(h) <= -240, write: neglectPlan },
  { name: 'repeat-referrals', weight: 9, eligible: h => firstBirth(h) <= -300, write: repeatReferrals },
  {
    name: 'exploitation',
    weight: 14,
    eligible: h => h.children.some(c => h.ageOn(c, -200) >= 12 && h.ageOn(c, 0) <= 17),
    write: exploitation,
  },
  {
    name: 'home-education',
    weight: 6,
    eligible: h => h.children.some(c => c.school && h.ageOn(c, 0) >= 6 && h.ageOn(c, 0) <= 15),
    write: homeEducation,
  },
  { name: 'restricted-access', weight: 4, eligible: h => h.childrenOn(-330).length > 0, write: restrictedAccess },
  {
    name: 'relative-concern-dismissed',
    weight: 6,
    eligible: h => h.children.some(c => h.ageOn(c, -200) >= 1 && h.ageOn(c, 0) <= 10),
    write: relativeConcernDismissed,
  },
]

/** Perhaps write a safeguarding history for the family; returns which, if any. */
export function maybeWritePattern(h: CaseHistory): DemoPattern | undefined {
  if (!h.random.chance(PATTERN_RATE)) return undefined
  const eligible = patterns.filter(p => p.eligible(h))
  if (eligible.length === 0) return undefined
  const table: WeightedTable<Pattern> = weightedTable(eligible.map(p => [p, p.weight] as const))
  const chosen = h.random.weighted(table)
  chosen.write(h)
  return chosen.name
}
