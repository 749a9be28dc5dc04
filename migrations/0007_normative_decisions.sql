CREATE TABLE "public_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"consultation_id" uuid NOT NULL,
	"author_name" varchar(64) NOT NULL,
	"contact_cipher" text,
	"contact_mask" varchar(80),
	"content" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"client_key" varchar(64),
	"moderation" varchar(10) DEFAULT 'pending' NOT NULL,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"reject_reason" varchar(200),
	"adoption" varchar(12),
	"adoption_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"entity_type" varchar(40) NOT NULL,
	"entity_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" varchar(200) NOT NULL,
	"explanation" text NOT NULL,
	"draft_text" text,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"shortened_reason" text,
	"closed_at" timestamp with time zone,
	"closed_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "government_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"held_on" date NOT NULL,
	"chair" varchar(64),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "meeting_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"law_related" boolean DEFAULT false NOT NULL,
	"case_id" uuid,
	"outcome" varchar(16) NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "normative_campaign_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"campaign_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"decision" varchar(10),
	"reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "normative_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"title" varchar(200) NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"state" varchar(10) NOT NULL,
	"started_on" date NOT NULL,
	"completed_on" date,
	"published_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "normative_documents" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"title" varchar(200) NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"drafting_explanation" text DEFAULT '' NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"affects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"doc_no" varchar(60),
	"doc_year" integer,
	"doc_seq" integer,
	"numbered_on" date,
	"published_on" date,
	"effective_on" date,
	"valid_until" date,
	"filing_due_on" date,
	"filed_with_government_on" date,
	"filed_with_congress_on" date,
	"status" varchar(10),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "normative_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"document_id" uuid NOT NULL,
	"status" varchar(10) NOT NULL,
	"changed_on" date NOT NULL,
	"by_document_id" uuid,
	"by_text" varchar(200),
	"campaign_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "decision_catalogue_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" varchar(8) NOT NULL,
	"item_id" uuid NOT NULL,
	"item_title" varchar(200) NOT NULL,
	"reason" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"adjusted_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid
);
--> statement-breakpoint
CREATE TABLE "decision_catalogue_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"category" varchar(16) NOT NULL,
	"host_org_id" uuid NOT NULL,
	"planned_time" varchar(40) NOT NULL,
	"exemptions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "decision_catalogues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"state" varchar(12) DEFAULT 'drafted' NOT NULL,
	"party_consent_on" date,
	"party_consent_ref" varchar(200),
	"approved_on" date,
	"published_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "decision_experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" varchar(64) NOT NULL,
	"title" varchar(64) NOT NULL,
	"affiliation" varchar(100) NOT NULL,
	"opinion" text NOT NULL,
	"adopted" boolean NOT NULL,
	"adoption_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "decision_hearings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"held_on" date NOT NULL,
	"place" varchar(100) NOT NULL,
	"participants" text NOT NULL,
	"record" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"catalogue_item_id" uuid NOT NULL,
	"decider_org_id" uuid NOT NULL,
	"category" varchar(16) NOT NULL,
	"summary" text NOT NULL,
	"gates" jsonb NOT NULL,
	"comment_days" integer,
	"shortened_reason" text,
	"risk_level" varchar(8),
	"risk_measures" text,
	"legality_conclusion" varchar(20),
	"party_consulted_on" date,
	"party_consultation_note" text,
	"meeting_item_id" uuid,
	"meeting_kind" varchar(12),
	"meeting_outcome" varchar(16),
	"decided_on" date,
	"decision_text" text,
	"adoption_statement" text,
	"document_no" varchar(60),
	"published_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "legislation_consultations" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"from_body" varchar(100) NOT NULL,
	"document_title" varchar(200) NOT NULL,
	"document_no" varchar(60),
	"draft_title" varchar(200) NOT NULL,
	"received_on" date NOT NULL,
	"reply_due_on" date NOT NULL,
	"summary" text,
	"consolidated_text" text,
	"consolidated_on" date,
	"reply_sent_on" date,
	"reply_document_no" varchar(60),
	"late_reason" text
);
--> statement-breakpoint
CREATE TABLE "legislation_requests" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"consultation_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"note" text,
	"answered_on" date,
	"no_opinion" boolean,
	"opinion" text,
	"contact" varchar(100),
	"late" boolean,
	"adopted" boolean,
	"adoption_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "legislation_research" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"consultation_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" varchar(100),
	"org_count" integer DEFAULT 0 NOT NULL,
	"org_names" text,
	"company_kinds" integer DEFAULT 0 NOT NULL,
	"company_names" text,
	"summary" text NOT NULL,
	"file_ids" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "reconsideration_follow_ups" ADD COLUMN "normative_document_id" uuid;--> statement-breakpoint
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_consultation_id_public_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."public_consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_consultations" ADD CONSTRAINT "public_consultations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "government_meetings" ADD CONSTRAINT "government_meetings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_items" ADD CONSTRAINT "meeting_items_meeting_id_government_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."government_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_campaign_items" ADD CONSTRAINT "normative_campaign_items_campaign_id_normative_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."normative_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_campaign_items" ADD CONSTRAINT "normative_campaign_items_document_id_normative_documents_case_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."normative_documents"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_documents" ADD CONSTRAINT "normative_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_documents" ADD CONSTRAINT "normative_documents_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_status_changes" ADD CONSTRAINT "normative_status_changes_document_id_normative_documents_case_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."normative_documents"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_status_changes" ADD CONSTRAINT "normative_status_changes_by_document_id_normative_documents_case_id_fk" FOREIGN KEY ("by_document_id") REFERENCES "public"."normative_documents"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_catalogue_adjustments" ADD CONSTRAINT "decision_catalogue_adjustments_catalogue_id_decision_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."decision_catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_catalogue_adjustments" ADD CONSTRAINT "decision_catalogue_adjustments_item_id_decision_catalogue_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."decision_catalogue_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_catalogue_items" ADD CONSTRAINT "decision_catalogue_items_catalogue_id_decision_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."decision_catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_catalogue_items" ADD CONSTRAINT "decision_catalogue_items_host_org_id_organisations_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_experts" ADD CONSTRAINT "decision_experts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_hearings" ADD CONSTRAINT "decision_hearings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_catalogue_item_id_decision_catalogue_items_id_fk" FOREIGN KEY ("catalogue_item_id") REFERENCES "public"."decision_catalogue_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decider_org_id_organisations_id_fk" FOREIGN KEY ("decider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_consultations" ADD CONSTRAINT "legislation_consultations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_requests" ADD CONSTRAINT "legislation_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_requests" ADD CONSTRAINT "legislation_requests_consultation_id_cases_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_requests" ADD CONSTRAINT "legislation_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_research" ADD CONSTRAINT "legislation_research_consultation_id_cases_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_comments_consultation_idx" ON "public_comments" USING btree ("consultation_id","moderation","submitted_at");--> statement-breakpoint
CREATE INDEX "public_comments_client_idx" ON "public_comments" USING btree ("client_key","submitted_at");--> statement-breakpoint
CREATE INDEX "public_consultations_entity_idx" ON "public_consultations" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "public_consultations_open_idx" ON "public_consultations" USING btree ("region_code","closes_on");--> statement-breakpoint
CREATE UNIQUE INDEX "government_meetings_no_uq" ON "government_meetings" USING btree ("org_id","kind","year","seq");--> statement-breakpoint
CREATE INDEX "government_meetings_held_idx" ON "government_meetings" USING btree ("region_code","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_items_seq_uq" ON "meeting_items" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE INDEX "meeting_items_case_idx" ON "meeting_items" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "normative_campaign_items_uq" ON "normative_campaign_items" USING btree ("campaign_id","document_id");--> statement-breakpoint
CREATE INDEX "normative_campaign_items_doc_idx" ON "normative_campaign_items" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "normative_campaigns_region_idx" ON "normative_campaigns" USING btree ("region_code","started_on");--> statement-breakpoint
CREATE UNIQUE INDEX "normative_documents_no_uq" ON "normative_documents" USING btree ("region_code","doc_no");--> statement-breakpoint
CREATE UNIQUE INDEX "normative_documents_seq_uq" ON "normative_documents" USING btree ("region_code","issuer_org_id","doc_year","doc_seq");--> statement-breakpoint
CREATE INDEX "normative_documents_issuer_idx" ON "normative_documents" USING btree ("issuer_org_id");--> statement-breakpoint
CREATE INDEX "normative_documents_published_idx" ON "normative_documents" USING btree ("region_code","published_on");--> statement-breakpoint
CREATE INDEX "normative_documents_valid_idx" ON "normative_documents" USING btree ("region_code","valid_until");--> statement-breakpoint
CREATE INDEX "normative_status_changes_doc_idx" ON "normative_status_changes" USING btree ("document_id","changed_on");--> statement-breakpoint
CREATE INDEX "normative_status_changes_by_idx" ON "normative_status_changes" USING btree ("by_document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_catalogue_adjustments_seq_uq" ON "decision_catalogue_adjustments" USING btree ("catalogue_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_catalogue_items_seq_uq" ON "decision_catalogue_items" USING btree ("catalogue_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_catalogues_org_year_uq" ON "decision_catalogues" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "decision_catalogues_region_idx" ON "decision_catalogues" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_experts_seq_uq" ON "decision_experts" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_hearings_seq_uq" ON "decision_hearings" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_catalogue_item_uq" ON "decisions" USING btree ("catalogue_item_id");--> statement-breakpoint
CREATE INDEX "decisions_decided_idx" ON "decisions" USING btree ("region_code","decided_on");--> statement-breakpoint
CREATE INDEX "decisions_published_idx" ON "decisions" USING btree ("region_code","published_on");--> statement-breakpoint
CREATE INDEX "legislation_consultations_received_idx" ON "legislation_consultations" USING btree ("region_code","received_on");--> statement-breakpoint
CREATE INDEX "legislation_consultations_sent_idx" ON "legislation_consultations" USING btree ("region_code","reply_sent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "legislation_requests_org_uq" ON "legislation_requests" USING btree ("consultation_id","org_id");--> statement-breakpoint
CREATE INDEX "legislation_requests_answered_idx" ON "legislation_requests" USING btree ("region_code","answered_on");--> statement-breakpoint
CREATE INDEX "legislation_research_consultation_idx" ON "legislation_research" USING btree ("consultation_id");--> statement-breakpoint
ALTER TABLE "reconsideration_follow_ups" ADD CONSTRAINT "reconsideration_follow_ups_normative_document_id_cases_id_fk" FOREIGN KEY ("normative_document_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_entries_title_idx" ON "search_entries" USING gin ("title_words");--> statement-breakpoint
CREATE INDEX "search_entries_order_idx" ON "search_entries" USING btree ("region_code","year" DESC NULLS LAST,"indexed_at" DESC NULLS LAST,"entity_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_entries_recent_idx" ON "search_entries" USING btree ("year" DESC NULLS LAST,"indexed_at" DESC NULLS LAST,"entity_id" DESC NULLS LAST);