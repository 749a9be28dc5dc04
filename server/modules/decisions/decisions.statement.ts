import { adoptionLabels, gateLabels, gates } from '../../../contracts/decisions.ts';
import type { AdoptionEntry, ConsultationRow } from '../../kernel/consultation/consultation.ts';
import type { decisionExperts, decisionHearings, Gates } from './decisions.tables.ts';

export interface StatementSource {
  title: string;
  orgName: string;
  gates: Gates;
  consultations: Pick<ConsultationRow, 'opensOn' | 'closesOn' | 'shortenedReason'>[];
  comments: AdoptionEntry[];
  experts: (typeof decisionExperts.$inferSelect)[];
  hearings: (typeof decisionHearings.$inferSelect)[];
}

const cn = ['一', '二', '三', '四', '五', '六'];

/**
 * 公众意见、专家论证意见采纳情况说明 (条例 第三十二条), drafted from the approved public comments with
 * their adoption marks and the experts' opinions; staff edit it before the decision is published.
 * Comments are quoted by author and content (approved ones only; contacts never appear).
 */
export function draftAdoptionStatement(s: StatementSource): string {
  const out: string[] = [`关于《${s.title}》公众意见和专家论证意见采纳情况的说明`, ''];
  const sections: string[][] = [];

  const publicPart: string[] = [];
  if (s.gates.publicParticipation.status === 'exempted') {
    publicPart.push(`本决策事项依法未公开征求意见。依据：${s.gates.publicParticipation.ground}。`);
  } else {
    for (const c of s.consultations) {
      publicPart.push(`${s.orgName}于${c.opensOn}至${c.closesOn}向社会公开征求意见${c.shortenedReason ? `（征求意见期限缩短的理由：${c.shortenedReason}）` : ''}。`);
    }
    const by = (state: AdoptionEntry['adoption']) => s.comments.filter((c) => c.adoption === state);
    const adopted = by('adopted');
    const partly = by('partly');
    const notAdopted = by('notAdopted');
    const unmarked = by(null);
    publicPart.push(
      s.comments.length
        ? `共收到有效意见 ${s.comments.length} 条，其中采纳 ${adopted.length} 条、部分采纳 ${partly.length} 条、未采纳 ${notAdopted.length} 条${unmarked.length ? `、尚未标注采纳情况 ${unmarked.length} 条` : ''}。`
        : '征求意见期间未收到有效意见。',
    );
    const list = (heading: string, entries: AdoptionEntry[]) => {
      if (!entries.length) return;
      publicPart.push(heading);
      entries.forEach((c, i) => publicPart.push(`${i + 1}. ${c.authorName}：${c.content}${c.adoptionNote ? `（${c.adoption ? adoptionLabels[c.adoption] : ''}情况：${c.adoptionNote}）` : ''}`));
    };
    list('（一）采纳的意见', adopted);
    list('（二）部分采纳的意见', partly);
    list('（三）未采纳的意见及理由', notAdopted);
    list('（四）尚未标注采纳情况的意见', unmarked);
    for (const h of s.hearings) publicPart.push(`${h.heldOn}在${h.place}举行听证会，参加人：${h.participants}。`);
  }
  sections.push(['公众参与情况', ...publicPart]);

  const expertPart: string[] = [];
  if (s.gates.expertReview.status === 'exempted') {
    expertPart.push(`本决策事项依法未组织专家论证。依据：${s.gates.expertReview.ground}。`);
  } else if (!s.experts.length) {
    expertPart.push('尚未登记专家论证意见。');
  } else {
    expertPart.push(`组织 ${s.experts.length} 名专家进行论证，采纳 ${s.experts.filter((e) => e.adopted).length} 条意见。`);
    s.experts.forEach((e, i) =>
      expertPart.push(`${i + 1}. ${e.name}（${e.title}，${e.affiliation}）：${e.opinion}——${e.adopted ? '已采纳' : '未采纳'}${e.adoptionNote ? `，${e.adoptionNote}` : ''}。`),
    );
  }
  sections.push(['专家论证情况', ...expertPart]);

  const exempted = gates.filter((g) => s.gates[g].status === 'exempted');
  if (exempted.length) sections.push(['依法免予履行的程序', ...exempted.map((g) => `${gateLabels[g]}：${s.gates[g].ground}`)]);

  sections.forEach(([heading, ...lines], i) => out.push(`${cn[i]}、${heading}`, ...lines, ''));
  return out.join('\n').trimEnd() + '\n';
}
