import { eq } from 'drizzle-orm';
import { roles } from '../../kernel/auth/auth.tables.ts';
import { ensureBuiltinRoles } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import type { Db } from '../../kernel/db/db.ts';
import { toXlsx } from '../../kernel/excel/excel.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { createUser, signIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { disclosureRequests } from '../disclosure/disclosure.tables.ts';
import { enforcementBodies, enforcementMatters } from '../enforcement/enforcement.tables.ts';
import { coerciveMeasures, enforcementCases } from '../enforcement-cases/enforcement-cases.tables.ts';
import { litigationCases } from '../litigation/litigation.tables.ts';
import { normativeDocuments, normativeStatusChanges } from '../normative/normative.tables.ts';
import { reconsiderationCases } from '../reconsideration/reconsideration.tables.ts';
import { IMPORT_HEADERS } from './use-cases/import-proactive.ts';
import { disclosureReportRoleGrants } from './index.ts';

/**
 * Records of other modules written straight into their tables, as those modules' steps would leave
 * them: the report reads the tables, not the steps, so its tests set up exactly the rows they count.
 */

const REGION = '430621';

async function openCaseRow(db: Db, values: { caseType: string; orgId: string; title: string; terminal?: boolean; closedOn?: string }) {
  const [row] = await db
    .insert(cases)
    .values({
      regionCode: REGION,
      caseType: values.caseType,
      orgId: values.orgId,
      title: values.title,
      state: values.terminal ? 'closed' : 'open',
      terminal: values.terminal ?? false,
      openedAt: new Date('2020-01-02T10:00:00+08:00'),
      closedAt: values.closedOn ? new Date(`${values.closedOn}T10:00:00+08:00`) : null,
    })
    .returning();
  return row!.id;
}

/** A 依申请公开 application of the disclosure module: received, and replied with one table-三 leaf or not yet. */
export async function insertRequest(
  db: Db,
  r: { orgId: string; kind: string; receivedOn: string; repliedOn?: string; outcome?: string; terminal?: boolean; feeFen?: number; feePaidOn?: string },
): Promise<string> {
  const caseId = await openCaseRow(db, { caseType: 'disclosure_request', orgId: r.orgId, title: '申请公开', terminal: r.terminal ?? !!r.repliedOn });
  await db.insert(disclosureRequests).values({
    caseId,
    regionCode: REGION,
    channel: 'online',
    receivedOn: r.receivedOn,
    applicantKind: r.kind,
    applicantName: '申请人',
    description: '某政府信息',
    outcome: r.outcome ?? null,
    repliedOn: r.repliedOn ?? null,
    feeFen: r.feeFen ?? null,
    feePaidOn: r.feePaidOn ?? null,
  });
  return caseId;
}

export async function insertReconsideration(db: Db, r: { respondentOrgId: string; receivedOn: string; outcome?: string; decidedOn?: string; actCategory?: string }) {
  const caseId = await openCaseRow(db, { caseType: 'reconsideration', orgId: r.respondentOrgId, title: '复议', terminal: !!r.outcome, closedOn: r.decidedOn });
  await db.insert(reconsiderationCases).values({
    caseId,
    regionCode: REGION,
    channel: 'window',
    receivedOn: r.receivedOn,
    applicantType: 'person',
    applicantName: '申请人',
    respondentOrgId: r.respondentOrgId,
    actCategory: r.actCategory ?? 'disclosure',
    actDescription: '政府信息公开答复',
    requests: '撤销答复',
    outcome: r.outcome ?? null,
    decidedOn: r.decidedOn ?? null,
  });
}

export async function insertLawsuit(
  db: Db,
  r: { defendantOrgId: string; receivedOn: string; afterReconsideration?: boolean; outcome?: string; judgedOn?: string; instance?: string; actCategory?: string },
) {
  const caseId = await openCaseRow(db, { caseType: 'litigation', orgId: r.defendantOrgId, title: '诉讼', terminal: !!r.outcome, closedOn: r.judgedOn });
  await db.insert(litigationCases).values({
    caseId,
    regionCode: REGION,
    instance: r.instance ?? 'first',
    court: '岳阳县人民法院',
    plaintiffType: 'person',
    plaintiffName: '原告',
    defendantOrgId: r.defendantOrgId,
    actCategory: r.actCategory ?? 'disclosure',
    actDescription: '政府信息公开答复',
    afterReconsideration: r.afterReconsideration ?? false,
    complaintReceivedOn: r.receivedOn,
    outcome: r.outcome ?? null,
    judgedOn: r.judgedOn ?? null,
  });
}

/** A published 规范性文件 of the issuer, repealed on a day or lapsing after its validity if given. */
export async function insertNormative(db: Db, r: { issuerOrgId: string; publishedOn: string | null; repealedOn?: string; validUntil?: string }) {
  const caseId = await openCaseRow(db, { caseType: 'normative_document', orgId: r.issuerOrgId, title: '规范性文件' });
  await db.insert(normativeDocuments).values({
    caseId,
    regionCode: REGION,
    title: '规范性文件',
    issuerOrgId: r.issuerOrgId,
    publishedOn: r.publishedOn,
    validUntil: r.validUntil ?? null,
    status: r.repealedOn ? 'repealed' : r.publishedOn ? 'valid' : null,
  });
  if (r.repealedOn) await db.insert(normativeStatusChanges).values({ regionCode: REGION, documentId: caseId, status: 'repealed', changedOn: r.repealedOn, byText: '清理决定', createdAt: new Date() });
}

const bodies = new Map<string, { bodyId: string; matterId: string }>();
async function bodyOf(db: Db, orgId: string) {
  const known = bodies.get(orgId);
  if (known) return known;
  const [body] = await db.insert(enforcementBodies).values({ regionCode: REGION, orgId, name: `执法主体${orgId.slice(0, 4)}`, kind: 'statutory', fields: ['market'], legalBasis: '三定方案' }).returning();
  const [matter] = await db
    .insert(enforcementMatters)
    .values({ regionCode: REGION, code: `m-${orgId.slice(0, 8)}`, name: '违法行为', category: 'penalty', field: 'market', orgId, legalBasis: '法' })
    .returning();
  const made = { bodyId: body!.id, matterId: matter!.id };
  bodies.set(orgId, made);
  return made;
}

export async function insertPenalty(db: Db, r: { orgId: string; decidedOn: string | null; outcome: string | null }) {
  const { bodyId, matterId } = await bodyOf(db, r.orgId);
  const caseId = await openCaseRow(db, { caseType: 'enforcement_penalty', orgId: r.orgId, title: '处罚' });
  await db.insert(enforcementCases).values({
    caseId,
    regionCode: REGION,
    bodyId,
    matterId,
    field: 'market',
    source: 'inspection',
    partyType: 'company',
    partyName: '当事人',
    facts: '事实',
    filedOn: '2021-01-05',
    decidedOn: r.decidedOn,
    outcome: r.outcome as 'penalty' | null,
  });
}

export async function insertCoercion(db: Db, r: { orgId: string; startedOn: string }) {
  const { bodyId } = await bodyOf(db, r.orgId);
  await db.insert(coerciveMeasures).values({ regionCode: REGION, orgId: r.orgId, bodyId, kind: 'seal', partyName: '当事人', subject: '设备', basis: '行政强制法', startedOn: r.startedOn });
}

export async function prepareRoles(t: TestApp): Promise<void> {
  await ensureNationalCalendar(t.db);
  await ensureBuiltinRoles(t.db, disclosureReportRoleGrants);
}

export interface Who {
  userId: string;
}

export async function userWithRole(t: TestApp, orgId: string, roleCode: string): Promise<Who> {
  const [role] = await t.db.select().from(roles).where(eq(roles.code, roleCode));
  return { userId: (await createUser(t.db, { orgId, roleIds: [role!.id] })).id };
}

export const call = async (t: TestApp, who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: (await signIn(t, who.userId)).headers, ...(payload === undefined ? {} : { payload: payload as object }) });

export async function postXlsx(t: TestApp, who: Who, url: string, file: Buffer) {
  return t.app.inject({ method: 'POST', url, headers: { ...(await signIn(t, who.userId)).headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: file });
}

/** A 主动公开 sheet with the import's headers; each row gives some cells by header. */
export function proactiveSheet(rows: Record<string, string>[]): Promise<Buffer> {
  return toXlsx(
    '主动公开',
    IMPORT_HEADERS.map((header) => ({ header, value: (r: Record<string, string>) => r[header] ?? null })),
    rows,
  );
}
