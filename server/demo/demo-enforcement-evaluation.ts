import { asc, eq } from 'drizzle-orm';
import { loadActor } from '../kernel/auth/actor.repository.ts';
import { users } from '../kernel/auth/auth.tables.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { writeAudit } from '../kernel/audit/audit.ts';
import { calendarService } from '../kernel/calendar/calendar.service.ts';
import type { LocalDate } from '../kernel/calendar/local-date.ts';
import type { Tx } from '../kernel/db/db.ts';
import { organisations } from '../kernel/org/org.tables.ts';
import { cases } from '../kernel/workflow/workflow.tables.ts';
import { EVALUATION_CAMPAIGN_ENTITY, EVALUATION_FILE_ENTITY, SHEET_ENTITY } from '../modules/enforcement-supervision/evaluations.permissions.ts';
import { drawSample, insertCampaign, updateCampaign, updateFile } from '../modules/enforcement-supervision/evaluations.repository.ts';
import { defaultSheet, evaluationSettings } from '../modules/enforcement-supervision/evaluations.settings.ts';
import { gradeOf, insertCheckedSheet } from '../modules/enforcement-supervision/evaluations.sheets.ts';
import { evaluationCampaigns, evaluationFiles } from '../modules/enforcement-supervision/supervision.tables.ts';
import type { Replay } from './replay.ts';

const REGION = '430621';
export const DEMO_EVALUATION_TITLE = '2021年度全县行政处罚案卷评查';
export const DEMO_EVALUATION_SEED = 'yueyang-2021-anjuan';

/**
 * Deductions (item code → points off) cycled over the sampled files in a fixed order (department,
 * case number): most files good, some with problems, one in eight 不合格.
 */
const patterns: Record<string, number>[] = [
  {},
  { E2: 1 },
  { B3: 2, C3: 1, E1: 1 },
  { D2: 4, C2: 4, E1: 2, F1: 1 },
  { B2: 4, C2: 6, D1: 4, D2: 6, E1: 2, F2: 3 },
  { B1: 3, B2: 6, C2: 8, D2: 8, E3: 3, F2: 4 },
  { C3: 2, D3: 2 },
  { B5: 2, C1: 4, D2: 3, E2: 2 },
];

/** How the department answered (days after the send-back it rectified): on time, late, or not yet. */
const answers: (number | null)[] = [8, 20, null, 5, 12];

/**
 * The county's 2021 案卷评查, run in March–April 2022 once the year's files are closed: the 司法局 seeds
 * its default scoring sheet, draws up to three of each
 * department's 2021 closed 行政处罚 cases (a fixed, recorded seed), the legal reviewer scores them, files
 * below 90 go back for rectification within the county's working days, and the departments answer —
 * mostly on time, some late, one still open. Works on whatever closed 2021 cases the cases demo made.
 */
export async function seedDemoEnforcementEvaluation(replay: Replay): Promise<void> {
  const coordinator = replay.actor('sfj');
  const reviewer = replay.actor('fzsh');
  const meta = { userAgent: 'demo-seed' };
  const as = (actor: Actor) => ({ actor, meta });

  replay.at('2022-02-21');
  const { campaignId, sheet } = await replay.db.transaction(async (tx) => {
    const sheet = await insertCheckedSheet(tx, REGION, defaultSheet, replay.clock.now(), coordinator.userId);
    await writeAudit(tx, replay.clock.now(), as(coordinator), { action: 'enforcement.evaluation.sheet.create', entityType: SHEET_ENTITY, entityId: sheet.id, regionCode: REGION, after: defaultSheet });
    const body = { title: DEMO_EVALUATION_TITLE, year: 2021, sheetId: sheet.id, samplePerOrg: 3, startsOn: '2022-03-01', endsOn: '2022-04-29' };
    const campaign = await insertCampaign(tx, { ...body, regionCode: REGION, createdAt: replay.clock.now(), createdBy: coordinator.userId, updatedAt: replay.clock.now(), updatedBy: coordinator.userId });
    await writeAudit(tx, replay.clock.now(), as(coordinator), { action: 'enforcement.evaluation.campaign.create', entityType: EVALUATION_CAMPAIGN_ENTITY, entityId: campaign.id, regionCode: REGION, after: body });
    return { campaignId: campaign.id, sheet };
  });

  replay.at('2022-03-01');
  await replay.db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, campaignId));
    const caseIds = await drawSample(tx, campaign!, DEMO_EVALUATION_SEED, replay.clock.now(), coordinator.userId);
    await updateCampaign(tx, campaignId, {}, replay.clock.now(), coordinator.userId);
    await writeAudit(tx, replay.clock.now(), as(coordinator), {
      action: 'enforcement.evaluation.draw',
      entityType: EVALUATION_CAMPAIGN_ENTITY,
      entityId: campaignId,
      regionCode: REGION,
      after: { seed: DEMO_EVALUATION_SEED, added: caseIds.length, caseIds, year: 2021, samplePerOrg: 3 },
    });
  });

  const files = await replay.db
    .select({ id: evaluationFiles.id, orgId: evaluationFiles.orgId })
    .from(evaluationFiles)
    .innerJoin(cases, eq(cases.id, evaluationFiles.caseId))
    .innerJoin(organisations, eq(organisations.id, evaluationFiles.orgId))
    .where(eq(evaluationFiles.campaignId, campaignId))
    .orderBy(asc(organisations.code), asc(cases.caseNo), asc(cases.openedAt));
  const days = evaluationSettings.defaults().rectificationWorkingDays;
  const calendar = calendarService(replay.db);
  let sentBack = 0;

  for (const [n, file] of files.entries()) {
    const deductions = patterns[n % patterns.length]!;
    const scores = Object.fromEntries(sheet.items.map((i) => [i.code, i.maxScore - (deductions[i.code] ?? 0)]));
    const total = Object.values(scores).reduce((s, v) => s + v, 0);
    const grade = gradeOf(total, sheet);
    const problems = Object.keys(deductions).length
      ? sheet.items
          .filter((i) => deductions[i.code])
          .map((i) => `${i.code} ${i.title}：扣 ${deductions[i.code]} 分`)
          .join('；')
      : null;
    const scoredOn = await replay.workday('2022-03-02', Math.floor(n / 4));
    replay.at(scoredOn);
    await replay.db.transaction(async (tx) => {
      await updateFile(tx, file.id, { scores, total, grade, problems, evaluatorId: reviewer.userId, state: 'scored' }, replay.clock.now(), reviewer.userId);
      await writeAudit(tx, replay.clock.now(), as(reviewer), { action: 'enforcement.evaluation.score', entityType: EVALUATION_FILE_ENTITY, entityId: file.id, orgId: file.orgId, regionCode: REGION, after: { scores, total, grade, problems } });
    });
    if (total >= 90 || !problems) continue;

    const sentOn = await replay.workday(scoredOn, 1);
    replay.at(sentOn, 15);
    const due = (await calendar.due(REGION, sentOn, { unit: 'workingDays', n: days })).due;
    await replay.db.transaction(async (tx) => {
      await updateFile(tx, file.id, { state: 'rectifying', rectificationDueOn: due }, replay.clock.now(), coordinator.userId);
      await writeAudit(tx, replay.clock.now(), as(coordinator), { action: 'enforcement.evaluation.sendBack', entityType: EVALUATION_FILE_ENTITY, entityId: file.id, orgId: file.orgId, regionCode: REGION, after: { problems, workingDays: days, dueOn: due } });
    });
    const answer = answers[sentBack++ % answers.length]!;
    if (answer === null) continue;
    const rectifiedOn = await replay.workday(sentOn, answer);
    await rectifyAs(replay, file, rectifiedOn, due);
  }
}

/**
 * The department's own account records the rectification; a department without a demo account sends
 * its report to the 司法局, which records it.
 */
async function rectifyAs(replay: Replay, file: { id: string; orgId: string }, on: LocalDate, due: LocalDate): Promise<void> {
  const [account] = await replay.db.select({ id: users.id }).from(users).where(eq(users.orgId, file.orgId)).orderBy(asc(users.username)).limit(1);
  const own = account ? await loadActor(replay.db, account.id) : null;
  const staff = own ?? replay.actor('sfj');
  replay.at(on, 16);
  const note = `${own ? '' : '（据部门整改报告登记）'}已按评查意见补正相关文书，完善证据材料并组织执法人员学习案卷评查标准。`;
  await replay.db.transaction(async (tx: Tx) => {
    await updateFile(tx, file.id, { state: 'rectified', rectifiedOn: on, rectificationNote: note }, replay.clock.now(), staff.userId);
    await writeAudit(tx, replay.clock.now(), { actor: staff, meta: { userAgent: 'demo-seed' } }, {
      action: 'enforcement.evaluation.rectify',
      entityType: EVALUATION_FILE_ENTITY,
      entityId: file.id,
      orgId: file.orgId,
      regionCode: REGION,
      after: { rectifiedOn: on, note, dueOn: due },
    });
  });
}

