import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { findFiles } from '../../../kernel/files/files.repository.ts';
import { readFileContent } from '../../../kernel/files/files.ts';
import { zipArchive, type ZipInput } from '../../../kernel/files/zip-writer.ts';
import { regions } from '../../../kernel/org/org.tables.ts';
import { caseEvents } from '../../../kernel/workflow/workflow.tables.ts';
import { legalityConclusionLabels, type LegalityConclusion } from '../../legality/legality.ts';
import { meetingKindLabels, meetingOutcomeLabels } from '../../../../contracts/normative.ts';
import { chineseDate, officialDocx } from '../../../kernel/documents/official-docx.ts';
import { findReadableDocument, getDocument } from '../normative.repository.ts';

async function lastEvent(request: FastifyRequest, caseId: string, action: string) {
  const [row] = await request.server.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.action, action)))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  return row;
}

/** What the 备案 needs, once the document is published: the document, its opinion and its meeting. */
async function filingFacts(request: FastifyRequest, id: string) {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const row = await findReadableDocument(request.server.db, actor, id, beijingToday(request.server.clock));
  if (!row) throw new AppError('NOT_FOUND', '文件不存在或无权访问');
  if (!row.docNo || !row.publishedOn) throw new AppError('CONFLICT', '文件尚未统一编号并公布，不能生成备案材料');
  const [doc, opinion, meeting] = await Promise.all([getDocument(request.server.db, id), lastEvent(request, id, 'giveLegalityOpinion'), lastEvent(request, id, 'recordDiscussion')]);
  return { row, doc, opinion, meeting };
}

type Facts = Awaited<ReturnType<typeof filingFacts>>;

function meetingText(meeting: Facts['meeting']): string {
  const data = meeting?.data as { meetingKind?: keyof typeof meetingKindLabels; meetingSeq?: number; meetingOn?: string; outcome?: keyof typeof meetingOutcomeLabels } | null;
  if (!data?.meetingOn || !data.meetingKind) return '';
  const kind = meetingKindLabels[data.meetingKind].replace(/（.*）/, '');
  return `经${data.meetingOn.slice(0, 4)}年第${data.meetingSeq}次${kind}（${chineseDate(data.meetingOn)}）集体讨论${data.outcome ? meetingOutcomeLabels[data.outcome].replace(/（.*）/, '') : ''}`;
}

/** 备案 goes to the government one level up and the county's own 人大常委会 (domain.md §1.7). */
async function addressees(request: FastifyRequest, regionCode: string): Promise<string> {
  const [county] = await request.server.db.select().from(regions).where(eq(regions.code, regionCode));
  const [parent] = county?.parentCode ? await request.server.db.select().from(regions).where(eq(regions.code, county.parentCode)) : [];
  return `${parent ? `${parent.name}人民政府` : '上一级人民政府'}、${county ? county.name : '本级'}人大常委会`;
}

async function reportDocx(request: FastifyRequest, { row, opinion, meeting }: Facts): Promise<Buffer> {
  const conclusion = (opinion?.data as { conclusion?: LegalityConclusion } | null)?.conclusion;
  const reviewed = conclusion ? `经合法性审核（审核结论：${legalityConclusionLabels[conclusion]}）` : '经合法性审核';
  const validity = row.validUntil ? `，有效期至${chineseDate(row.validUntil)}` : '';
  return officialDocx({
    title: `${row.issuerName}关于报送《${row.title}》备案的报告`,
    to: await addressees(request, row.regionCode),
    paragraphs: [
      `根据《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）和规范性文件备案审查的有关规定，现将《${row.title}》（${row.docNo}）报送备案。`,
      `该文件由${row.orgName}起草，${reviewed}，${meetingText(meeting) || '经集体讨论决定'}，统一登记、统一编号、统一印发，于${chineseDate(row.publishedOn!)}公布，自${chineseDate(row.effectiveOn!)}起施行${validity}。`,
      '特此报告。',
    ],
    attachments: ['规范性文件正式文本', '起草说明', '制定依据', '合法性审核意见书'],
    signature: { org: row.issuerName, date: row.publishedOn! },
  });
}

export async function filingReport(request: FastifyRequest, id: string): Promise<Buffer> {
  return reportDocx(request, await filingFacts(request, id));
}

/** The 备案 package: the report, the text, the explanation, the basis and the signed review opinion. */
export async function filingPackage(request: FastifyRequest, id: string): Promise<Buffer> {
  const facts = await filingFacts(request, id);
  const { row, doc, opinion } = facts;
  const opinionData = opinion?.data as { conclusion?: LegalityConclusion; opinion?: string; reviewer?: string } | null;
  const entries: ZipInput[] = [
    { name: '1-备案报告.docx', data: await reportDocx(request, facts) },
    { name: '2-规范性文件正式文本.docx', data: await officialDocx({ title: row.title, paragraphs: [`（${row.docNo}）`, doc.body], signature: { org: row.issuerName, date: row.publishedOn! } }) },
    { name: '3-起草说明.docx', data: await officialDocx({ title: `关于《${row.title}》的起草说明`, paragraphs: [doc.draftingExplanation] }) },
    { name: '4-制定依据.docx', data: await officialDocx({ title: `《${row.title}》制定依据`, paragraphs: [doc.basis] }) },
  ];
  if (opinionData?.opinion) {
    entries.push({
      name: '5-合法性审核意见.docx',
      data: await officialDocx({
        title: `关于《${row.title}》的合法性审核意见`,
        paragraphs: [`审核结论：${opinionData.conclusion ? legalityConclusionLabels[opinionData.conclusion] : ''}`, opinionData.opinion, `审核人员：${opinionData.reviewer ?? ''}`],
      }),
    });
  }
  // The signed opinion as filed with the step, byte for byte.
  const signed = opinion ? await findFiles(request.server.db, opinion.fileIds) : [];
  for (const [i, file] of signed.entries()) {
    entries.push({ name: `6-合法性审核意见书（签署件）${signed.length > 1 ? `-${i + 1}` : ''}-${file.name}`, data: await readFileContent(request.server.db, file.id) });
  }
  return zipArchive(entries, request.server.clock.now());
}
