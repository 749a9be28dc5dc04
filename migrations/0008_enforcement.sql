CREATE TABLE "discretion_benchmarks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"matter_id" uuid NOT NULL,
	"violation" text NOT NULL,
	"circumstances" text NOT NULL,
	"level" varchar(10) NOT NULL,
	"fine_min" numeric(14, 2),
	"fine_max" numeric(14, 2),
	"other_penalties" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "enforcement_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"org_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"kind" varchar(12) NOT NULL,
	"fields" text[] NOT NULL,
	"legal_basis" text NOT NULL,
	"entrusted_by_id" uuid,
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "enforcement_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"officer_id" uuid NOT NULL,
	"certificate_no" varchar(40) NOT NULL,
	"field" varchar(20) NOT NULL,
	"issuer" varchar(100) NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" varchar(10) DEFAULT 'valid' NOT NULL,
	"status_reason" text,
	"replaces_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "enforcement_matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" varchar(200) NOT NULL,
	"category" varchar(12) NOT NULL,
	"field" varchar(20) NOT NULL,
	"org_id" uuid NOT NULL,
	"legal_basis" text NOT NULL,
	"penalty_basis" text,
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "enforcement_officers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"body_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" varchar(50) NOT NULL,
	"user_id" uuid,
	"position" varchar(50),
	"legal_qualification_no" varchar(40),
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "enforcement_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"officer_id" uuid NOT NULL,
	"attended_on" date NOT NULL,
	"course" varchar(200) NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "leniency_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"list" varchar(16) NOT NULL,
	"matter_id" uuid NOT NULL,
	"conditions" text NOT NULL,
	"published_on" date,
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "township_delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"township_org_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"from_org_id" uuid NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"document_no" varchar(60),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "coercive_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"org_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" varchar(16) NOT NULL,
	"party_name" varchar(100) NOT NULL,
	"subject" text NOT NULL,
	"basis" text NOT NULL,
	"started_on" date NOT NULL,
	"due_on" date,
	"extended" boolean DEFAULT false NOT NULL,
	"released_on" date,
	"officer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "enforcement_case_officers" (
	"case_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"certificate_id" uuid NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_case_officers_case_id_officer_id_pk" PRIMARY KEY("case_id","officer_id")
);
--> statement-breakpoint
CREATE TABLE "enforcement_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"body_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"field" varchar(20) NOT NULL,
	"procedure" varchar(10) DEFAULT 'general' NOT NULL,
	"source" varchar(12) NOT NULL,
	"inspection_id" uuid,
	"campaign_id" uuid,
	"party_type" varchar(12) NOT NULL,
	"party_name" varchar(100) NOT NULL,
	"party_id_enc" text,
	"party_id_mask" varchar(24),
	"facts" text NOT NULL,
	"filed_on" date NOT NULL,
	"first_violation" boolean DEFAULT false NOT NULL,
	"leniency_item_id" uuid,
	"proposed_penalties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_fine" numeric(14, 2),
	"benchmark_id" uuid,
	"departure_reason" text,
	"review_required" boolean DEFAULT false NOT NULL,
	"review_triggers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hearing_requested" boolean DEFAULT false NOT NULL,
	"hearing_on" date,
	"outcome" varchar(12),
	"penalties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fine" numeric(14, 2),
	"decided_on" date,
	"decision_no" varchar(60),
	"delivered_on" date,
	"executed_on" date,
	"closed_on" date,
	"archived_on" date,
	"archive_index" jsonb,
	"transferred_to_judiciary" boolean DEFAULT false NOT NULL,
	"corrected_by_case_id" uuid,
	"corrected_on" date
);
--> statement-breakpoint
CREATE TABLE "enforcement_publications" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"source_case_id" uuid,
	"org_id" uuid NOT NULL,
	"kind" varchar(10) NOT NULL,
	"title" varchar(200) NOT NULL,
	"decision_no" varchar(60),
	"decided_on" date NOT NULL,
	"party_masked" varchar(100) NOT NULL,
	"content" text NOT NULL,
	"published_on" date,
	"withdrawn_on" date,
	"withdrawal_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "evaluation_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"title" varchar(200) NOT NULL,
	"year" integer NOT NULL,
	"sheet_id" uuid NOT NULL,
	"sample_per_org" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "evaluation_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"campaign_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"state" varchar(12) DEFAULT 'sampled' NOT NULL,
	"evaluator_id" uuid,
	"scores" jsonb,
	"total" numeric(6, 1),
	"grade" varchar(12),
	"problems" text,
	"rectification_due_on" date,
	"rectified_on" date,
	"rectification_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "evaluation_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"name" varchar(100) NOT NULL,
	"items" jsonb NOT NULL,
	"excellent_from" numeric(6, 1) NOT NULL,
	"qualified_from" numeric(6, 1) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"org_id" uuid NOT NULL,
	"body_id" uuid,
	"matter_id" uuid,
	"field" varchar(20) NOT NULL,
	"campaign_id" uuid,
	"inspected_on" date NOT NULL,
	"target_name" varchar(100) NOT NULL,
	"target_type" varchar(40),
	"target_credit_code" varchar(18),
	"place" varchar(200),
	"result" varchar(16) NOT NULL,
	"rectification_ordered" boolean DEFAULT false NOT NULL,
	"hazards_found" integer DEFAULT 0 NOT NULL,
	"case_id" uuid,
	"place_closed" boolean DEFAULT false NOT NULL,
	"demolished" boolean DEFAULT false NOT NULL,
	"documents_issued" integer DEFAULT 0 NOT NULL,
	"transferred_to_judiciary" boolean DEFAULT false NOT NULL,
	"officer_names" varchar(100),
	"notes" text,
	"import_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "special_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"title" varchar(200) NOT NULL,
	"field" varchar(20) NOT NULL,
	"lead_org_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "reconsideration_cases" ADD COLUMN "challenged_case_id" uuid;--> statement-breakpoint
ALTER TABLE "discretion_benchmarks" ADD CONSTRAINT "discretion_benchmarks_matter_id_enforcement_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."enforcement_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_bodies" ADD CONSTRAINT "enforcement_bodies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_bodies" ADD CONSTRAINT "enforcement_bodies_entrusted_by_id_organisations_id_fk" FOREIGN KEY ("entrusted_by_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_certificates" ADD CONSTRAINT "enforcement_certificates_officer_id_enforcement_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_matters" ADD CONSTRAINT "enforcement_matters_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_officers" ADD CONSTRAINT "enforcement_officers_body_id_enforcement_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_officers" ADD CONSTRAINT "enforcement_officers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_trainings" ADD CONSTRAINT "enforcement_trainings_officer_id_enforcement_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leniency_items" ADD CONSTRAINT "leniency_items_matter_id_enforcement_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."enforcement_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "township_delegations" ADD CONSTRAINT "township_delegations_township_org_id_organisations_id_fk" FOREIGN KEY ("township_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "township_delegations" ADD CONSTRAINT "township_delegations_matter_id_enforcement_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."enforcement_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "township_delegations" ADD CONSTRAINT "township_delegations_from_org_id_organisations_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coercive_measures" ADD CONSTRAINT "coercive_measures_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coercive_measures" ADD CONSTRAINT "coercive_measures_body_id_enforcement_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coercive_measures" ADD CONSTRAINT "coercive_measures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case_officers" ADD CONSTRAINT "enforcement_case_officers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case_officers" ADD CONSTRAINT "enforcement_case_officers_officer_id_enforcement_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case_officers" ADD CONSTRAINT "enforcement_case_officers_certificate_id_enforcement_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."enforcement_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD CONSTRAINT "enforcement_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD CONSTRAINT "enforcement_cases_body_id_enforcement_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD CONSTRAINT "enforcement_cases_matter_id_enforcement_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."enforcement_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD CONSTRAINT "enforcement_cases_leniency_item_id_leniency_items_id_fk" FOREIGN KEY ("leniency_item_id") REFERENCES "public"."leniency_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD CONSTRAINT "enforcement_cases_benchmark_id_discretion_benchmarks_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."discretion_benchmarks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_publications" ADD CONSTRAINT "enforcement_publications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_publications" ADD CONSTRAINT "enforcement_publications_source_case_id_cases_id_fk" FOREIGN KEY ("source_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_publications" ADD CONSTRAINT "enforcement_publications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_campaigns" ADD CONSTRAINT "evaluation_campaigns_sheet_id_evaluation_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."evaluation_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_files" ADD CONSTRAINT "evaluation_files_campaign_id_evaluation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."evaluation_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_files" ADD CONSTRAINT "evaluation_files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_files" ADD CONSTRAINT "evaluation_files_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_body_id_enforcement_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_matter_id_enforcement_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."enforcement_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_campaign_id_special_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."special_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_campaigns" ADD CONSTRAINT "special_campaigns_lead_org_id_organisations_id_fk" FOREIGN KEY ("lead_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discretion_benchmarks_matter_idx" ON "discretion_benchmarks" USING btree ("matter_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_bodies_name_uq" ON "enforcement_bodies" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "enforcement_bodies_org_idx" ON "enforcement_bodies" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_certificates_no_uq" ON "enforcement_certificates" USING btree ("region_code","certificate_no");--> statement-breakpoint
CREATE INDEX "enforcement_certificates_officer_idx" ON "enforcement_certificates" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "enforcement_certificates_valid_idx" ON "enforcement_certificates" USING btree ("region_code","status","valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_matters_code_uq" ON "enforcement_matters" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "enforcement_matters_org_idx" ON "enforcement_matters" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_matters_field_idx" ON "enforcement_matters" USING btree ("region_code","field");--> statement-breakpoint
CREATE INDEX "enforcement_officers_body_idx" ON "enforcement_officers" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "enforcement_officers_org_idx" ON "enforcement_officers" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_officers_user_idx" ON "enforcement_officers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "enforcement_trainings_officer_idx" ON "enforcement_trainings" USING btree ("officer_id","attended_on");--> statement-breakpoint
CREATE INDEX "leniency_items_matter_idx" ON "leniency_items" USING btree ("matter_id","list");--> statement-breakpoint
CREATE INDEX "township_delegations_township_idx" ON "township_delegations" USING btree ("township_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "township_delegations_active_uq" ON "township_delegations" USING btree ("township_org_id","matter_id") WHERE "township_delegations"."until" is null;--> statement-breakpoint
CREATE INDEX "coercive_measures_org_idx" ON "coercive_measures" USING btree ("org_id","started_on");--> statement-breakpoint
CREATE INDEX "coercive_measures_case_idx" ON "coercive_measures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "enforcement_case_officers_officer_idx" ON "enforcement_case_officers" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "enforcement_cases_region_filed_idx" ON "enforcement_cases" USING btree ("region_code","filed_on");--> statement-breakpoint
CREATE INDEX "enforcement_cases_body_idx" ON "enforcement_cases" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "enforcement_cases_campaign_idx" ON "enforcement_cases" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "enforcement_cases_field_idx" ON "enforcement_cases" USING btree ("region_code","field","filed_on");--> statement-breakpoint
CREATE INDEX "enforcement_publications_source_idx" ON "enforcement_publications" USING btree ("source_case_id");--> statement-breakpoint
CREATE INDEX "enforcement_publications_published_idx" ON "enforcement_publications" USING btree ("region_code","published_on");--> statement-breakpoint
CREATE INDEX "evaluation_campaigns_region_idx" ON "evaluation_campaigns" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_files_case_uq" ON "evaluation_files" USING btree ("campaign_id","case_id");--> statement-breakpoint
CREATE INDEX "evaluation_files_org_idx" ON "evaluation_files" USING btree ("campaign_id","org_id");--> statement-breakpoint
CREATE INDEX "inspections_region_day_idx" ON "inspections" USING btree ("region_code","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_org_day_idx" ON "inspections" USING btree ("org_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_campaign_idx" ON "inspections" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "inspections_import_idx" ON "inspections" USING btree ("import_id") WHERE "inspections"."import_id" is not null;--> statement-breakpoint
CREATE INDEX "special_campaigns_region_idx" ON "special_campaigns" USING btree ("region_code","starts_on");--> statement-breakpoint
ALTER TABLE "reconsideration_cases" ADD CONSTRAINT "reconsideration_cases_challenged_case_id_cases_id_fk" FOREIGN KEY ("challenged_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;