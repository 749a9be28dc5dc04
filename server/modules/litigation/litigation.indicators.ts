import { defineRatio, type Dimension } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator } from '../../kernel/indicators/indicators.repository.ts';
import { appearanceRows, art12Rows, concludedRows, judgedRows, pendingRows, receivedRows } from './litigation.figures.ts';
import { failureLabels, instanceLabels, outcomeLabels } from './litigation.labels.ts';

/**
 * 行政应诉's figures. Every lawsuit is counted per instance (一审, 二审, 再审 are cases of their own),
 * placed in a period by the lawsuit's own dates. The 负责人出庭应诉率 follows the county's saved 统计口径
 * (GET/PUT /api/litigation/settings), read inside the indicator's SQL.
 */

const instance: Dimension = { key: 'instance', label: '审级', values: instanceLabels };
const lost: Dimension = { key: 'lost', label: '是否败诉', values: { yes: '败诉', no: '未败诉' } };

const CASE_BASIS = '《行政诉讼法》第六十七条；《法治政府建设与责任落实督察工作规定》第二十四条（法治政府建设年度报告）';
const RULES = '《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》';

export const litigationCasesFigure = defineCountIndicator({
  code: 'litigation.cases',
  name: '行政应诉收案数',
  unit: '件',
  basis: CASE_BASIS,
  description: '统计期间内收到起诉状副本的行政应诉案件数（以收到起诉状副本之日计），一审、二审、再审各计一件；按审级及是否经复议后起诉（政府信息公开年报表四）分列。',
  dimensions: [instance, { key: 'route', label: '起诉方式', values: { direct: '未经复议直接起诉', afterReconsideration: '复议后起诉' } }],
  recordDate: '收到起诉状副本日期',
  source: receivedRows,
});

export const litigationConcluded = defineCountIndicator({
  code: 'litigation.concluded',
  name: '行政应诉审结数',
  unit: '件',
  basis: '《行政诉讼法》第六十九条至第七十七条',
  description: '统计期间内审结的案件数（以裁判、调解或准予撤诉裁定的日期计），按裁判结果、是否败诉（撤销、部分撤销、履行、给付、确认违法、确认无效、变更为败诉）和审级分列。',
  dimensions: [{ key: 'outcome', label: '裁判结果', values: outcomeLabels }, lost, instance],
  recordDate: '裁判日期',
  source: concludedRows,
});

export const litigationJudged = defineCountIndicator({
  code: 'litigation.judged',
  name: '裁判审结数（计入败诉率）',
  unit: '件',
  basis: '《行政诉讼法》第六十九条至第七十七条',
  description: '统计期间内审结、且对被诉行政行为作出裁判的案件数：即「行政应诉审结数」中不含准予撤诉、调解结案和发回重审的案件；按是否败诉和审级分列。',
  dimensions: [lost, instance],
  recordDate: '裁判日期',
  source: judgedRows,
});

export const litigationLossRate = defineRatio({
  code: 'litigation.lossRate',
  name: '行政诉讼败诉率',
  basis: '《行政诉讼法》第七十条至第七十七条；无法定计算公式，本系统口径如右',
  description:
    '败诉案件数 ÷ 裁判审结案件数 × 100%：分子为统计期间内判决撤销、部分撤销、履行法定职责、给付、确认违法、确认无效、变更的案件；分母为同期审结的案件，不含准予撤诉、调解结案和发回重审（未对被诉行为作出裁判）。一审、二审、再审各按一件计，可按审级查看。',
  numerator: { code: litigationJudged.code, cell: { lost: 'yes' } },
  denominator: litigationJudged.code,
  dimensions: ['instance'],
});

export const litigationPending = defineCountIndicator({
  code: 'litigation.pending',
  name: '行政应诉未审结数',
  unit: '件',
  basis: CASE_BASIS,
  description: '统计截止日（期间末日；期间尚未结束的为今日）已收到起诉状副本、尚未审结的案件数，含以前期间结转的案件。',
  dimensions: [instance],
  recordDate: '收到起诉状副本日期',
  source: pendingRows,
});

export const litigationHeadAppearance = defineCountIndicator({
  code: 'litigation.headAppearance',
  name: '负责人出庭应诉统计数',
  unit: '件（次）',
  basis: `《行政诉讼法》第三条第三款；${RULES}第二条、第七条`,
  description:
    '负责人出庭应诉率的分子和分母，按本县设置的统计口径计算（默认：分母为统计期间内开庭审理的案件，同一案件同一审级开庭多次的计一件；分子为其中正职、副职或分管负责人至少出庭一次的案件；法院未开庭即审结的案件不计入）。口径可改为按庭次计算、调整计入分子的负责人身份或将未开庭审结的案件计入分母。',
  dimensions: [{ key: 'appeared', label: '负责人是否出庭', values: { yes: '负责人出庭', no: '负责人未出庭' } }, instance],
  recordDate: '开庭（或审结）日期',
  source: appearanceRows,
});

export const litigationHeadAppearanceRate = defineRatio({
  code: 'litigation.headAppearanceRate',
  name: '负责人出庭应诉率',
  basis: `《行政诉讼法》第三条第三款；${RULES}；无法定计算公式，按本县设置的统计口径`,
  description: '负责人出庭的件（次）数 ÷ 应出庭的件（次）数 × 100%，两者均取自「负责人出庭应诉统计数」，口径见该指标及「统计口径设置」。',
  numerator: { code: litigationHeadAppearance.code, cell: { appeared: 'yes' } },
  denominator: litigationHeadAppearance.code,
  dimensions: ['instance'],
});

export const litigationArt12Failures = defineCountIndicator({
  code: 'litigation.art12Failures',
  name: '出庭应诉第十二条情形次数',
  unit: '次',
  basis: `${RULES}第十二条`,
  description: '统计期间内开庭、法院认定存在第十二条所列情形（负责人无正当理由不出庭、延期后仍不出庭、均不出庭、中途退庭、拒绝解释说明）的庭审次数；法院对此应当提出司法建议并在裁判文书中载明。',
  dimensions: [{ key: 'failure', label: '情形', values: failureLabels }, instance],
  recordDate: '开庭日期',
  source: art12Rows,
});

export const litigationFigures = [
  litigationCasesFigure,
  litigationConcluded,
  litigationPending,
  litigationJudged,
  litigationLossRate,
  litigationHeadAppearance,
  litigationHeadAppearanceRate,
  litigationArt12Failures,
];
