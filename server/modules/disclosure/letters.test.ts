import { describe, expect, it } from 'vitest';
import { replyDocx, replyParagraphs, type ReplyLetter } from './letters.ts';

const base: ReplyLetter = {
  agencyName: '岳阳县市场监督管理局',
  applicantName: '张三',
  receivedOn: '2021-09-28',
  description: '食品安全抽检结果',
  outcome: 'disclose',
  reason: '见附件。',
  replyNo: '岳县市监公〔2021〕1号',
  repliedOn: '2021-10-15',
  referredTo: null,
  deliveryForm: null,
  deliveryMethod: null,
};

describe('答复书 per outcome group', () => {
  it('names the provision of the group, the delivery for 公开, the right agency when known, and the remedies', () => {
    const text = (over: Partial<ReplyLetter>) => replyParagraphs({ ...base, ...over }).join('\n');
    expect(text({ outcome: 'partial', deliveryForm: 'paper', deliveryMethod: 'mail' })).toMatch(/第三十七条[\s\S]*见附件。\n本机关以纸质形式、通过邮寄方式向你提供。/);
    expect(text({ outcome: 'withholdThirdParty' })).toContain('保护第三方合法权益，根据《中华人民共和国政府信息公开条例》第三十六条第三项');
    expect(text({ outcome: 'unableNotHeld', referredTo: '岳阳县档案馆' })).toMatch(/第三十六条第四项[\s\S]*负责公开该政府信息的机关为岳阳县档案馆/);
    expect(text({ outcome: 'notHandledRepeat' })).toContain('第三十六条第六项');
    expect(text({})).toContain('2021年9月28日');
    expect(text({})).toContain('六十日内依法向有权机关申请行政复议');
  });

  it('renders an A4 .docx', async () => {
    const docx = await replyDocx({ ...base, outcome: 'partial', deliveryForm: 'electronic', deliveryMethod: 'online' });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });
});
