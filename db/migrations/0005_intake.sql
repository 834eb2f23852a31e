CREATE TABLE "concern_draft" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"person_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"referrer_practitioner_id" uuid,
	"referrer_account_id" uuid,
	"referrer_api_client_id" uuid,
	"matched_by" text NOT NULL,
	"event_id" uuid NOT NULL,
	"concern" jsonb NOT NULL,
	"lawful_basis" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_due_at" timestamp with time zone NOT NULL,
	"rag" text,
	"decision" text,
	"decision_rationale" text,
	"decided_at" timestamp with time zone,
	"decided_by_practitioner_id" uuid,
	"decided_by_account_id" uuid,
	CONSTRAINT "contact_reference_key" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "contact_rag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"rag" text NOT NULL,
	"previous_rag" text,
	"rationale" text NOT NULL,
	"set_by_account_id" uuid,
	"set_by_practitioner_id" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_key" (
	"api_client_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_key_pk" PRIMARY KEY("api_client_id","key")
);
--> statement-breakpoint
ALTER TABLE "contact_rag" ADD CONSTRAINT "contact_rag_contact_id_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_person_id_idx" ON "contact" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "contact_open_idx" ON "contact" USING btree ("decided_at","received_at");--> statement-breakpoint
CREATE INDEX "contact_referrer_account_id_idx" ON "contact" USING btree ("referrer_account_id");--> statement-breakpoint
CREATE INDEX "contact_rag_contact_id_idx" ON "contact_rag" USING btree ("contact_id","set_at");--> statement-breakpoint
CREATE INDEX "contact_rag_person_id_idx" ON "contact_rag" USING btree ("person_id");