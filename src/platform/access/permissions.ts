import * as z from 'zod'

/**
 * The catalogue of permissions the code checks. Which role holds which permission is data (role_permission);
 * the defaults below are written on every migrate, and a deployment may grant more.
 */
export const Permission = z.enum([
  'child:search',
  'child:view',
  /** See who has looked at a child's record (on records the practitioner may see in full). */
  'record:view-audit',
  /** Review break-glass access to the records their agency owns. */
  'break-glass:review',
  'aggregate:view',
  'audit:view',
  'admin:manage',
  /** Raise a concern about a child (the concern form) and see the outcome of one's own referrals. */
  'concern:raise',
  /** Work the front door: the queue of contacts, RAG ratings and decisions. */
  'contact:decide',
])
export type Permission = z.infer<typeof Permission>

/** What a partner system's API client may be allowed to do. */
export const ApiScope = z.enum(['concerns:write', 'events:write', 'status:read'])
export type ApiScope = z.infer<typeof ApiScope>

export const RoleId = z.enum([
  'referrer',
  'agency-practitioner',
  'front-door-worker',
  'social-worker',
  'team-manager',
  'exploitation-lead',
  'partnership-analyst',
  'auditor',
  'administrator',
])
export type RoleId = z.infer<typeof RoleId>

const casework: Permission[] = ['child:search', 'child:view', 'concern:raise']

export const defaultRoles: { id: RoleId; name: string; description: string; permissions: Permission[] }[] = [
  { id: 'referrer', name: 'Referrer', description: 'Raises concerns about children and sees the outcome of their referrals', permissions: ['child:search', 'concern:raise'] },
  { id: 'agency-practitioner', name: 'Agency practitioner', description: 'Works with children in a partner agency (health, school, police, housing...)', permissions: casework },
  { id: 'front-door-worker', name: 'Front-door worker', description: 'Screens contacts at the multi-agency safeguarding hub', permissions: [...casework, 'contact:decide'] },
  { id: 'social-worker', name: 'Social worker', description: 'Holds cases in children’s social care', permissions: [...casework, 'record:view-audit'] },
  {
    id: 'team-manager',
    name: 'Team manager',
    description: 'Manages a team, approves decisions, reviews break-glass access',
    permissions: [...casework, 'record:view-audit', 'break-glass:review', 'aggregate:view', 'contact:decide'],
  },
  { id: 'exploitation-lead', name: 'Exploitation lead', description: 'Leads work on harm outside the home', permissions: casework },
  { id: 'partnership-analyst', name: 'Partnership analyst', description: 'Sees aggregate figures, never a child’s identity', permissions: ['aggregate:view'] },
  { id: 'auditor', name: 'Auditor', description: 'Reviews the audit trail', permissions: ['audit:view'] },
  { id: 'administrator', name: 'Administrator', description: 'Manages agencies, teams and accounts; sees no child data', permissions: ['admin:manage'] },
]
