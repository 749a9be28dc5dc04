import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { errorReportXlsx, readXlsx, type SheetRow } from '../../../kernel/excel/excel.ts';
import { write } from '../../../kernel/http/context.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { proposalKindLabels, proposalKinds, type ProposalKind } from '../../../../contracts/proposals.ts';
import { HANDLE } from '../proposals.permissions.ts';
import { RegisterBody, type ImportResult } from '../proposals.schemas.ts';
import { lockRegistrations, numberTaken, openProposal } from './register.ts';

/**
 * A session's list of 建议 or 提案 from the 人大 or 政协 (Excel): every row checked, then all
 * registered in one transaction or none (IMPORT_INVALID with each row's problems). A dry run checks
 * the same way and writes nothing.
 */

export const H = { kind: '类别', session: '届次会议', year: '年度', number: '编号', title: '标题', proposers: '提出人', content: '内容', topic: '分类' } as const;
const REQUIRED: string[] = [H.kind, H.session, H.year, H.number, H.title, H.proposers, H.content];

const kindByLabel = new Map<string, ProposalKind>([
  ...proposalKinds.map((k) => [proposalKindLabels[k], k] as const),
  ['人大建议', 'npc'],
  ['代表建议', 'npc'],
  ['政协提案', 'cppcc'],
  ['提案', 'cppcc'],
]);

/** The text columns with their limits (RegisterBody's), for the row's messages. */
const limits = { sessionLabel: [H.session, 80], number: [H.number, 30], title: [H.title, 200], proposers: [H.proposers, 300], content: [H.content, 20000], topic: [H.topic, 24] } as const;

interface Checked {
  rows: { n: number; body: RegisterBody }[];
  errors: Map<number, string[]>;
}

function check(sheet: SheetRow[]): Checked {
  const rows: Checked['rows'] = [];
  const errors = new Map<number, string[]>();
  const seen = new Map<string, number>();
  for (const row of sheet) {
    const cell = (h: string) => row.cells[h]?.trim() ?? '';
    const problems: string[] = [];
    const kindText = cell(H.kind);
    const kind = kindByLabel.get(kindText);
    if (!kind) problems.push(kindText ? `类别“${kindText}”无效，应为：人大代表建议、政协委员提案` : '类别不能为空');
    const yearText = cell(H.year);
    if (!/^\d{4}$/.test(yearText)) problems.push(yearText ? `年度“${yearText}”应为四位数字` : '年度不能为空');
    const parsed = RegisterBody.safeParse({
      kind: kind ?? 'npc',
      sessionLabel: cell(H.session),
      year: Number(yearText) || 2000,
      number: cell(H.number),
      title: cell(H.title),
      proposers: cell(H.proposers),
      content: cell(H.content),
      topic: cell(H.topic) || undefined,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]) as keyof typeof limits;
        if (field in limits) problems.push(cell(limits[field][0]) ? `${limits[field][0]}不能超过${limits[field][1]}个字` : `${limits[field][0]}不能为空`);
      }
    }
    if (parsed.success && kind) {
      const key = `${kind}|${parsed.data.sessionLabel}|${parsed.data.number}`;
      const earlier = seen.get(key);
      if (earlier) problems.push(`与第${earlier}行编号重复`);
      else seen.set(key, row.rowNumber);
    }
    if (problems.length) errors.set(row.rowNumber, [...new Set(problems)]);
    else if (parsed.success) rows.push({ n: row.rowNumber, body: parsed.data });
  }
  return { rows, errors };
}

class DryRun {
  constructor(readonly result: ImportResult) {}
}

async function run(request: FastifyRequest, sheet: SheetRow[], dryRun: boolean): Promise<ImportResult> {
  requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  const deps = workflowDeps(request);
  try {
    return await write(request, async (tx, audit) => {
      // One import per region at a time: a row checks the numbers earlier imports registered.
      await lockRegistrations(tx, actor.regionCode);
      const { rows, errors } = check(sheet);
      for (const row of rows) {
        if (await numberTaken(tx, actor.regionCode, row.body)) errors.set(row.n, [`${row.body.sessionLabel}已登记第${row.body.number}号`]);
      }
      if (errors.size) {
        throw new AppError('IMPORT_INVALID', `导入文件有 ${errors.size} 行存在错误，未导入任何数据`, { rows: [...errors].sort(([a], [b]) => a - b).map(([row, e]) => ({ row, errors: e })) });
      }
      if (dryRun) throw new DryRun({ created: rows.length, dryRun: true });
      for (const row of rows) await openProposal(tx, deps, { actor, meta: request.meta }, row.body);
      await audit({ action: 'proposals.import', entityType: 'proposal', regionCode: actor.regionCode, after: { created: rows.length } });
      return { created: rows.length, dryRun: false };
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

export async function importProposals(request: FastifyRequest, data: Buffer, dryRun: boolean): Promise<ImportResult> {
  return run(request, await readXlsx(data, REQUIRED), dryRun);
}

/** The uploaded rows with a column saying what is wrong with each (for rows with errors). */
export async function importReport(request: FastifyRequest, data: Buffer): Promise<Buffer> {
  requirePermission(request.actor, HANDLE);
  const sheet = await readXlsx(data, REQUIRED);
  const { errors } = check(sheet);
  return errorReportXlsx(sheet, Object.values(H), errors);
}
