import type { FastifyRequest } from 'fastify';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import type { DataScope } from '../../../kernel/auth/auth.tables.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { AppError, notFound } from '../../../kernel/errors/app-error.ts';
import { errorReportXlsx, parseDay, readXlsx, type SheetRow } from '../../../kernel/excel/excel.ts';
import { write } from '../../../kernel/http/context.ts';
import {
  interpretationFormLabels,
  interpretationForms,
  proactiveCategories,
  proactiveCategoryLabels,
  proactiveKindLabels,
  proactiveKinds,
} from '../../../../contracts/disclosure.ts';
import { PROACTIVE_IMPORT_ENTITY, PROACTIVE_WRITE } from '../disclosure-report.permissions.ts';
import { deleteImported, findImportBatches, importOrgs, insertProactiveRows, type ProactiveInsert } from '../proactive.repository.ts';

/**
 * Importing 主动公开 records from Excel (the export's columns): every row is checked first and a file
 * with any bad row writes nothing; a dry run checks and answers the counts only. A clean file is written
 * in one statement, each row stamped with the import's id so that the batch can be undone as a whole.
 */

export const H = { org: '公开机关', publishedOn: '公开日期', title: '标题', category: '类别', kind: '信息类型', form: '解读形式', channel: '公开渠道', url: '网址' } as const;
export const IMPORT_HEADERS: string[] = Object.values(H);
const REQUIRED: string[] = [H.publishedOn, H.title, H.category];
const MAX_ROWS = 20_000;

/** Codes or labels (and labels without their suffix, 文字 for 文字解读). */
function lookup<K extends string>(codes: readonly K[], labels: Record<K, string>, extra: (label: string) => string[] = () => []): Map<string, K> {
  const map = new Map<string, K>();
  for (const code of codes) for (const key of [code, labels[code], ...extra(labels[code])]) map.set(key, code);
  return map;
}
const categoryByText = lookup(proactiveCategories, proactiveCategoryLabels);
const kindByText = lookup(proactiveKinds, proactiveKindLabels, (l) => (l === '政策解读' ? ['解读'] : ['信息']));
const formByText = lookup(interpretationForms, interpretationFormLabels, (l) => [l.replace(/解读$/, ''), l.replace(/形式$/, '')]);

type Row = Omit<ProactiveInsert, 'regionCode' | 'importId' | 'createdBy' | 'updatedBy'>;

async function checkSheet(request: FastifyRequest, scope: DataScope, sheet: SheetRow[]) {
  const actor: Actor = request.actor!;
  if (!sheet.length) throw new AppError('IMPORT_INVALID', 'Excel 文件中没有主动公开信息');
  if (sheet.length > MAX_ROWS) throw new AppError('IMPORT_INVALID', `一次最多导入 ${MAX_ROWS} 行，请拆分文件后分别导入`);
  const orgs = await importOrgs(request.server.db, actor.regionCode);
  const orgByName = new Map<string, (typeof orgs)[number]>();
  for (const org of orgs) for (const key of [org.code, org.shortName, org.name]) if (key) orgByName.set(key, org);
  const allowed = (org: { id: string; path: string }) => (scope === 'own_org' ? org.id === actor.orgId : scope === 'org_subtree' ? org.path.startsWith(actor.orgPath) : true);
  const today = beijingToday(request.server.clock);
  const rows: Row[] = [];
  const errors = new Map<number, string[]>();
  for (const item of sheet) {
    const problems: string[] = [];
    const cell = (h: string) => item.cells[h] ?? '';
    const orgText = cell(H.org);
    const org = orgText ? orgByName.get(orgText) : orgs.find((o) => o.id === actor.orgId);
    if (!org) problems.push(orgText ? `${H.org}“${orgText}”不存在或已停用` : `${H.org}不能为空`);
    else if (!allowed(org)) problems.push(`只能导入本单位的主动公开信息，“${org.name}”不在本人办理范围内`);
    const dayText = cell(H.publishedOn);
    const publishedOn = dayText ? parseDay(dayText) : null;
    if (!dayText) problems.push(`${H.publishedOn}不能为空`);
    else if (!publishedOn) problems.push(`${H.publishedOn}“${dayText}”不是有效日期（如 2021-03-05）`);
    else if (publishedOn > today) problems.push(`${H.publishedOn}不能晚于今天`);
    const title = cell(H.title);
    if (!title) problems.push(`${H.title}不能为空`);
    else if (title.length > 300) problems.push(`${H.title}不能超过300个字`);
    const category = categoryByText.get(cell(H.category));
    if (!category) problems.push(cell(H.category) ? `${H.category}“${cell(H.category)}”无效，应为：${Object.values(proactiveCategoryLabels).join('、')}` : `${H.category}不能为空`);
    const kind = cell(H.kind) ? kindByText.get(cell(H.kind)) : 'item';
    if (!kind) problems.push(`${H.kind}“${cell(H.kind)}”无效，应为“公开信息”或“政策解读”`);
    const formText = cell(H.form);
    const form = formText ? formByText.get(formText) : undefined;
    if (formText && !form) problems.push(`${H.form}“${formText}”无效，应为：${Object.values(interpretationFormLabels).join('、')}`);
    if (kind === 'interpretation' && !formText) problems.push(`政策解读须填写${H.form}`);
    if (kind === 'item' && formText) problems.push(`只有政策解读填写${H.form}`);
    const channel = cell(H.channel);
    if (channel.length > 40) problems.push(`${H.channel}不能超过40个字`);
    const url = cell(H.url);
    if (url.length > 500) problems.push(`${H.url}不能超过500个字`);
    if (problems.length) errors.set(item.rowNumber, problems);
    else rows.push({ orgId: org!.id, publishedOn: publishedOn!, title, category: category!, kind: kind!, form: form ?? null, channel: channel || null, url: url || null });
  }
  return { rows, errors };
}

export async function importProactive(request: FastifyRequest, file: Buffer, dryRun: boolean) {
  const scope = requirePermission(request.actor, PROACTIVE_WRITE);
  const actor = request.actor!;
  const sheet = await readXlsx(file, REQUIRED);
  const { rows, errors } = await checkSheet(request, scope, sheet);
  if (errors.size) {
    const details = [...errors].sort(([a], [b]) => a - b).map(([row, list]) => ({ row, errors: list }));
    throw new AppError('IMPORT_INVALID', `导入文件共 ${sheet.length} 行，其中 ${errors.size} 行存在错误，未导入任何数据`, { rows: details });
  }
  if (dryRun) return { importId: null, imported: rows.length, dryRun: true };
  const importId = crypto.randomUUID();
  await write(request, async (tx, audit) => {
    await insertProactiveRows(
      tx,
      rows.map((r) => ({ ...r, regionCode: actor.regionCode, importId, createdBy: actor.userId })),
    );
    await audit({ action: 'proactive.import', entityType: PROACTIVE_IMPORT_ENTITY, entityId: importId, orgId: actor.orgId, detail: { rows: rows.length, bytes: file.length } });
  });
  return { importId, imported: rows.length, dryRun: false };
}

/** The uploaded rows that have problems, each with what is wrong. */
export async function proactiveImportReport(request: FastifyRequest, file: Buffer): Promise<Buffer> {
  const scope = requirePermission(request.actor, PROACTIVE_WRITE);
  const sheet = await readXlsx(file, REQUIRED);
  const { errors } = await checkSheet(request, scope, sheet);
  return errorReportXlsx(sheet, IMPORT_HEADERS, errors);
}

export async function listImportBatches(request: FastifyRequest) {
  const scope = requirePermission(request.actor, PROACTIVE_WRITE);
  return findImportBatches(request.server.db, request.actor!, scope);
}

export async function undoProactiveImport(request: FastifyRequest, importId: string) {
  const scope = requirePermission(request.actor, PROACTIVE_WRITE);
  return write(request, async (tx, audit) => {
    const result = await deleteImported(tx, request.actor!, scope, importId);
    if (result.total === 0) throw notFound('导入批次');
    if (result.inScope !== result.total) throw new AppError('FORBIDDEN', '该批次中有不在本人办理范围内的记录，不能撤销');
    await audit({ action: 'proactive.import.undo', entityType: PROACTIVE_IMPORT_ENTITY, entityId: importId, regionCode: result.regionCode ?? undefined, detail: { deleted: result.deleted } });
    return { importId, deleted: result.deleted };
  });
}
