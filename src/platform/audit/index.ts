export { AuditWriter, type AuditEntry, type AuditContext, type AuditRecord } from './audit.writer.ts'
