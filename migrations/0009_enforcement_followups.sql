ALTER TABLE "litigation_cases" ADD COLUMN "challenged_case_id" uuid;--> statement-breakpoint
ALTER TABLE "litigation_cases" ADD COLUMN "effective_on" date;--> statement-breakpoint
ALTER TABLE "litigation_cases" ADD CONSTRAINT "litigation_cases_challenged_case_id_cases_id_fk" FOREIGN KEY ("challenged_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspections_hazards_idx" ON "inspections" USING btree ("region_code","inspected_on") WHERE "inspections"."hazards_found" > 0;--> statement-breakpoint
CREATE INDEX "inspections_rectification_idx" ON "inspections" USING btree ("region_code","inspected_on") WHERE "inspections"."rectification_ordered";--> statement-breakpoint
CREATE INDEX "inspections_region_campaign_idx" ON "inspections" USING btree ("region_code","inspected_on","campaign_id") WHERE "inspections"."campaign_id" is not null;