CREATE TABLE "role" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_permission" (
	"role_id" text NOT NULL,
	"permission" text NOT NULL,
	CONSTRAINT "role_permission_pk" PRIMARY KEY("role_id","permission")
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_account_id" uuid,
	"actor_agency_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"person_id" uuid,
	"request_id" text,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "account_email_key" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "account_role" (
	"account_id" uuid NOT NULL,
	"role_id" text NOT NULL,
	CONSTRAINT "account_role_pk" PRIMARY KEY("account_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"csrf_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"area" text,
	CONSTRAINT "agency_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "practitioner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid,
	"agency_id" uuid NOT NULL,
	"team_id" uuid,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"job_title" text NOT NULL,
	"email" text,
	"phone" text,
	CONSTRAINT "practitioner_account_id_key" UNIQUE("account_id")
);
--> statement-breakpoint
CREATE TABLE "team" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"practitioner_id" uuid,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"summary" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_significant" boolean DEFAULT false NOT NULL,
	"lawful_basis" text NOT NULL,
	"supersedes_id" uuid
);
--> statement-breakpoint
CREATE TABLE "event_subject" (
	"person_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	CONSTRAINT "event_subject_pk" PRIMARY KEY("person_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "household" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"address" text NOT NULL,
	"postcode" text NOT NULL,
	"area" text
);
--> statement-breakpoint
CREATE TABLE "household_member" (
	"person_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	CONSTRAINT "household_member_pk" PRIMARY KEY("person_id","household_id","from_date")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"given_name" text,
	"middle_names" text,
	"family_name" text,
	"date_of_birth" date,
	"sex" text DEFAULT 'U' NOT NULL,
	"nhs_number" text,
	"upn" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"related_person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_date" date,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "source_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"local_id" text NOT NULL,
	"given_name" text,
	"middle_names" text,
	"family_name" text,
	"date_of_birth" date,
	"sex" text,
	"postcode" text,
	"address" text,
	"nhs_number" text,
	"upn" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_record_agency_local_key" UNIQUE("agency_id","local_id")
);
--> statement-breakpoint
ALTER TABLE "role_permission" ADD CONSTRAINT "role_permission_role_id_role_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."role"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_role" ADD CONSTRAINT "account_role_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_role" ADD CONSTRAINT "account_role_role_id_role_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."role"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner" ADD CONSTRAINT "practitioner_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner" ADD CONSTRAINT "practitioner_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_subject" ADD CONSTRAINT "event_subject_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship" ADD CONSTRAINT "relationship_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship" ADD CONSTRAINT "relationship_related_person_id_person_id_fk" FOREIGN KEY ("related_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_record" ADD CONSTRAINT "source_record_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_person_id_idx" ON "audit_event" USING btree ("person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_event_actor_idx" ON "audit_event" USING btree ("actor_account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "session_account_id_idx" ON "session" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "session_expires_at_idx" ON "session" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "practitioner_agency_id_idx" ON "practitioner" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "practitioner_team_id_idx" ON "practitioner" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "team_agency_id_idx" ON "team" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "event_occurred_on_idx" ON "event" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "event_subject_event_id_idx" ON "event_subject" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "household_member_household_id_idx" ON "household_member" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "person_family_name_idx" ON "person" USING btree (lower("family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "person_nhs_number_idx" ON "person" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "person_date_of_birth_idx" ON "person" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "relationship_person_id_idx" ON "relationship" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "relationship_related_person_id_idx" ON "relationship" USING btree ("related_person_id");--> statement-breakpoint
CREATE INDEX "source_record_person_id_idx" ON "source_record" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "source_record_family_name_idx" ON "source_record" USING btree (lower("family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "source_record_nhs_number_idx" ON "source_record" USING btree ("nhs_number");