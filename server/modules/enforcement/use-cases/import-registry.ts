import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { discretionLevelLabels, discretionLevels, enforcementFieldLabels, enforcementFields, matterCategories, matterCategoryLabels } from '../../../../contracts/enforcement.ts';
import { isLocalDate } from '../../../kernel/calendar/local-date.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { errorReportXlsx, readXlsx, type SheetRow } from '../../../kernel/excel/excel.ts';
import { write } from '../../../kernel/http/context.ts';
import { organisations } from '../../../kernel/org/org.tables.ts';
import { H, REQUIRED } from '../enforcement.excel.ts';
import { orgScoped } from '../enforcement.sql.ts';
import { insertBenchmark, insertCertificate, insertDelegation, insertMatter, replaceCertificate, updateBenchmarkRow, updateMatterRow, type Stamp } from '../enforcement.store.ts';
import { discretionBenchmarks, enforcementBodies, enforcementCertificates, enforcementMatters, enforcementOfficers, townshipDelegations } from '../enforcement.tables.ts';
import { manageContext } from './guards.ts';
import type { ListContext } from '../enforcement.repository.ts';
import { ENTITY } from '../enforcement.permissions.ts';
import type { ImportResult } from '../enforcement.schemas.ts';

/**
 * Excel imports of officers with their certificates, matters, benchmarks and delegations. All or
 * nothing: every row is checked and applied in one transaction; any row's problem rolls everything
 * back and is answered with each row's errors (IMPORT_INVALID, details.rows). A dry run applies and
 * rolls back, so its answer is exactly what the import would do.
 */

export const importKinds = ['officers', 'matters', 'benchmarks', 'delegations'] as const;
export type ImportKind = (typeof importKinds)[number];

type Outcome = 'created' | 'updated' | 'unchanged';
interface Row {
  n: number;
  cell: (header: string) => string;
  errors: string[];
}
type Apply = (tx: Tx, s: Stamp, row: Row) => Promise<Outcome | null>;

const headersOf: Record<ImportKind, string[]> = {
  officers: Object.values(H.officer),
  matters: Object.values(H.matter),
  benchmarks: Object.values(H.benchmark),
  delegations: Object.values(H.delegation),
};
const requiredOf: Record<ImportKind, string[]> = { officers: REQUIRED.officer, matters: REQUIRED.matter, benchmarks: REQUIRED.benchmark, delegations: REQUIRED.delegation };

const byLabel = <T extends string>(values: readonly T[], labels: Record<T, string>) => new Map<string, T>([...values.map((v) => [labels[v], v] as const), ...values.map((v) => [v, v] as const)]);
const fieldByLabel = byLabel(enforcementFields, enforcementFieldLabels);
const categoryByLabel = byLabel(matterCategories, matterCategoryLabels);
const levelByLabel = byLabel(discretionLevels, discretionLevelLabels);

function need(row: Row, header: string, max: number): string {
  const value = row.cell(header);
  if (!value) row.errors.push(`${header}不能为空`);
  else if (value.length > max) row.errors.push(`${header}不能超过${max}个字`);
  return value;
}
function optional(row: Row, header: string, max: number): string | null {
  const value = row.cell(header);
  if (value.length > max) row.errors.push(`${header}不能超过${max}个字`);
  return value || null;
}
function dayOf(row: Row, header: string, required = true): string {
  const value = row.cell(header);
  if (!value) {
    if (required) row.errors.push(`${header}不能为空`);
    return '';
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isLocalDate(value)) row.errors.push(`${header}“${value}”不是有效日期（应为 YYYY-MM-DD）`);
  return value;
}
function coded<T>(row: Row, header: string, map: Map<string, T>, choices: string): T | undefined {
  const value = row.cell(header);
  if (!value) return undefined;
  const found = map.get(value);
  if (found === undefined) row.errors.push(`${header}“${value}”无效，应为：${choices}`);
  return found;
}
function money(row: Row, header: string): number | null {
  const value = row.cell(header).replace(/,/g, '');
  if (!value) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    row.errors.push(`${header}应为不小于 0 的数字`);
    return null;
  }
  return n;
}

/** The region's organisations by name, short name and code; with whether each is within the manage scope. */
async function orgsOf(tx: Tx, ctx: ListContext) {
  const rows = await tx
    .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, code: organisations.code, type: organisations.type, inScope: sql<boolean>`${orgScoped(ctx.actor, ctx.scope, organisations.id, organisations.regionCode)}` })
    .from(organisations)
    .where(eq(organisations.regionCode, ctx.actor.regionCode));
  const map = new Map<string, (typeof rows)[number]>();
  for (const o of rows) for (const key of [o.code, o.shortName, o.name]) if (key) map.set(key, o);
  return map;
}

async function mattersOf(tx: Tx, ctx: ListContext) {
  const rows = await tx.select().from(enforcementMatters).where(eq(enforcementMatters.regionCode, ctx.actor.regionCode));
  return new Map(rows.map((m) => [m.code, m]));
}

async function officerApply(tx: Tx, ctx: ListContext): Promise<Apply> {
  const orgs = await orgsOf(tx, ctx);
  const inScope = new Set([...orgs.values()].filter((o) => o.inScope).map((o) => o.id));
  const bodies = new Map((await tx.select().from(enforcementBodies).where(eq(enforcementBodies.regionCode, ctx.actor.regionCode))).map((b) => [b.name, b]));
  const seenNos = new Set<string>();
  return async (tx, s, row) => {
    const name = need(row, H.officer.name, 50);
    const bodyName = need(row, H.officer.body, 100);
    const position = optional(row, H.officer.position, 50);
    const certificateNo = optional(row, H.officer.certificateNo, 40);
    const replacesNo = optional(row, H.officer.replaces, 40);
    const body = bodyName ? bodies.get(bodyName) : undefined;
    if (bodyName && !body) row.errors.push(`执法主体“${bodyName}”未登记`);
    else if (body && !inScope.has(body.orgId)) row.errors.push(`执法主体“${bodyName}”不在您的管理范围内`);
    let certificate = null;
    if (certificateNo) {
      if (seenNos.has(certificateNo)) row.errors.push(`执法证号“${certificateNo}”在文件中重复`);
      seenNos.add(certificateNo);
      const field = coded(row, H.officer.field, fieldByLabel, Object.values(enforcementFieldLabels).join('、'));
      if (!row.cell(H.officer.field)) row.errors.push(`${H.officer.field}不能为空`);
      const issuer = need(row, H.officer.issuer, 100);
      const issuedOn = dayOf(row, H.officer.issuedOn);
      const validUntil = dayOf(row, H.officer.validUntil);
      if (issuedOn && validUntil && validUntil < issuedOn) row.errors.push('有效期至不能早于发证日期');
      certificate = field ? { certificateNo, field, issuer, issuedOn, validUntil } : null;
    } else if (replacesNo) row.errors.push('填写了换发原证号，须同时填写新的执法证号');
    if (row.errors.length || !body) return null;

    const namesake = await tx.select().from(enforcementOfficers).where(and(eq(enforcementOfficers.bodyId, body.id), eq(enforcementOfficers.name, name)));
    if (namesake.length > 1) {
      row.errors.push(`“${bodyName}”有 ${namesake.length} 名同名执法人员，请在系统中逐个登记`);
      return null;
    }
    let officer = namesake[0];
    let outcome: Outcome = 'unchanged';
    if (!officer) {
      [officer] = await tx.insert(enforcementOfficers).values({ regionCode: body.regionCode, bodyId: body.id, orgId: body.orgId, name, position, createdBy: s.actor.userId, updatedBy: s.actor.userId, createdAt: s.at, updatedAt: s.at }).returning();
      await s.audit({ action: 'enforcement.officer.create', entityType: ENTITY.officer, entityId: officer!.id, orgId: officer!.orgId, after: officer, detail: s.detail });
      outcome = 'created';
    } else if (position && position !== officer.position) {
      const [after] = await tx.update(enforcementOfficers).set({ position, version: sql`${enforcementOfficers.version} + 1`, updatedAt: s.at, updatedBy: s.actor.userId }).where(eq(enforcementOfficers.id, officer.id)).returning();
      await s.audit({ action: 'enforcement.officer.update', entityType: ENTITY.officer, entityId: officer.id, orgId: officer.orgId, before: officer, after, detail: s.detail });
      outcome = 'updated';
    }
    if (!certificate) return outcome;
    const [existing] = await tx.select().from(enforcementCertificates).where(and(eq(enforcementCertificates.regionCode, body.regionCode), eq(enforcementCertificates.certificateNo, certificate.certificateNo)));
    if (existing) {
      if (existing.officerId !== officer!.id) row.errors.push(`执法证号“${certificate.certificateNo}”已登记在其他执法人员名下`);
      return outcome;
    }
    if (replacesNo) {
      const [old] = await tx.select().from(enforcementCertificates).where(and(eq(enforcementCertificates.regionCode, body.regionCode), eq(enforcementCertificates.certificateNo, replacesNo)));
      if (!old || old.officerId !== officer!.id) {
        row.errors.push(`换发原证号“${replacesNo}”不是${name}的执法证`);
        return null;
      }
      await replaceCertificate(tx, s, old, officer!, certificate, '换证');
    } else await insertCertificate(tx, s, officer!, certificate);
    return outcome === 'unchanged' ? 'updated' : outcome;
  };
}

async function matterApply(tx: Tx, ctx: ListContext): Promise<Apply> {
  const orgs = await orgsOf(tx, ctx);
  const matters = await mattersOf(tx, ctx);
  const seen = new Set<string>();
  return async (tx, s, row) => {
    const code = need(row, H.matter.code, 40);
    if (code && !/^[0-9A-Za-z_.-]+$/.test(code)) row.errors.push('事项编码只能包含字母、数字、下划线、点和短横线');
    if (seen.has(code)) row.errors.push(`事项编码“${code}”在文件中重复`);
    seen.add(code);
    const name = need(row, H.matter.name, 200);
    const category = coded(row, H.matter.category, categoryByLabel, Object.values(matterCategoryLabels).join('、'));
    const field = coded(row, H.matter.field, fieldByLabel, Object.values(enforcementFieldLabels).join('、'));
    const orgName = need(row, H.matter.org, 100);
    const org = orgName ? orgs.get(orgName) : undefined;
    if (orgName && !org) row.errors.push(`所属部门“${orgName}”不是本行政区的机构`);
    else if (org && !org.inScope) row.errors.push(`所属部门“${orgName}”不在您的管理范围内`);
    const legalBasis = need(row, H.matter.legalBasis, 10000);
    const penaltyBasis = optional(row, H.matter.penaltyBasis, 10000);
    const statusText = row.cell(H.matter.status);
    if (statusText && !['启用', '停用'].includes(statusText)) row.errors.push('状态应为“启用”或“停用”');
    if (row.errors.length || !category || !field || !org) return null;
    const input = { code, name, category, field, orgId: org.id, legalBasis, penaltyBasis, status: statusText === '停用' ? ('inactive' as const) : ('active' as const) };
    const existing = matters.get(code);
    if (!existing) {
      await insertMatter(tx, s, ctx.actor.regionCode, input);
      return 'created';
    }
    if (![...orgs.values()].some((o) => o.id === existing.orgId && o.inScope)) row.errors.push(`事项“${code}”属于其他部门，不能修改`);
    if (row.errors.length) return null;
    const same = (Object.keys(input) as (keyof typeof input)[]).every((k) => (existing[k] ?? null) === (input[k] ?? null));
    if (same) return 'unchanged';
    await updateMatterRow(tx, s, existing.id, existing.version, input);
    return 'updated';
  };
}

async function benchmarkApply(tx: Tx, ctx: ListContext): Promise<Apply> {
  const orgs = await orgsOf(tx, ctx);
  const inScope = new Set([...orgs.values()].filter((o) => o.inScope).map((o) => o.id));
  const matters = await mattersOf(tx, ctx);
  return async (tx, s, row) => {
    const code = need(row, H.benchmark.matterCode, 40);
    const matter = code ? matters.get(code) : undefined;
    if (code && !matter) row.errors.push(`事项编码“${code}”未登记`);
    else if (matter && !inScope.has(matter.orgId)) row.errors.push(`事项“${code}”不在您的管理范围内`);
    const violation = need(row, H.benchmark.violation, 2000);
    const circumstances = need(row, H.benchmark.circumstances, 2000);
    const level = coded(row, H.benchmark.level, levelByLabel, Object.values(discretionLevelLabels).join('、'));
    const fineMin = money(row, H.benchmark.fineMin);
    const fineMax = money(row, H.benchmark.fineMax);
    if (fineMin !== null && fineMax !== null && fineMin > fineMax) row.errors.push('罚款下限不能高于上限');
    const otherPenalties = optional(row, H.benchmark.otherPenalties, 500);
    const sortText = row.cell(H.benchmark.sortOrder);
    if (sortText && !/^\d{1,4}$/.test(sortText)) row.errors.push('排序应为 0–9999 的整数');
    if (row.errors.length || !matter || !level) return null;
    const input = { matterId: matter.id, violation, circumstances, level, fineMin, fineMax, otherPenalties, sortOrder: sortText ? Number(sortText) : 0 };
    const [existing] = await tx
      .select()
      .from(discretionBenchmarks)
      .where(and(eq(discretionBenchmarks.matterId, matter.id), eq(discretionBenchmarks.violation, violation), eq(discretionBenchmarks.circumstances, circumstances)));
    if (!existing) {
      await insertBenchmark(tx, s, matter, input);
      return 'created';
    }
    const same = existing.level === level && existing.fineMin === fineMin && existing.fineMax === fineMax && (existing.otherPenalties ?? null) === otherPenalties && existing.sortOrder === input.sortOrder;
    if (same) return 'unchanged';
    await updateBenchmarkRow(tx, s, existing.id, existing.version, matter.orgId, input);
    return 'updated';
  };
}

async function delegationApply(tx: Tx, ctx: ListContext): Promise<Apply> {
  const orgs = await orgsOf(tx, ctx);
  const matters = await mattersOf(tx, ctx);
  return async (tx, s, row) => {
    const townName = need(row, H.delegation.township, 100);
    const town = townName ? orgs.get(townName) : undefined;
    if (townName && !town) row.errors.push(`乡镇“${townName}”不是本行政区的机构`);
    else if (town && town.type !== 'township' && town.type !== 'street') row.errors.push(`“${townName}”不是乡镇（街道）`);
    const code = need(row, H.delegation.matterCode, 40);
    const matter = code ? matters.get(code) : undefined;
    if (code && !matter) row.errors.push(`事项编码“${code}”未登记`);
    const fromName = row.cell(H.delegation.fromOrg);
    const from = fromName ? orgs.get(fromName) : matter ? [...orgs.values()].find((o) => o.id === matter.orgId) : undefined;
    if (fromName && !from) row.errors.push(`赋权部门“${fromName}”不是本行政区的机构`);
    else if (from && !from.inScope) row.errors.push(`赋权部门“${from.name}”不在您的管理范围内`);
    const since = dayOf(row, H.delegation.since);
    const documentNo = optional(row, H.delegation.documentNo, 60);
    if (row.errors.length || !town || !matter || !from) return null;
    const [active] = await tx
      .select({ id: townshipDelegations.id, since: townshipDelegations.since })
      .from(townshipDelegations)
      .where(and(eq(townshipDelegations.townshipOrgId, town.id), eq(townshipDelegations.matterId, matter.id), sql`${townshipDelegations.until} is null`));
    if (active) {
      if (active.since !== since) row.errors.push(`该事项已于 ${active.since} 赋权“${town.name}”，尚未终止`);
      return 'unchanged';
    }
    await insertDelegation(tx, s, ctx.actor.regionCode, { townshipOrgId: town.id, matterId: matter.id, fromOrgId: from.id, since, documentNo });
    return 'created';
  };
}

const appliers: Record<ImportKind, (tx: Tx, ctx: ListContext) => Promise<Apply>> = { officers: officerApply, matters: matterApply, benchmarks: benchmarkApply, delegations: delegationApply };

class DryRun {
  constructor(readonly result: ImportResult) {}
}

async function run(request: FastifyRequest, kind: ImportKind, sheet: SheetRow[], dryRun: boolean): Promise<ImportResult> {
  const ctx = manageContext(request);
  try {
    return await write(request, async (tx, audit) => {
      // One import of a kind at a time per region: rows look up what earlier rows wrote.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`enforcement-import:${ctx.actor.regionCode}`}))`);
      const apply = await appliers[kind](tx, ctx);
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const errors: { row: number; errors: string[] }[] = [];
      for (const sheetRow of sheet) {
        const row: Row = { n: sheetRow.rowNumber, cell: (h) => sheetRow.cells[h]?.trim() ?? '', errors: [] };
        const stamp: Stamp = { actor: ctx.actor, at: request.server.clock.now(), audit, detail: { via: 'import', row: row.n } };
        try {
          const outcome = await apply(tx, stamp, row);
          if (outcome && !row.errors.length) counts[outcome] += 1;
        } catch (error) {
          // Our own refusals (checked before any SQL) leave the transaction usable; anything else ends it.
          if (!(error instanceof AppError)) throw error;
          row.errors.push(error.message);
        }
        if (row.errors.length) errors.push({ row: row.n, errors: row.errors });
      }
      if (errors.length) throw new AppError('IMPORT_INVALID', `导入文件有 ${errors.length} 行存在错误，未导入任何数据`, { rows: errors });
      if (dryRun) throw new DryRun({ ...counts, dryRun: true });
      return { ...counts, dryRun: false };
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

export async function importRegistry(request: FastifyRequest, kind: ImportKind, file: Buffer, dryRun: boolean): Promise<ImportResult> {
  manageContext(request);
  if (!Buffer.isBuffer(file)) throw new AppError('IMPORT_INVALID', '请上传 Excel（.xlsx）文件');
  const sheet = await readXlsx(file, requiredOf[kind]);
  if (!sheet.length) throw new AppError('IMPORT_INVALID', '文件中没有数据行');
  return run(request, kind, sheet, dryRun);
}

/** The uploaded rows with problems, each with what is wrong (no rows when the file is clean). */
export async function importReport(request: FastifyRequest, kind: ImportKind, file: Buffer): Promise<Buffer> {
  manageContext(request);
  if (!Buffer.isBuffer(file)) throw new AppError('IMPORT_INVALID', '请上传 Excel（.xlsx）文件');
  const sheet = await readXlsx(file, requiredOf[kind]);
  const errors = new Map<number, string[]>();
  try {
    await run(request, kind, sheet, true);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'IMPORT_INVALID') throw error;
    for (const r of (error.details as { rows: { row: number; errors: string[] }[] }).rows) errors.set(r.row, r.errors);
  }
  return errorReportXlsx(sheet, headersOf[kind], errors);
}
