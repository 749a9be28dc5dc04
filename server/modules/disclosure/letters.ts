import { chineseDate, officialDocx } from '../../kernel/documents/official-docx.ts';
import { disclosureOutcomeLabels, outcomeGroupOf, type DisclosureOutcome, type OutcomeGroup } from '../../../contracts/disclosure.ts';
import { deliveryFormLabels, deliveryMethodLabels, type DeliveryForm, type DeliveryMethod } from './disclosure.labels.ts';

/** What a letter to the applicant says of the application. */
export interface LetterFacts {
  agencyName: string;
  applicantName: string;
  receivedOn: string;
  description: string;
}

/** 第五十一条: every reply tells the applicant how to challenge it. */
const REMEDY = '如对本答复不服，可以自收到本答复之日起六十日内依法向有权机关申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。';

/** The body of a reply per outcome group (table 三's 三（一）…（六）) and its provision of the 条例. */
const openings: Record<OutcomeGroup, (o: DisclosureOutcome) => string> = {
  disclose: () => '经审查，你申请获取的政府信息属于公开范围，根据《中华人民共和国政府信息公开条例》第三十六条第二项的规定，予以公开。',
  partial: () => '经审查，你申请获取的政府信息中部分内容不应当公开，根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关对能够作区分处理的部分予以公开，对不予公开的部分说明理由如下。',
  withhold: (o) => `经审查，你申请获取的政府信息${disclosureOutcomeLabels[o]}，根据《中华人民共和国政府信息公开条例》第三十六条第三项的规定，不予公开。`,
  unable: (o) =>
    o === 'unableNeedsCompiling'
      ? '经审查，你申请获取的信息需要本机关对现有政府信息进行加工、分析，根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关不予提供。'
      : o === 'unableUnclear'
        ? '经审查，你补正后的申请内容仍不明确，本机关无法确定你申请获取的政府信息，根据《中华人民共和国政府信息公开条例》第二十九条、第三十条的规定，无法提供。'
        : '经检索查找，本机关未制作或者获取你申请的政府信息，根据《中华人民共和国政府信息公开条例》第三十六条第四项的规定，告知你该政府信息不存在。',
  notHandled: (o) =>
    o === 'notHandledRepeat'
      ? '经审查，你已就相同政府信息向本机关提出公开申请，本机关已依法答复，根据《中华人民共和国政府信息公开条例》第三十六条第六项的规定，不予重复处理。'
      : `经审查，你的申请属于“${disclosureOutcomeLabels[o]}”的情形，根据《中华人民共和国政府信息公开条例》第三十五条、第三十九条的规定，本机关不作为政府信息公开申请处理。`,
  otherHandling: (o) => (o === 'otherOther' ? '本机关对你的申请作如下处理。' : `经审查，${disclosureOutcomeLabels[o]}。`),
};

export interface ReplyLetter extends LetterFacts {
  outcome: DisclosureOutcome;
  reason: string;
  replyNo: string;
  repliedOn: string;
  referredTo: string | null;
  deliveryForm: DeliveryForm | null;
  deliveryMethod: DeliveryMethod | null;
}

export function replyParagraphs(r: ReplyLetter): string[] {
  const delivery = r.deliveryForm && r.deliveryMethod ? `本机关以${deliveryFormLabels[r.deliveryForm]}形式、通过${deliveryMethodLabels[r.deliveryMethod]}方式向你提供。` : '';
  const paragraphs = [`你（单位）于${chineseDate(r.receivedOn)}向本机关提出政府信息公开申请，申请获取“${r.description}”。`, openings[outcomeGroupOf(r.outcome)](r.outcome), r.reason];
  if (delivery) paragraphs.push(delivery);
  if (r.referredTo) paragraphs.push(`经确定，负责公开该政府信息的机关为${r.referredTo}，你可以向其提出申请。`);
  paragraphs.push(REMEDY, '特此告知。');
  return paragraphs;
}

/** 政府信息公开申请答复书: GB/T 9704 layout, 文号 under the title. */
export function replyDocx(r: ReplyLetter): Promise<Buffer> {
  return officialDocx({
    title: '政府信息公开申请答复书',
    paragraphs: [r.replyNo, ...replyParagraphs(r)],
    to: r.applicantName,
    signature: { org: r.agencyName, date: r.repliedOn },
  });
}

/** 延期答复告知书 (第三十三条第二款): the extension approved, its length, the new date and why. */
export function extensionDocx(f: LetterFacts & { noticeOn: string; days: number; newDueOn: string; reason: string }): Promise<Buffer> {
  return officialDocx({
    title: '政府信息公开申请延期答复告知书',
    to: f.applicantName,
    paragraphs: [
      `你（单位）于${chineseDate(f.receivedOn)}向本机关提出政府信息公开申请，申请获取“${f.description}”。`,
      `因${f.reason}，本机关不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${f.days}个工作日，本机关将于${chineseDate(f.newDueOn)}前作出答复。`,
      '特此告知。',
    ],
    signature: { org: f.agencyName, date: f.noticeOn },
  });
}
