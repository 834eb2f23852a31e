import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/index.ts'
import { concernDraft, contact, contactRag, idempotencyKey } from './intake.tables.ts'
import type { Contact, RagChange } from './intake.schema.ts'

export type NewContactRow = typeof contact.$inferInsert
type ContactRow = typeof contact.$inferSelect

const toContact = (row: ContactRow): Contact => row as unknown as Contact

export type StoredAnswer = { status: number; body: unknown }

export class IntakeRepository {
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  with(db: Db): IntakeRepository {
    return new IntakeRepository(db)
  }

  async insertContact(row: NewContactRow): Promise<Contact> {
    const rows = await this.db.insert(contact).values(row).returning()
    return toContact(rows[0]!)
  }

  async findContact(id: string): Promise<Contact | undefined> {
    const rows = await this.db.select().from(contact).where(eq(contact.id, id)).limit(1)
    return rows[0] && toContact(rows[0])
  }

  /** Contacts not yet decided, oldest first. */
  async listOpen(limit: number): Promise<Contact[]> {
    const rows = await this.db.select().from(contact).where(isNull(contact.decidedAt)).orderBy(asc(contact.receivedAt)).limit(limit)
    return rows.map(toContact)
  }

  async listByReferrer(accountId: string, limit: number): Promise<Contact[]> {
    const rows = await this.db.select().from(contact).where(eq(contact.referrerAccountId, accountId)).orderBy(desc(contact.receivedAt)).limit(limit)
    return rows.map(toContact)
  }

  async countContacts(): Promise<number> {
    return this.db.$count(contact)
  }

  async setRag(id: string, change: { rag: string; previousRag: string | null; rationale: string; personId: string; accountId: string | null; practitionerId: string | null; at: Date }): Promise<void> {
    await this.db.update(contact).set({ rag: change.rag }).where(eq(contact.id, id))
    await this.db.insert(contactRag).values({
      contactId: id,
      personId: change.personId,
      rag: change.rag,
      previousRag: change.previousRag,
      rationale: change.rationale,
      setByAccountId: change.accountId,
      setByPractitionerId: change.practitionerId,
      setAt: change.at,
    })
  }

  async listRagHistory(contactId: string): Promise<RagChange[]> {
    const rows = await this.db
      .select({
        id: contactRag.id,
        rag: contactRag.rag,
        previousRag: contactRag.previousRag,
        rationale: contactRag.rationale,
        setByAccountId: contactRag.setByAccountId,
        setByPractitionerId: contactRag.setByPractitionerId,
        setAt: contactRag.setAt,
      })
      .from(contactRag)
      .where(eq(contactRag.contactId, contactId))
      .orderBy(desc(contactRag.setAt), desc(contactRag.id))
    return rows as RagChange[]
  }

  /** Record the decision once: false when the contact was already decided. */
  async decide(id: string, decision: { decision: string; rationale: string; at: Date; accountId: string | null; practitionerId: string | null }): Promise<boolean> {
    const rows = await this.db
      .update(contact)
      .set({
        decision: decision.decision,
        decisionRationale: decision.rationale,
        decidedAt: decision.at,
        decidedByAccountId: decision.accountId,
        decidedByPractitionerId: decision.practitionerId,
      })
      .where(and(eq(contact.id, id), isNull(contact.decidedAt)))
      .returning({ id: contact.id })
    return rows.length === 1
  }

  async findDraft(accountId: string): Promise<{ answers: Record<string, unknown>; updatedAt: Date } | undefined> {
    const rows = await this.db.select({ answers: concernDraft.answers, updatedAt: concernDraft.updatedAt }).from(concernDraft).where(eq(concernDraft.accountId, accountId))
    return rows[0] && { answers: rows[0].answers as Record<string, unknown>, updatedAt: rows[0].updatedAt }
  }

  async saveDraft(accountId: string, answers: Record<string, unknown>, at: Date): Promise<void> {
    await this.db
      .insert(concernDraft)
      .values({ accountId, answers, updatedAt: at })
      .onConflictDoUpdate({ target: concernDraft.accountId, set: { answers, updatedAt: at } })
  }

  async deleteDraft(accountId: string): Promise<void> {
    await this.db.delete(concernDraft).where(eq(concernDraft.accountId, accountId))
  }

  /** Claim an idempotency key: true when this request is the first with it (a concurrent twin waits here on PostgreSQL). */
  async claimKey(apiClientId: string, key: string, requestHash: string): Promise<boolean> {
    const rows = await this.db
      .insert(idempotencyKey)
      .values({ apiClientId, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKey.key })
    return rows.length === 1
  }

  async findKey(apiClientId: string, key: string): Promise<{ requestHash: string; answer: StoredAnswer | undefined } | undefined> {
    const rows = await this.db
      .select()
      .from(idempotencyKey)
      .where(and(eq(idempotencyKey.apiClientId, apiClientId), eq(idempotencyKey.key, key)))
    const row = rows[0]
    if (!row) return undefined
    return { requestHash: row.requestHash, answer: row.status === null ? undefined : { status: row.status, body: row.response } }
  }

  async storeAnswer(apiClientId: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.db
      .update(idempotencyKey)
      .set({ status: answer.status, response: sql`${JSON.stringify(answer.body)}::jsonb` })
      .where(and(eq(idempotencyKey.apiClientId, apiClientId), eq(idempotencyKey.key, key)))
  }
}
