ALTER TABLE "cases" ADD COLUMN "party_org_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_party_org_id_organisations_id_fk" FOREIGN KEY ("party_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_party_idx" ON "cases" USING btree ("party_org_id","terminal","due_on");--> statement-breakpoint
-- 复议 cases registered before the column existed: their party is the 被申请人.
UPDATE "cases" SET "party_org_id" = r."respondent_org_id" FROM "reconsideration_cases" r WHERE r."case_id" = "cases"."id" AND "cases"."party_org_id" IS NULL;
