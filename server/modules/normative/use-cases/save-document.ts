import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { findOrg, type OrgRow } from '../../../kernel/org/org.repository.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { openCase } from '../../../kernel/workflow/transition.ts';
import { cases } from '../../../kernel/workflow/workflow.tables.ts';
import { inForceStatuses, type LegalStatus } from '../../../../contracts/normative.ts';
import { HANDLE, NORMATIVE } from '../normative.permissions.ts';
import { editableStates, indexDocument, lockDocuments, updateDocument } from '../normative.repository.ts';
import type { CreateDocumentBody, DocumentDetail, UpdateDocumentBody } from '../normative.schemas.ts';
import { normativeDocuments } from '../normative.tables.ts';
import { getDocumentDetail } from './read-documents.ts';

/** 制定机关: an active government or department of the actor's county. */
async function issuerOf(tx: Tx, actor: Actor, orgId: string): Promise<OrgRow> {
  const org = await findOrg(tx, orgId);
  if (!org || org.regionCode !== actor.regionCode) throw fieldRefused('issuerOrgId', '制定机关不存在或不属于本行政区', 'NOT_FOUND');
  if (org.status !== 'active') throw fieldRefused('issuerOrgId', `制定机关「${org.name}」已停用`);
  if (org.type !== 'government' && org.type !== 'department') throw fieldRefused('issuerOrgId', '制定机关应为人民政府或其工作部门');
  return org;
}

/** Documents a draft amends or repeals: published, in force, of the same county, not the draft itself. */
async function checkAffects(tx: Tx, regionCode: string, affects: CreateDocumentBody['affects'], self?: string): Promise<void> {
  const ids = affects.map((a) => a.documentId);
  if (self && ids.includes(self)) throw fieldRefused('affects', '文件不能修改或废止其自身');
  const found = await lockDocuments(tx, ids);
  for (const id of ids) {
    const row = found.find((f) => f.id === id);
    if (!row || row.regionCode !== regionCode) throw fieldRefused('affects', '修改或废止的文件不存在或不属于本行政区');
    if (!row.docNo || !inForceStatuses.includes(row.status as LegalStatus)) throw fieldRefused('affects', `《${row.title}》不是现行有效的已公布文件`);
  }
}

export async function createDocument(request: FastifyRequest, body: CreateDocumentBody): Promise<DocumentDetail> {
  const scope = requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  const id = await write(request, async (tx, audit) => {
    const drafting = await findOrg(tx, body.draftingOrgId ?? actor.orgId);
    if (!drafting || !inScope(actor, scope, { orgId: drafting.id, orgPath: drafting.path, regionCode: drafting.regionCode })) {
      throw fieldRefused('draftingOrgId', '起草单位不在您的办理范围内', 'FORBIDDEN');
    }
    if (drafting.status !== 'active') throw fieldRefused('draftingOrgId', `起草单位「${drafting.name}」已停用`);
    const issuer = await issuerOf(tx, actor, body.issuerOrgId);
    await checkAffects(tx, drafting.regionCode, body.affects);
    const { draftingOrgId: _d, ...fields } = body;
    const opened = await openCase(
      tx,
      workflowDeps(request),
      { caseType: NORMATIVE, regionCode: drafting.regionCode, orgId: drafting.id, title: body.title, data: { title: body.title, issuerOrgId: issuer.id } },
      { actor, meta: request.meta },
    );
    const now = request.server.clock.now();
    await tx.insert(normativeDocuments).values({ ...fields, caseId: opened.id, regionCode: drafting.regionCode, createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId });
    await indexDocument(tx, opened.id, now);
    await audit({ action: 'normative.create', entityType: NORMATIVE, entityId: opened.id, regionCode: drafting.regionCode, orgId: drafting.id, after: { title: body.title, issuerOrgId: issuer.id } });
    return opened.id;
  });
  return getDocumentDetail(request, id);
}

/** Edits the draft under its case row's lock: the procedure cannot move on while it is being saved. */
export async function updateDraft(request: FastifyRequest, id: string, body: UpdateDocumentBody): Promise<DocumentDetail> {
  const scope = requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  await write(request, async (tx, audit) => {
    const [locked] = await lockDocuments(tx, [id]);
    if (!locked || !inScope(actor, scope, locked)) throw new AppError('NOT_FOUND', '文件不存在或无权访问');
    if (!editableStates.includes(locked.state)) throw new AppError('CONFLICT', '文件已进入审查或审议程序，不能修改草案；如需修改，请退回起草');
    if (locked.version !== body.version) throw versionConflict('文件');
    const { version: _v, ...changes } = body;
    if (changes.issuerOrgId) await issuerOf(tx, actor, changes.issuerOrgId);
    if (changes.affects) await checkAffects(tx, locked.regionCode, changes.affects, id);
    const now = request.server.clock.now();
    await updateDocument(tx, id, changes, now, actor.userId);
    if (changes.title) await tx.update(cases).set({ title: changes.title }).where(eq(cases.id, id));
    await indexDocument(tx, id, now);
    await audit({ action: 'normative.update', entityType: NORMATIVE, entityId: id, regionCode: locked.regionCode, orgId: locked.orgId, before: { version: locked.version }, after: changes });
  });
  return getDocumentDetail(request, id);
}
