CREATE TABLE "case_assignments" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" varchar(20) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" uuid,
	CONSTRAINT "case_assignments_case_id_user_id_role_pk" PRIMARY KEY("case_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "case_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"case_id" uuid NOT NULL,
	"name" varchar(40) NOT NULL,
	"unit" varchar(12) NOT NULL,
	"n" integer NOT NULL,
	"basis" varchar(120) NOT NULL,
	"started_on" date NOT NULL,
	"due_on" date NOT NULL,
	"anchor_on" date NOT NULL,
	"anchor_n" integer NOT NULL,
	"anchor_unit" varchar(12) NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"status" varchar(10) NOT NULL,
	"paused_on" date,
	"extended_n" integer,
	"extension_unit" varchar(12),
	"extension_basis" varchar(120),
	"extension_included" boolean DEFAULT false NOT NULL,
	"stopped_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" varchar(64),
	"action" varchar(40) NOT NULL,
	"from_state" varchar(40),
	"to_state" varchar(40) NOT NULL,
	"reason" text,
	"data" jsonb,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"clocks" jsonb
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"case_type" varchar(40) NOT NULL,
	"case_no" varchar(60),
	"title" varchar(200) NOT NULL,
	"org_id" uuid NOT NULL,
	"state" varchar(40) NOT NULL,
	"terminal" boolean DEFAULT false NOT NULL,
	"due_on" date,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"assignee_id" uuid,
	"tracking_code" varchar(24),
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_clocks" ADD CONSTRAINT "case_clocks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_assignments_user_idx" ON "case_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_clocks_name_uq" ON "case_clocks" USING btree ("case_id","name");--> statement-breakpoint
CREATE INDEX "case_clocks_due_idx" ON "case_clocks" USING btree ("region_code","status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_seq_uq" ON "case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "cases_open_due_idx" ON "cases" USING btree ("region_code","terminal","due_on");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_id","terminal","due_on");--> statement-breakpoint
CREATE INDEX "cases_org_idx" ON "cases" USING btree ("org_id","terminal","due_on");--> statement-breakpoint
CREATE INDEX "cases_type_state_idx" ON "cases" USING btree ("region_code","case_type","state");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_tracking_uq" ON "cases" USING btree ("tracking_code");