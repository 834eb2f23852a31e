import { randomUUID } from 'node:crypto'
import { requirePermission, type Actor } from '../../platform/access/index.ts'
import type { AuditWriter } from '../../platform/audit/index.ts'
import type { AuthService } from '../../platform/auth/index.ts'
import type { Database } from '../../platform/db/index.ts'
import { ConflictError } from '../../platform/errors/index.ts'
import type { NewAgencyForm, NewPractitionerForm, NewTeamForm } from './agency-admin.forms.ts'
import type { AgencyRepository } from './agency.repository.ts'
import type { Agency, Practitioner, Team } from './agency.schema.ts'
import type { AgencyService } from './agency.service.ts'

/** The administrator's work: agencies, teams, practitioners and their sign-in accounts. No child data. */
export class AgencyAdminService {
  private readonly database: Database
  private readonly agencies: AgencyRepository
  private readonly service: AgencyService
  private readonly auth: AuthService
  private readonly audit: AuditWriter

  constructor(deps: { database: Database; agencies: AgencyRepository; service: AgencyService; auth: AuthService; audit: AuditWriter }) {
    this.database = deps.database
    this.agencies = deps.agencies
    this.service = deps.service
    this.auth = deps.auth
    this.audit = deps.audit
  }

  async overview(actor: Actor): Promise<{ agencies: Agency[]; teams: Team[]; practitioners: Practitioner[] }> {
    requirePermission(actor, 'admin:manage')
    const [agencies, teams, practitioners] = await Promise.all([this.agencies.listAgencies(), this.agencies.listTeams(), this.agencies.listPractitioners()])
    return { agencies, teams, practitioners }
  }

  async addAgency(actor: Actor, form: NewAgencyForm, context: { requestId: string | undefined }): Promise<void> {
    requirePermission(actor, 'admin:manage')
    await this.database.db.transaction(async tx => {
      const repository = this.agencies.with(tx)
      if (await repository.findAgencyByCode(form.code)) throw new ConflictError(`An agency with the code ${form.code} already exists`)
      const id = randomUUID()
      await repository.insertAgencies([{ id, ...form }])
      await this.audit.write(tx, { actor, requestId: context.requestId }, { action: 'agency.created', subjectType: 'agency', subjectId: id })
    })
    this.service.forget()
  }

  async addTeam(actor: Actor, form: NewTeamForm, context: { requestId: string | undefined }): Promise<void> {
    requirePermission(actor, 'admin:manage')
    await this.database.db.transaction(async tx => {
      const id = randomUUID()
      await this.agencies.with(tx).insertTeams([{ id, ...form }])
      await this.audit.write(tx, { actor, requestId: context.requestId }, { action: 'team.created', subjectType: 'team', subjectId: id })
    })
    this.service.forget()
  }

  /** A practitioner with a sign-in account and one role, in one transaction. */
  async addPractitioner(actor: Actor, form: NewPractitionerForm, context: { requestId: string | undefined }): Promise<void> {
    requirePermission(actor, 'admin:manage')
    const passwordHash = await this.auth.hashPassword(form.password)
    await this.database.db.transaction(async tx => {
      const accountId = randomUUID()
      const practitionerId = randomUUID()
      try {
        await this.auth.createAccounts(tx, [
          { id: accountId, email: form.email, displayName: `${form.givenName} ${form.familyName}`, passwordHash, roles: [form.role] },
        ])
      } catch (error) {
        if (/account_email_key/.test(String((error as Error).cause ?? error))) throw new ConflictError(`An account for ${form.email} already exists`)
        throw error
      }
      await this.agencies.with(tx).insertPractitioners([
        {
          id: practitionerId,
          accountId,
          agencyId: form.agencyId,
          teamId: form.teamId,
          givenName: form.givenName,
          familyName: form.familyName,
          jobTitle: form.jobTitle,
          email: form.email,
        },
      ])
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'practitioner.created',
        subjectType: 'practitioner',
        subjectId: practitionerId,
        details: { role: form.role, agencyId: form.agencyId },
      })
    })
  }
}
