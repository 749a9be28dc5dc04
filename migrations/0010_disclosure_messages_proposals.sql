CREATE TABLE "disclosure_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" varchar(12) NOT NULL,
	"party_name" varchar(100) NOT NULL,
	"sent_on" date NOT NULL,
	"answered_on" date,
	"opinion" varchar(12),
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "disclosure_requests" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"channel" varchar(16) NOT NULL,
	"received_on" date NOT NULL,
	"applicant_kind" varchar(16) NOT NULL,
	"applicant_name" varchar(100) NOT NULL,
	"applicant_id_enc" text,
	"applicant_id_mask" varchar(24),
	"applicant_phone_enc" text,
	"applicant_phone_mask" varchar(16),
	"applicant_address_enc" text,
	"applicant_email" varchar(100),
	"description" text NOT NULL,
	"purpose" text,
	"delivery_form" varchar(12),
	"delivery_method" varchar(12),
	"outcome" varchar(24),
	"outcome_reason" text,
	"referred_to" varchar(100),
	"replied_on" date,
	"reply_no" varchar(60),
	"reply_file_id" uuid,
	"extended" boolean DEFAULT false NOT NULL,
	"fee_fen" integer,
	"fee_noticed_on" date,
	"fee_paid_on" date,
	"pages" integer,
	"tracking_secret" varchar(64),
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"scope" varchar(12) NOT NULL,
	"status" varchar(12) NOT NULL,
	"due_on" date NOT NULL,
	"published_on" date,
	"published_url" varchar(500),
	"figures" jsonb,
	"case_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "disclosure_figure_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"item" varchar(40) NOT NULL,
	"value" numeric(14, 4) NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "disclosure_report_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"report_id" uuid NOT NULL,
	"section" varchar(12) NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "proactive_disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"org_id" uuid NOT NULL,
	"published_on" date NOT NULL,
	"title" varchar(300) NOT NULL,
	"category" varchar(24) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"form" varchar(12),
	"channel" varchar(40),
	"url" varchar(500),
	"import_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "citizen_messages" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"channel" varchar(16) NOT NULL,
	"category" varchar(16) NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"intake_org_id" uuid NOT NULL,
	"citizen_name" varchar(60),
	"citizen_phone_enc" text,
	"citizen_phone_mask" varchar(16),
	"content" text NOT NULL,
	"public_consent" boolean DEFAULT false NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"public_content" text,
	"reply_text" text,
	"replied_on" date,
	"satisfaction" varchar(12),
	"rated_at" timestamp with time zone,
	"tracking_secret" varchar(64),
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"option_index" integer,
	"text" text
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"survey_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" varchar(10) NOT NULL,
	"prompt" varchar(300) NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"survey_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_on" date NOT NULL,
	"client_hash" varchar(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"org_id" uuid NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" text,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"status" varchar(12) NOT NULL,
	"results_public" boolean DEFAULT false NOT NULL,
	"salt" varchar(64) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "proposal_handlers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" varchar(8) NOT NULL,
	"assigned_on" date NOT NULL,
	"returned_on" date,
	"return_reason" text,
	"opinion" text,
	"opinion_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"session_label" varchar(80) NOT NULL,
	"year" integer NOT NULL,
	"number" varchar(30) NOT NULL,
	"proposers" varchar(300) NOT NULL,
	"content" text NOT NULL,
	"topic" varchar(24),
	"assigned_on" date,
	"extension_reason" text,
	"reply_category" varchar(12),
	"reply_text" text,
	"replied_on" date,
	"reply_due_on" date,
	"satisfaction" varchar(12),
	"feedback_on" date,
	"second_reply_text" text,
	"second_replied_on" date,
	"second_reply_due_on" date,
	"second_satisfaction" varchar(12),
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disclosure_consultations" ADD CONSTRAINT "disclosure_consultations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_requests" ADD CONSTRAINT "disclosure_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_annual_reports" ADD CONSTRAINT "disclosure_annual_reports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_figure_entries" ADD CONSTRAINT "disclosure_figure_entries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_report_sections" ADD CONSTRAINT "disclosure_report_sections_report_id_disclosure_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."disclosure_annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proactive_disclosures" ADD CONSTRAINT "proactive_disclosures_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_messages" ADD CONSTRAINT "citizen_messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_messages" ADD CONSTRAINT "citizen_messages_intake_org_id_organisations_id_fk" FOREIGN KEY ("intake_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_question_id_survey_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."survey_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_handlers" ADD CONSTRAINT "proposal_handlers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_handlers" ADD CONSTRAINT "proposal_handlers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_consultations_case_idx" ON "disclosure_consultations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "disclosure_requests_received_idx" ON "disclosure_requests" USING btree ("region_code","received_on");--> statement-breakpoint
CREATE INDEX "disclosure_requests_outcome_idx" ON "disclosure_requests" USING btree ("region_code","replied_on","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_annual_reports_uq" ON "disclosure_annual_reports" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_figure_entries_uq" ON "disclosure_figure_entries" USING btree ("org_id","year","item");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_report_sections_uq" ON "disclosure_report_sections" USING btree ("report_id","section","version");--> statement-breakpoint
CREATE INDEX "proactive_org_published_idx" ON "proactive_disclosures" USING btree ("region_code","org_id","published_on");--> statement-breakpoint
CREATE INDEX "proactive_import_idx" ON "proactive_disclosures" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "citizen_messages_received_idx" ON "citizen_messages" USING btree ("region_code","received_at");--> statement-breakpoint
CREATE INDEX "citizen_messages_public_idx" ON "citizen_messages" USING btree ("region_code","published","replied_on");--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" USING btree ("question_id","option_index");--> statement-breakpoint
CREATE INDEX "survey_questions_survey_idx" ON "survey_questions" USING btree ("survey_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_client_day_uq" ON "survey_responses" USING btree ("survey_id","client_hash","submitted_on");--> statement-breakpoint
CREATE INDEX "proposal_handlers_case_idx" ON "proposal_handlers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "proposal_handlers_org_idx" ON "proposal_handlers" USING btree ("org_id","active");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_number_uq" ON "proposals" USING btree ("region_code","kind","session_label","number");--> statement-breakpoint
CREATE INDEX "proposals_year_idx" ON "proposals" USING btree ("region_code","year","kind");