CREATE TABLE "number_series" (
	"region_code" varchar(6) NOT NULL,
	"series" varchar(60) NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "number_series_region_code_series_year_pk" PRIMARY KEY("region_code","series","year")
);
--> statement-breakpoint
CREATE TABLE "reconsideration_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"channel" varchar(12) NOT NULL,
	"received_on" date NOT NULL,
	"applicant_type" varchar(12) NOT NULL,
	"applicant_name" varchar(100) NOT NULL,
	"applicant_id_enc" text,
	"applicant_id_mask" varchar(24),
	"applicant_phone_enc" text,
	"applicant_phone_mask" varchar(16),
	"applicant_address" varchar(200),
	"respondent_org_id" uuid NOT NULL,
	"act_category" varchar(20) NOT NULL,
	"act_description" text NOT NULL,
	"requests" text NOT NULL,
	"facts" text,
	"procedure" varchar(10),
	"simple_ground" varchar(20),
	"accepted_on" date,
	"deemed_accepted" boolean DEFAULT false NOT NULL,
	"outcome" varchar(20),
	"termination_ground" varchar(20),
	"re_decision_ordered" boolean,
	"decided_on" date,
	"decision_no" varchar(60),
	"tracking_secret" varchar(64),
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconsideration_follow_ups" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"kind" varchar(10) NOT NULL,
	"target_org_id" uuid,
	"document_title" varchar(200),
	"document_no" varchar(60),
	"content" text NOT NULL,
	"result" varchar(20),
	"result_text" text
);
--> statement-breakpoint
CREATE TABLE "litigation_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"instance" varchar(10) NOT NULL,
	"court" varchar(100) NOT NULL,
	"court_case_no" varchar(60),
	"plaintiff_type" varchar(12) NOT NULL,
	"plaintiff_name" varchar(100) NOT NULL,
	"defendant_org_id" uuid NOT NULL,
	"act_category" varchar(20) NOT NULL,
	"act_description" text NOT NULL,
	"claims" text,
	"after_reconsideration" boolean DEFAULT false NOT NULL,
	"filed_on" date,
	"complaint_received_on" date NOT NULL,
	"defence_filed_on" date,
	"outcome" varchar(20),
	"lost" boolean,
	"judged_on" date,
	"judgment_no" varchar(60),
	"head_summoned" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_hearings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"case_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"appearance" varchar(10) NOT NULL,
	"appeared_name" varchar(64),
	"appeared_title" varchar(64),
	"excuse" varchar(20),
	"excuse_text" text,
	"proof_file_id" uuid,
	"failure" varchar(20),
	"counsel" varchar(200),
	"seq" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "reconsideration_cases" ADD CONSTRAINT "reconsideration_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_cases" ADD CONSTRAINT "reconsideration_cases_respondent_org_id_organisations_id_fk" FOREIGN KEY ("respondent_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_follow_ups" ADD CONSTRAINT "reconsideration_follow_ups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_follow_ups" ADD CONSTRAINT "reconsideration_follow_ups_target_org_id_organisations_id_fk" FOREIGN KEY ("target_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_cases" ADD CONSTRAINT "litigation_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_cases" ADD CONSTRAINT "litigation_cases_defendant_org_id_organisations_id_fk" FOREIGN KEY ("defendant_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_hearings" ADD CONSTRAINT "litigation_hearings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reconsideration_respondent_idx" ON "reconsideration_cases" USING btree ("respondent_org_id");--> statement-breakpoint
CREATE INDEX "reconsideration_outcome_idx" ON "reconsideration_cases" USING btree ("region_code","outcome");--> statement-breakpoint
CREATE INDEX "litigation_defendant_idx" ON "litigation_cases" USING btree ("defendant_org_id");--> statement-breakpoint
CREATE INDEX "litigation_outcome_idx" ON "litigation_cases" USING btree ("region_code","outcome");--> statement-breakpoint
CREATE INDEX "litigation_hearings_case_idx" ON "litigation_hearings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_parent_idx" ON "cases" USING btree ("parent_id");