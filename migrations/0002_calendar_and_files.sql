CREATE TABLE "calendar_days" (
	"region_code" varchar(6) NOT NULL,
	"day" date NOT NULL,
	"kind" varchar(10) NOT NULL,
	"name" varchar(50) NOT NULL,
	"source" varchar(100) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "calendar_days_region_code_day_pk" PRIMARY KEY("region_code","day")
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"source" varchar(100) NOT NULL,
	"published_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "calendar_years_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "file_blobs" (
	"sm3" varchar(64) PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"mime" varchar(100) NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"sm3" varchar(64) NOT NULL,
	"name" varchar(255) NOT NULL,
	"size" bigint NOT NULL,
	"mime" varchar(100) NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_sm3_file_blobs_sm3_fk" FOREIGN KEY ("sm3") REFERENCES "public"."file_blobs"("sm3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_days_day_idx" ON "calendar_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "files_sm3_idx" ON "files" USING btree ("sm3");