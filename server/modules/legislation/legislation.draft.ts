/** What the county's reply is drafted from: the consultation and the opinions the 司法局 adopted. */
export interface DraftSource {
  countyName: string;
  fromBody: string;
  documentTitle: string;
  documentNo: string | null;
  draftTitle: string;
  /** Organisations asked, and those that answered 无意见. */
  askedCount: number;
  noOpinionOrgs: string[];
  adopted: { orgName: string; opinion: string }[];
}

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (i: number) => (i < 10 ? numerals[i]! : i < 19 ? `十${numerals[i - 10]!}` : String(i + 1));

/** Title of the county's reply, e.g. 关于《湖南省优化营商环境规定（草案）》征求意见的反馈意见. */
export const replyTitle = (draftTitle: string) => `关于${draftTitle.startsWith('《') ? draftTitle : `《${draftTitle}》`}征求意见的反馈意见`;

/**
 * 汇总意见稿: the reply's first draft, one numbered item per adopted opinion (naming the organisation
 * it came from, which the 司法局 usually deletes before sending), then those who had none. The 司法局
 * edits the text before it is recorded as consolidated.
 */
export function draftReply(s: DraftSource): string {
  const source = s.documentNo ? `《${s.documentTitle}》（${s.documentNo}）` : `《${s.documentTitle}》`;
  const consulted = s.askedCount > 0 ? `经组织${s.askedCount}个县直部门和乡镇（街道）研究，` : '经研究，';
  const lines = [`${s.fromBody}：`, `    你单位${source}收悉。${consulted}现将我县意见反馈如下：`];
  if (s.adopted.length === 0) lines.push('    我县对该草案无修改意见。');
  s.adopted.forEach((a, i) => lines.push(`    ${numeral(i)}、${a.opinion.trim()}（${a.orgName}）`));
  if (s.adopted.length > 0 && s.noOpinionOrgs.length > 0) lines.push(`    ${s.noOpinionOrgs.join('、')}无意见。`);
  lines.push('', `${s.countyName}`);
  return [replyTitle(s.draftTitle), '', ...lines].join('\n');
}
