import { regionSettings } from '../../kernel/config/region-settings.ts';
import type { SheetBody } from './evaluations.schemas.ts';
import { EvaluationSettings } from './evaluations.schemas.ts';

/** The county's 案卷评查 rules: how many working days a department has to rectify a file sent back. */
export const evaluationSettings = regionSettings('enforcement.evaluation', EvaluationSettings);

/**
 * The county's default scoring sheet, drawn from the common structure of provincial 行政处罚案卷评查标准
 * (主体、程序、证据、法律适用、文书、三项制度; 100 points; 优秀 ≥ 90, 合格 ≥ 70). It is a starting point
 * the county edits, not a provincial text.
 */
export const defaultSheet: SheetBody = {
  name: '行政处罚案卷评查评分表（本县可调整）',
  totalScore: 100,
  excellentFrom: 90,
  qualifiedFrom: 70,
  items: [
    { code: 'A1', group: '主体合法', title: '执法主体适格，在法定职权范围内实施处罚', maxScore: 5 },
    { code: 'A2', group: '主体合法', title: '执法人员具有行政执法资格，调查取证不少于两人', maxScore: 5 },
    { code: 'B1', group: '程序合法', title: '立案审批及时，手续完备', maxScore: 5 },
    { code: 'B2', group: '程序合法', title: '调查取证出示证件，询问、检查笔录制作合法', maxScore: 6 },
    { code: 'B3', group: '程序合法', title: '依法告知拟处罚内容及陈述、申辩、听证权利', maxScore: 6 },
    { code: 'B4', group: '程序合法', title: '符合条件的依法组织听证', maxScore: 5 },
    { code: 'B5', group: '程序合法', title: '处罚决定书依法送达', maxScore: 4 },
    { code: 'B6', group: '程序合法', title: '在法定期限内作出处罚决定', maxScore: 4 },
    { code: 'C1', group: '事实证据', title: '违法事实清楚', maxScore: 8 },
    { code: 'C2', group: '事实证据', title: '证据确实充分，取证形式合法', maxScore: 8 },
    { code: 'C3', group: '事实证据', title: '证据之间相互印证，形成完整证据链', maxScore: 4 },
    { code: 'D1', group: '适用法律', title: '适用法律、法规、规章正确', maxScore: 8 },
    { code: 'D2', group: '适用法律', title: '处罚种类和幅度适当，符合裁量基准', maxScore: 8 },
    { code: 'D3', group: '适用法律', title: '引用条款具体到条、款、项', maxScore: 4 },
    { code: 'E1', group: '文书规范', title: '使用规范文书格式，要素齐全', maxScore: 4 },
    { code: 'E2', group: '文书规范', title: '文书制作规范，文字表述准确', maxScore: 3 },
    { code: 'E3', group: '文书规范', title: '案卷装订规范，卷内目录完整', maxScore: 3 },
    { code: 'F1', group: '三项制度落实', title: '行政执法公示及时、内容完整', maxScore: 3 },
    { code: 'F2', group: '三项制度落实', title: '执法全过程记录完整、可回溯', maxScore: 4 },
    { code: 'F3', group: '三项制度落实', title: '重大执法决定经法制审核', maxScore: 3 },
  ],
};
