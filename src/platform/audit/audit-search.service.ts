import { requirePermission, type Actor } from '../access/index.ts'
import type { Database } from '../db/index.ts'
import type { AuditQuery, AuditRow, AuditSearchRepository } from './audit-search.repository.ts'
import type { AuditWriter } from './audit.writer.ts'

export const AUDIT_PAGE = 100
const EXPORT_BATCH = 5_000

const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value)
  // Quote everything that needs it, and defuse spreadsheet formulas.
  const safe = /^[=+@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe
}

export const AUDIT_CSV_HEADER = 'seq,occurred_at,action,actor_email,actor_agency_id,actor_api_client_id,subject_type,subject_id,person_id,reason,request_id,hash'

export function auditCsvLine(row: AuditRow): string {
  return [
    row.seq,
    row.occurredAt,
    row.action,
    row.actorEmail,
    row.actorAgencyId,
    row.actorApiClientId,
    row.subjectType,
    row.subjectId,
    row.personId,
    row.reason,
    row.requestId,
    row.hash,
  ]
    .map(csvCell)
    .join(',')
}

/** The auditor's view of the trail: search by practitioner, child, agency and time; export as CSV. */
export class AuditSearchService {
  private readonly database: Database
  private readonly search: AuditSearchRepository
  private readonly audit: AuditWriter

  constructor(database: Database, search: AuditSearchRepository, audit: AuditWriter) {
    this.database = database
    this.search = search
    this.audit = audit
  }

  async find(actor: Actor, query: AuditQuery, context: { requestId: string | undefined }): Promise<{ rows: AuditRow[]; nextBefore: number | undefined }> {
    requirePermission(actor, 'audit:view')
    const rows = await this.search.search(query, AUDIT_PAGE + 1)
    await this.audit.write(this.database.db, { actor, requestId: context.requestId }, {
      action: 'audit.searched',
      subjectType: 'audit',
      subjectId: 'search',
      details: { ...query },
    })
    const page = rows.slice(0, AUDIT_PAGE)
    return { rows: page, nextBefore: rows.length > AUDIT_PAGE ? page.at(-1)?.seq : undefined }
  }

  /** Every matching event as CSV lines, newest first, fetched a batch at a time. The export is audited first. */
  async *exportCsv(actor: Actor, query: AuditQuery, context: { requestId: string | undefined }): AsyncGenerator<string> {
    requirePermission(actor, 'audit:view')
    await this.audit.write(this.database.db, { actor, requestId: context.requestId }, {
      action: 'audit.exported',
      subjectType: 'audit',
      subjectId: 'export',
      details: { ...query },
    })
    yield `${AUDIT_CSV_HEADER}\r\n`
    let before: number | undefined = query.beforeSeq
    for (;;) {
      const rows = await this.search.search({ ...query, beforeSeq: before }, EXPORT_BATCH)
      if (rows.length === 0) return
      yield rows.map(row => `${auditCsvLine(row)}\r\n`).join('')
      if (rows.length < EXPORT_BATCH) return
      before = rows.at(-1)!.seq
    }
  }
}
