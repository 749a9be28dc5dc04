import { asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { adoptionLabels, decisionStateLabels, type DecisionState } from '../../../../contracts/decisions.ts';
import { approvedComments, consultationsOf } from '../../../kernel/consultation/consultation.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { fileIndex, readFileContent } from '../../../kernel/files/files.ts';
import { zipArchive, type ZipInput } from '../../../kernel/files/zip-writer.ts';
import { auditRead } from '../../../kernel/http/context.ts';
import { caseEvents } from '../../../kernel/workflow/workflow.tables.ts';
import { DECISION } from '../decisions.permissions.ts';
import { findExperts, findHearings } from '../decisions.repository.ts';
import { decisionWorkflow } from '../decisions.workflow.ts';
import { readableDecision } from './decisions.ts';

interface IndexRow {
  no: number;
  kind: string;
  name: string;
  step: string;
  at: string;
  by: string;
  path: string;
  size: number | null;
  sm3: string | null;
}

const indexColumns: Column<IndexRow>[] = [
  { header: '序号', width: 8, value: (r) => r.no },
  { header: '类别', width: 12, value: (r) => r.kind },
  { header: '材料名称', width: 40, value: (r) => r.name },
  { header: '程序环节', width: 24, value: (r) => r.step },
  { header: '时间', width: 20, value: (r) => r.at },
  { header: '办理人', width: 12, value: (r) => r.by },
  { header: '压缩包内文件', width: 44, value: (r) => r.path },
  { header: '大小（字节）', width: 14, value: (r) => r.size },
  { header: 'SM3 摘要', width: 66, value: (r) => r.sm3 },
];

const beijing = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const stepLabel = (action: string) => (action === 'open' ? '启动决策程序' : (decisionWorkflow.actions[action]?.label ?? action));
const safeName = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

function describe(data: unknown): string {
  if (data === null || data === undefined || typeof data !== 'object') return '';
  return Object.entries(data as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}：${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('；');
}

/**
 * 决策档案 (条例 第三十三条): every record of the decision and every attachment, with an index
 * (归档目录.xlsx) naming each item, its procedure step, date and SM3 digest, as one zip.
 */
export async function decisionArchive(request: FastifyRequest, caseId: string): Promise<{ name: string; zip: Buffer }> {
  const db = request.server.db;
  const row = await readableDecision(db, request.actor, caseId);
  const [events, rounds, comments, experts, hearings] = await Promise.all([
    db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq)),
    consultationsOf(db, DECISION, caseId),
    approvedComments(db, DECISION, caseId),
    findExperts(db, caseId),
    findHearings(db, caseId),
  ]);
  const rows: IndexRow[] = [];
  const entries: ZipInput[] = [];
  const add = (r: Omit<IndexRow, 'no'>) => rows.push({ no: rows.length + 1, ...r });

  const record = (lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');
  const history = events.map((e) => `${e.seq}. ${beijing(e.at)} ${e.actorName ?? ''} ${stepLabel(e.action)}（${decisionStateLabels[e.toState as DecisionState] ?? e.toState}）${e.reason ? ` 理由：${e.reason}` : ''}${describe(e.data) ? `\n   ${describe(e.data)}` : ''}`);
  entries.push({ name: '01-全过程记录.txt', data: record([`${row.title} 全过程记录`, '', ...history]) });
  add({ kind: '过程记录', name: '全过程记录', step: '全部环节', at: '', by: '', path: '01-全过程记录.txt', size: null, sm3: null });

  const main = [`决策事项：${row.title}`, `承办单位：${row.orgName}`, `决策机关：${row.deciderOrgName}`, '', '决策草案说明：', row.d.summary];
  if (row.d.decisionText) main.push('', '决定内容：', row.d.decisionText);
  if (row.d.adoptionStatement) main.push('', row.d.adoptionStatement);
  entries.push({ name: '02-决策草案、决定及采纳情况说明.txt', data: record(main) });
  add({ kind: '决策文本', name: '决策草案、决定及采纳情况说明', step: '公布决策', at: row.d.publishedOn ?? '', by: '', path: '02-决策草案、决定及采纳情况说明.txt', size: null, sm3: null });

  if (rounds.length || comments.length) {
    const lines = rounds.map((c) => `征求意见：${c.opensOn} 至 ${c.closesOn}${c.shortenedReason ? `（缩短理由：${c.shortenedReason}）` : ''}`);
    comments.forEach((c, i) => lines.push(`${i + 1}. ${c.authorName}：${c.content}【${c.adoption ? adoptionLabels[c.adoption] : '未标注'}】${c.adoptionNote ?? ''}`));
    entries.push({ name: '03-公众意见及采纳情况.txt', data: record(lines) });
    add({ kind: '公众参与', name: `公众意见（${comments.length} 条）及采纳情况`, step: '公众参与', at: rounds[0]?.opensOn ?? '', by: '', path: '03-公众意见及采纳情况.txt', size: null, sm3: null });
  }
  if (hearings.length) {
    entries.push({ name: '04-听证会记录.txt', data: record(hearings.map((h) => `${h.seq}. ${h.heldOn} ${h.place}\n参加人：${h.participants}\n笔录：${h.record}`)) });
    add({ kind: '公众参与', name: `听证会记录（${hearings.length} 次）`, step: '公众参与', at: hearings[0]!.heldOn, by: '', path: '04-听证会记录.txt', size: null, sm3: null });
  }
  if (experts.length) {
    entries.push({ name: '05-专家论证意见.txt', data: record(experts.map((e) => `${e.seq}. ${e.name}（${e.title}，${e.affiliation}）：${e.opinion}【${e.adopted ? '采纳' : '未采纳'}】${e.adoptionNote ?? ''}`)) });
    add({ kind: '专家论证', name: `专家论证意见（${experts.length} 名专家）`, step: '专家论证', at: '', by: '', path: '05-专家论证意见.txt', size: null, sm3: null });
  }

  // Attachments: each step's files, then the comment round's.
  const attached: { fileId: string; step: string; at: string; by: string }[] = [];
  for (const e of events) for (const fileId of e.fileIds) attached.push({ fileId, step: stepLabel(e.action), at: beijing(e.at), by: e.actorName ?? '' });
  for (const c of rounds) for (const fileId of c.fileIds) attached.push({ fileId, step: '公开征求意见（附件）', at: c.opensOn, by: '' });
  const seen = new Set<string>();
  const unique = attached.filter((a) => (seen.has(a.fileId) ? false : (seen.add(a.fileId), true)));
  const index = await fileIndex(db, unique.map((a) => a.fileId));
  for (const [i, file] of index.entries()) {
    const path = `附件/${String(i + 1).padStart(3, '0')}-${safeName(file.name)}`;
    entries.push({ name: path, data: await readFileContent(db, file.id), modifiedAt: file.uploadedAt });
    const a = unique[i]!;
    add({ kind: '附件', name: file.name, step: a.step, at: a.at, by: a.by, path, size: file.size, sm3: file.sm3 });
  }

  entries.unshift({ name: '00-归档目录.xlsx', data: await toXlsx('归档目录', indexColumns, rows) });
  await auditRead(request, { action: 'decisions.archive', entityType: DECISION, entityId: caseId, regionCode: row.regionCode, orgId: row.orgId, detail: { files: index.length } });
  return { name: `${safeName(row.title)}-决策档案.zip`, zip: zipArchive(entries, request.server.clock.now()) };
}
