import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission, type Actor, type RequestMeta } from '../../../kernel/auth/actor.ts';
import { writeAudit } from '../../../kernel/audit/audit.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { maskIdNumber, sm3, type Sm4Box } from '../../../kernel/crypto/sm.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { findFileBlob } from '../../../kernel/files/files.repository.ts';
import { fileIndex, readFileContent } from '../../../kernel/files/files.ts';
import { zipArchive, type ZipInput } from '../../../kernel/files/zip-writer.ts';
import { auditRead, write } from '../../../kernel/http/context.ts';
import { findOrg } from '../../../kernel/org/org.repository.ts';
import { checkCreditCode } from '../../../kernel/validation/credit-code.ts';
import { checkIdNumber } from '../../../kernel/validation/id-number.ts';
import { markDates, workflowDeps } from '../../../kernel/workflow/marks.ts';
import { openCase, type WorkflowDeps } from '../../../kernel/workflow/transition.ts';
import { caseEvents, cases } from '../../../kernel/workflow/workflow.tables.ts';
import { enforcementFieldLabels, penaltyOutcomeLabels, penaltyStateLabels, type PenaltyOutcome, type PenaltyState } from '../../../../contracts/enforcement.ts';
import { officerEligibility } from '../../enforcement/eligibility.ts';
import { discretionBenchmarks, enforcementOfficers } from '../../enforcement/enforcement.tables.ts';
import { findPenaltyCases, findPenaltyCasesForExport, findReadablePenalty, type PenaltyListRow } from '../enforcement-cases.list.ts';
import { HANDLE, PENALTY, READ } from '../enforcement-cases.permissions.ts';
import { caseOfficers, findBody, findMatter, firstViolationEntry } from '../enforcement-cases.repository.ts';
import type { CaseDetail, CaseFilter, CaseItem, CreateCaseBody } from '../enforcement-cases.schemas.ts';
import { enforcementCaseOfficers, enforcementCases, enforcementPublications } from '../enforcement-cases.tables.ts';
import { indexDigest, stepLabel } from '../enforcement-cases.workflow.ts';

const EXPORT_LIMIT = 50_000;

export function presentItem(row: PenaltyListRow): CaseItem {
  return {
    id: row.id,
    caseNo: row.caseNo,
    title: row.title,
    state: row.state,
    stateLabel: penaltyStateLabels[row.state as PenaltyState] ?? row.state,
    version: row.version,
    dueOn: row.dueOn,
    mark: row.mark,
    orgId: row.orgId,
    orgName: row.orgName,
    bodyName: row.bodyName,
    field: row.field,
    fieldLabel: enforcementFieldLabels[row.field] ?? row.field,
    procedure: row.procedure,
    partyType: row.partyType,
    partyName: row.partyName,
    filedOn: row.filedOn,
    firstViolation: row.firstViolation,
    leniencyFlag: row.leniencyFlag,
    reviewRequired: row.reviewRequired,
    outcome: row.outcome,
    outcomeLabel: row.outcome ? penaltyOutcomeLabels[row.outcome as PenaltyOutcome] : null,
    fine: row.fine,
    decidedOn: row.decidedOn,
    decisionNo: row.decisionNo,
    transferredToJudiciary: row.transferredToJudiciary,
    correctedOn: row.correctedOn,
  };
}

/** Officers for a case: of the body, and at least two eligible in the field on the day (第四十二条); refused with names and reasons. */
async function checkOfficers(tx: Tx, regionCode: string, bodyId: string, officerIds: string[], field: Parameters<typeof officerEligibility>[3], dayOn: string) {
  const unique = [...new Set(officerIds)];
  if (unique.length !== officerIds.length) throw fieldRefused('officerIds', '执法人员重复');
  const ofBody = await tx.select({ id: enforcementOfficers.id, name: enforcementOfficers.name, bodyId: enforcementOfficers.bodyId }).from(enforcementOfficers).where(inArray(enforcementOfficers.id, unique));
  const stranger = ofBody.filter((o) => o.bodyId !== bodyId);
  if (stranger.length) throw fieldRefused('officerIds', `${stranger.map((o) => o.name).join('、')}不是本执法主体的执法人员`);
  const checks = await officerEligibility(tx, regionCode, unique, field, dayOn);
  const refused = checks.filter((c) => !c.certificateId);
  if (refused.length) throw fieldRefused('officerIds', `执法人员应当具有本领域有效的行政执法证（行政处罚法第四十二条）：${refused.map((c) => c.reason).join('；')}`, 'CONFLICT');
  return checks;
}

/**
 * 立案 in the caller's transaction: the body in the actor's scope, a 行政处罚 matter of its fields, at
 * least two officers certified on the filing day; the party's ID sealed; the 首违不罚 entry looked up.
 * The console's route and the demo both file through it.
 */
export async function filePenaltyCase(tx: Tx, deps: WorkflowDeps, sm4: Sm4Box, who: { actor: Actor; meta: RequestMeta }, body: CreateCaseBody): Promise<string> {
  const actor = who.actor;
  const scope = requirePermission(actor, HANDLE);
  const today = beijingToday(deps.clock);
  if (body.filedOn > today) throw fieldRefused('filedOn', '立案日期不能晚于今天');
  if (body.partyId) {
    const result = body.partyType === 'person' ? checkIdNumber(body.partyId, deps.clock.now()) : checkCreditCode(body.partyId);
    if (!result.ok) throw fieldRefused('partyId', `证件号码：${result.reason}`, body.partyType === 'person' ? 'INVALID_ID_NUMBER' : 'INVALID_CREDIT_CODE');
  }
  const executor = await findBody(tx, actor.regionCode, body.bodyId);
  if (!executor || executor.status !== 'active') throw fieldRefused('bodyId', '执法主体不存在、已停用或不属于本行政区', 'NOT_FOUND');
  const org = await findOrg(tx, executor.orgId);
  if (!org || !inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode })) throw fieldRefused('bodyId', '该执法主体不在您的办案范围内', 'FORBIDDEN');
  const matter = await findMatter(tx, actor.regionCode, body.matterId);
  if (!matter || matter.status !== 'active') throw fieldRefused('matterId', '执法事项不存在或已停用', 'NOT_FOUND');
  if (matter.category !== 'penalty') throw fieldRefused('matterId', `「${matter.name}」不是行政处罚事项`);
  if (!executor.fields.includes(matter.field)) throw fieldRefused('matterId', `「${matter.name}」不属于${executor.name}的执法领域`);
  const checks = await checkOfficers(tx, actor.regionCode, executor.id, body.officerIds, matter.field, body.filedOn);
  const leniency = body.firstViolation ? await firstViolationEntry(tx, actor.regionCode, matter.id) : undefined;
  const opened = await openCase(
    tx,
    deps,
    { caseType: PENALTY, regionCode: actor.regionCode, orgId: org.id, title: body.title, caseNo: body.caseNo || undefined, receivedOn: body.filedOn, data: { filedOn: body.filedOn, procedure: body.procedure, officers: checks.map((c) => ({ name: c.name, certificateNo: c.certificateNo })) } },
    who,
  );
  await tx.insert(enforcementCases).values({
    caseId: opened.id,
    regionCode: actor.regionCode,
    bodyId: executor.id,
    matterId: matter.id,
    field: matter.field,
    procedure: body.procedure,
    source: body.source,
    partyType: body.partyType,
    partyName: body.partyName,
    partyIdEnc: body.partyId ? sm4.encrypt(body.partyId.toUpperCase()) : null,
    partyIdMask: body.partyId ? maskIdNumber(body.partyId.toUpperCase()) : null,
    facts: body.facts,
    filedOn: body.filedOn,
    firstViolation: body.firstViolation,
    leniencyItemId: leniency?.id ?? null,
  });
  const now = deps.clock.now();
  await tx.insert(enforcementCaseOfficers).values(checks.map((c, i) => ({ caseId: opened.id, officerId: c.officerId, regionCode: actor.regionCode, certificateId: c.certificateId!, lead: i === 0, assignedAt: now })));
  await writeAudit(tx, now, who, { action: 'enforcement.case.create', entityType: PENALTY, entityId: opened.id, regionCode: actor.regionCode, orgId: org.id, after: { title: body.title, matterId: matter.id, officerIds: body.officerIds } });
  return opened.id;
}

export async function createPenaltyCase(request: FastifyRequest, body: CreateCaseBody): Promise<CaseDetail> {
  requirePermission(request.actor, HANDLE);
  const id = await write(request, (tx) => filePenaltyCase(tx, workflowDeps(request), request.server.sm4, { actor: request.actor!, meta: request.meta }, body));
  return getPenaltyCase(request, id);
}

/** 变更执法人员 before the decision, under the case row's lock and version; checked again on today's date. */
export async function changeOfficers(request: FastifyRequest, caseId: string, body: { version: number; officerIds: string[] }): Promise<CaseDetail> {
  const scope = requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  await write(request, async (tx, audit) => {
    const [locked] = await tx.select({ c: cases, e: enforcementCases }).from(cases).innerJoin(enforcementCases, eq(enforcementCases.caseId, cases.id)).where(eq(cases.id, caseId)).for('update', { of: cases });
    const org = locked ? await findOrg(tx, locked.c.orgId) : undefined;
    if (!locked || !org || !inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode })) throw new AppError('NOT_FOUND', '案件不存在或无权访问');
    if (locked.c.version !== body.version) throw versionConflict('案件');
    if (!['filed', 'investigating', 'notified', 'hearing', 'legalityReview', 'readyToDecide'].includes(locked.c.state)) throw new AppError('CONFLICT', '已作出决定的案件不能变更执法人员');
    const checks = await checkOfficers(tx, locked.c.regionCode, locked.e.bodyId, body.officerIds, locked.e.field, beijingToday(request.server.clock));
    const before = await caseOfficers(tx, caseId);
    await tx.delete(enforcementCaseOfficers).where(eq(enforcementCaseOfficers.caseId, caseId));
    await tx.insert(enforcementCaseOfficers).values(checks.map((c, i) => ({ caseId, officerId: c.officerId, regionCode: locked.c.regionCode, certificateId: c.certificateId!, lead: i === 0, assignedAt: request.server.clock.now() })));
    await tx.update(cases).set({ version: locked.c.version + 1, updatedAt: request.server.clock.now(), updatedBy: actor.userId }).where(eq(cases.id, caseId));
    await audit({ action: 'enforcement.case.officers', entityType: PENALTY, entityId: caseId, regionCode: locked.c.regionCode, orgId: locked.c.orgId, before: { officers: before.map((o) => o.name) }, after: { officers: checks.map((c) => c.name) } });
  });
  return getPenaltyCase(request, caseId);
}

export async function listPenaltyCases(request: FastifyRequest, query: CaseFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, READ);
  const { page, pageSize, ...filter } = query;
  const dates = await markDates(request, request.actor!.regionCode);
  const { items, total } = await findPenaltyCases(request.server.db, request.actor!, filter, dates, { page, pageSize });
  return { items: items.map(presentItem), total, page, pageSize };
}

const columns: Column<CaseItem>[] = [
  { header: '立案编号', width: 20, value: (r) => r.caseNo },
  { header: '案由', width: 40, value: (r) => r.title },
  { header: '执法领域', width: 16, value: (r) => r.fieldLabel },
  { header: '执法主体', width: 24, value: (r) => r.bodyName },
  { header: '办案部门', width: 24, value: (r) => r.orgName },
  { header: '当事人', width: 20, value: (r) => r.partyName },
  { header: '立案日期', width: 12, value: (r) => r.filedOn },
  { header: '状态', width: 16, value: (r) => r.stateLabel },
  { header: '期限', width: 12, value: (r) => r.dueOn },
  { header: '首违不罚', width: 10, value: (r) => (r.leniencyFlag ? '是' : '') },
  { header: '法制审核', width: 10, value: (r) => (r.reviewRequired ? '须审核' : '') },
  { header: '处理结果', width: 20, value: (r) => r.outcomeLabel },
  { header: '罚款（元）', width: 12, value: (r) => r.fine },
  { header: '决定书文号', width: 22, value: (r) => r.decisionNo },
  { header: '决定日期', width: 12, value: (r) => r.decidedOn },
  { header: '移送司法机关', width: 12, value: (r) => (r.transferredToJudiciary ? '是' : '') },
];

export async function exportPenaltyCases(request: FastifyRequest, filter: CaseFilter): Promise<Buffer> {
  requirePermission(request.actor, READ);
  const dates = await markDates(request, request.actor!.regionCode);
  const rows = await findPenaltyCasesForExport(request.server.db, request.actor!, filter, dates, EXPORT_LIMIT);
  return toXlsx('行政处罚案件', columns, rows.map(presentItem));
}

export async function getPenaltyCase(request: FastifyRequest, caseId: string): Promise<CaseDetail> {
  requirePermission(request.actor, READ);
  const db = request.server.db;
  const dates = await markDates(request, request.actor!.regionCode);
  const row = await findReadablePenalty(db, request.actor!, caseId, dates);
  if (!row) throw new AppError('NOT_FOUND', '案件不存在或无权访问');
  const [officers, benchmarks, publications, leniency] = await Promise.all([
    caseOfficers(db, caseId),
    db
      .select({ id: discretionBenchmarks.id, level: discretionBenchmarks.level, violation: discretionBenchmarks.violation, circumstances: discretionBenchmarks.circumstances, fineMin: discretionBenchmarks.fineMin, fineMax: discretionBenchmarks.fineMax })
      .from(discretionBenchmarks)
      .where(eq(discretionBenchmarks.matterId, row.matterId))
      .orderBy(asc(discretionBenchmarks.sortOrder)),
    db
      .select({ id: enforcementPublications.caseId, state: cases.state, publishedOn: enforcementPublications.publishedOn, withdrawnOn: enforcementPublications.withdrawnOn })
      .from(enforcementPublications)
      .innerJoin(cases, eq(cases.id, enforcementPublications.caseId))
      .where(eq(enforcementPublications.sourceCaseId, caseId)),
    row.leniencyFlag ? firstViolationEntry(db, row.regionCode, row.matterId) : undefined,
  ]);
  return {
    ...presentItem(row),
    bodyId: row.bodyId,
    matterId: row.matterId,
    matterName: row.matterName,
    source: row.source,
    partyIdMask: row.partyIdMask,
    facts: row.facts,
    leniencyConditions: leniency?.conditions ?? null,
    proposedPenalties: row.proposedPenalties,
    proposedFine: row.proposedFine,
    benchmarkId: row.benchmarkId,
    departureReason: row.departureReason,
    reviewTriggers: row.reviewTriggers,
    hearingRequested: row.hearingRequested,
    hearingOn: row.hearingOn,
    penalties: row.penalties,
    deliveredOn: row.deliveredOn,
    executedOn: row.executedOn,
    closedOn: row.closedOn,
    archivedOn: row.archivedOn,
    archiveIndex: row.archiveIndex,
    correctedByCaseId: row.correctedByCaseId,
    officers,
    benchmarks,
    publications,
  };
}

/** Recomputes the 卷内目录: each file's stored bytes against its recorded SM3, and the index's own SM3. */
export async function verifyArchive(request: FastifyRequest, caseId: string) {
  const detail = await getPenaltyCase(request, caseId);
  if (!detail.archiveIndex) throw new AppError('CONFLICT', '案件尚未归档');
  const db = request.server.db;
  const index = detail.archiveIndex;
  const problems: string[] = [];
  const files = [];
  for (const f of index.files) {
    const blob = await findFileBlob(db, f.fileId);
    const actualSm3 = blob ? sm3(blob.content) : null;
    const intact = actualSm3 === f.sm3;
    if (!blob) problems.push(`「${f.name}」已不存在`);
    else if (!intact) problems.push(`「${f.name}」的内容与归档时不一致（SM3 不符）`);
    files.push({ ...f, actualSm3, intact });
  }
  const actualIndexSm3 = indexDigest(index.files);
  if (actualIndexSm3 !== index.sm3) problems.push('卷内目录已被改动（目录 SM3 不符）');
  await auditRead(request, { action: 'enforcement.case.verifyArchive', entityType: PENALTY, entityId: caseId, regionCode: request.actor!.regionCode, orgId: detail.orgId, detail: { intact: problems.length === 0 } });
  return { intact: problems.length === 0, archivedOn: detail.archivedOn, indexSm3: index.sm3, actualIndexSm3, files, problems };
}

const beijing = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const safeName = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

/** The archived file as a ZIP: 卷内目录 (with each file's SM3 and the index's), 全过程记录, then every file. */
export async function archiveZip(request: FastifyRequest, caseId: string): Promise<{ name: string; zip: Buffer }> {
  const detail = await getPenaltyCase(request, caseId);
  if (!detail.archiveIndex) throw new AppError('CONFLICT', '案件尚未归档');
  const db = request.server.db;
  const events = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId))).orderBy(asc(caseEvents.seq));
  const index = detail.archiveIndex;
  const stored = await fileIndex(db, index.files.map((f) => f.fileId));
  const entries: ZipInput[] = [];
  const lines = [`${detail.title} 卷内目录`, `决定书文号：${detail.decisionNo ?? ''}`, `归档日期：${detail.archivedOn}`, `目录 SM3：${index.sm3}`, '', '序号\t材料\t程序环节\t压缩包内文件\tSM3'];
  index.files.forEach((f, i) => {
    const path = `材料/${String(i + 1).padStart(3, '0')}-${safeName(f.name)}`;
    lines.push(`${i + 1}\t${f.name}\t${f.step}\t${path}\t${f.sm3}`);
  });
  entries.push({ name: '00-卷内目录.txt', data: Buffer.from(lines.join('\n') + '\n', 'utf8') });
  const history = events.map((e) => `${e.seq}. ${beijing(e.at)} ${e.actorName ?? ''} ${stepLabel(e.action)}（${penaltyStateLabels[e.toState as PenaltyState] ?? e.toState}）${e.reason ? ` 理由：${e.reason}` : ''}${e.data ? `\n   ${JSON.stringify(e.data)}` : ''}`);
  entries.push({ name: '01-全过程记录.txt', data: Buffer.from([`${detail.title} 全过程记录`, '', ...history].join('\n') + '\n', 'utf8') });
  for (const [i, f] of index.files.entries()) {
    entries.push({ name: `材料/${String(i + 1).padStart(3, '0')}-${safeName(f.name)}`, data: await readFileContent(db, f.fileId), modifiedAt: stored[i]!.uploadedAt });
  }
  await auditRead(request, { action: 'enforcement.case.archiveZip', entityType: PENALTY, entityId: caseId, regionCode: request.actor!.regionCode, orgId: detail.orgId, detail: { files: index.files.length } });
  return { name: `${safeName(detail.title)}-案卷.zip`, zip: zipArchive(entries, request.server.clock.now()) };
}
