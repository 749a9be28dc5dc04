import { enforcementFields, type BodyKind, type DiscretionLevel, type EnforcementField, type LeniencyList, type MatterCategory } from '../../contracts/enforcement.ts';
import { addDays, type LocalDate } from '../kernel/calendar/local-date.ts';
import type { Tx } from '../kernel/db/db.ts';
import {
  discretionBenchmarks,
  enforcementBodies,
  enforcementCertificates,
  enforcementMatters,
  enforcementOfficers,
  enforcementTrainings,
  leniencyItems,
  townshipDelegations,
} from '../modules/enforcement/enforcement.tables.ts';
import type { Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * 岳阳县's 行政执法 registry. 2021 as its annual report states it: 1,626 行政执法人员 holding a valid
 * provincial certificate at the year's end, 23 of them re-issued (换证) during the year, and the first
 * batch of 39 matters delegated to the townships under 《岳阳县乡镇综合执法工作暂行规定》 (公田镇 the
 * pilot from April, the others from July). Besides them, certificates that lapsed, were suspended or
 * revoked in 2021 and officers certified later, so that the figures are real filters. Names are
 * generated deterministically; nothing personal beyond a name is kept. Rows go in by multi-row inserts.
 */

export const DEMO_CERTIFIED_2021 = 1626;
export const DEMO_REPLACED_2021 = 23;
export const DEMO_DELEGATED_2021 = 39;

const ISSUER = '湖南省人民政府';
const DELEGATION_DOC = '《岳阳县乡镇综合执法工作暂行规定》第一批赋权事项';

interface BodyDef {
  org: string;
  field: EnforcementField;
  officers: number;
  kind?: BodyKind;
  name?: string;
  basis: string;
}

/** County bodies and their officers with a valid certificate on 2021-12-31; townships share the rest. */
const countyBodies: BodyDef[] = [
  { org: '430621-D22', field: 'market', officers: 236, basis: '《中华人民共和国食品安全法》第六条；《中华人民共和国产品质量法》第八条；《市场监督管理行政处罚程序规定》' },
  { org: '430621-D11', field: 'environment', officers: 58, basis: '《中华人民共和国环境保护法》第十条；《生态环境行政处罚办法》' },
  { org: '430621-D18', field: 'health', officers: 96, basis: '《中华人民共和国传染病防治法》第七条、第五十三条；《公共场所卫生管理条例》' },
  { org: '430621-D15', field: 'agriculture', officers: 88, basis: '《中华人民共和国农产品质量安全法》；《农药管理条例》；《中华人民共和国种子法》' },
  { org: '430621-D10', field: 'naturalResources', officers: 74, basis: '《中华人民共和国土地管理法》第五条；《中华人民共和国矿产资源法》第十一条' },
  { org: '430621-D12', field: 'housing', officers: 62, basis: '《中华人民共和国建筑法》；《建设工程质量管理条例》' },
  { org: '430621-D13', field: 'transport', officers: 118, basis: '《中华人民共和国公路法》第八条；《中华人民共和国道路运输条例》' },
  { org: '430621-D14', field: 'water', officers: 41, basis: '《中华人民共和国水法》第十二条；《湖南省河道采砂管理条例》' },
  { org: '430621-D17', field: 'culture', officers: 37, basis: '《中华人民共和国文化市场综合行政执法管理办法》；《娱乐场所管理条例》' },
  { org: '430621-D20', field: 'emergency', officers: 52, basis: '《中华人民共和国安全生产法》第十条；《烟花爆竹安全管理条例》' },
  { org: '430621-D26', field: 'urban', officers: 165, basis: '《城市市容和环境卫生管理条例》；《湖南省城市综合管理条例》' },
  { org: '430621-D03', field: 'education', officers: 22, basis: '《中华人民共和国教育法》；《中华人民共和国民办教育促进法》' },
  { org: '430621-D16', field: 'commerce', officers: 19, basis: '《粮食流通管理条例》；《单用途商业预付卡管理办法（试行）》' },
  { org: '430621-D25', field: 'forestry', officers: 47, basis: '《中华人民共和国森林法》第九条；《中华人民共和国野生动物保护法》' },
  { org: '430621-D33', field: 'agriculture', officers: 26, kind: 'authorised', name: '岳阳县畜牧水产事务中心', basis: '《中华人民共和国渔业法》第六条；《中华人民共和国动物防疫法》（法律法规授权）' },
  { org: '430621-D09', field: 'other', officers: 16, basis: '《劳动保障监察条例》第三条' },
  { org: '430621-D24', field: 'other', officers: 14, basis: '《医疗保障基金使用监督管理条例》第六条' },
];
const TOWNSHIPS = 14;
const GONGTIAN = '430621-T06';
const TOWNSHIP_BASIS = '《中华人民共和国行政处罚法》第二十四条；《湖南省人民政府关于赋予乡镇（街道）经济社会管理权限的决定》；《岳阳县乡镇综合执法工作暂行规定》';

type MatterDef = [code: string, org: string, field: EnforcementField, category: MatterCategory, name: string, basis: string, penalty: string | null, fine: [number, number] | null, delegated: boolean];

/** The matters of the main fields; the 39 marked true are the first batch delegated to the townships. */
const matters: MatterDef[] = [
  ['SJ-001', '430621-D22', 'market', 'penalty', '对未取得食品经营许可从事食品经营活动的行政处罚', '《中华人民共和国食品安全法》第三十五条', '《中华人民共和国食品安全法》第一百二十二条', [50000, 100000], false],
  ['SJ-002', '430621-D22', 'market', 'penalty', '对食品小作坊、小餐饮、食品摊贩未办理登记从事生产经营的行政处罚', '《湖南省食品生产加工小作坊小餐饮和食品摊贩管理条例》第十条', '《湖南省食品生产加工小作坊小餐饮和食品摊贩管理条例》第四十二条', [500, 5000], true],
  ['SJ-003', '430621-D22', 'market', 'penalty', '对经营超过保质期的食品的行政处罚', '《中华人民共和国食品安全法》第三十四条第十项', '《中华人民共和国食品安全法》第一百二十四条', [50000, 100000], true],
  ['SJ-004', '430621-D22', 'market', 'penalty', '对食品经营者未按规定查验供货者许可证和食品合格证明文件的行政处罚', '《中华人民共和国食品安全法》第五十三条', '《中华人民共和国食品安全法》第一百二十六条', [5000, 50000], true],
  ['SJ-005', '430621-D22', 'market', 'penalty', '对未按规定公示营业执照的行政处罚', '《中华人民共和国市场主体登记管理条例》第三十六条', '《中华人民共和国市场主体登记管理条例》第四十八条', [0, 3000], true],
  ['SJ-006', '430621-D22', 'market', 'penalty', '对销售不符合保障人体健康安全标准的产品的行政处罚', '《中华人民共和国产品质量法》第十三条', '《中华人民共和国产品质量法》第四十九条', null, false],
  ['SJ-007', '430621-D22', 'market', 'penalty', '对零售药店未凭处方销售处方药的行政处罚', '《药品流通监督管理办法》第十八条', '《药品流通监督管理办法》第三十八条', [0, 1000], false],
  ['SJ-008', '430621-D22', 'market', 'inspection', '对食品生产经营活动的监督检查', '《中华人民共和国食品安全法》第一百一十条', null, null, false],
  ['HB-001', '430621-D11', 'environment', 'penalty', '对露天焚烧秸秆、落叶等产生烟尘污染物质的行政处罚', '《中华人民共和国大气污染防治法》第七十七条', '《中华人民共和国大气污染防治法》第一百一十九条', [500, 2000], true],
  ['HB-002', '430621-D11', 'environment', 'penalty', '对畜禽养殖场未按规定处置畜禽粪污的行政处罚', '《畜禽规模养殖污染防治条例》第二十条', '《畜禽规模养殖污染防治条例》第四十二条', [0, 30000], true],
  ['HB-003', '430621-D11', 'environment', 'penalty', '对露天烧烤食品或者为露天烧烤提供场地的行政处罚', '《中华人民共和国大气污染防治法》第八十一条', '《中华人民共和国大气污染防治法》第一百一十八条', [5000, 20000], true],
  ['HB-004', '430621-D11', 'environment', 'penalty', '对超标排放水污染物的行政处罚', '《中华人民共和国水污染防治法》第十条', '《中华人民共和国水污染防治法》第八十三条', [100000, 1000000], false],
  ['HB-005', '430621-D11', 'environment', 'coercion', '对违法排放污染物造成或者可能造成严重污染的设施、设备的查封、扣押', '《中华人民共和国环境保护法》第二十五条', null, null, false],
  ['WJ-001', '430621-D18', 'health', 'penalty', '对医疗机构未按规定报告传染病疫情的行政处罚', '《中华人民共和国传染病防治法》第三十条', '《中华人民共和国传染病防治法》第六十九条', null, false],
  ['WJ-002', '430621-D18', 'health', 'penalty', '对单位和个人违反传染病防治法导致传染病传播、流行的行政处罚', '《中华人民共和国传染病防治法》第七十三条', '《中华人民共和国传染病防治法》第七十三条', [0, 50000], false],
  ['WJ-003', '430621-D18', 'health', 'penalty', '对公共场所经营者未取得卫生许可证擅自营业的行政处罚', '《公共场所卫生管理条例》第八条', '《公共场所卫生管理条例实施细则》第三十五条', [500, 5000], true],
  ['WJ-004', '430621-D18', 'health', 'penalty', '对公共场所从业人员未取得有效健康合格证明上岗的行政处罚', '《公共场所卫生管理条例》第七条', '《公共场所卫生管理条例实施细则》第三十八条', [0, 5000], true],
  ['WJ-005', '430621-D18', 'health', 'penalty', '对在公共场所、工作场所吸烟或者未设置禁烟标识的行政处罚', '《公共场所卫生管理条例实施细则》第十八条', '《公共场所卫生管理条例实施细则》第三十八条', [0, 2000], true],
  ['WJ-006', '430621-D18', 'health', 'penalty', '对非医师行医的行政处罚', '《中华人民共和国医师法》第十三条', '《中华人民共和国医师法》第五十九条', [10000, 50000], false],
  ['NY-001', '430621-D15', 'agriculture', 'penalty', '对经营假农药的行政处罚', '《农药管理条例》第四十四条', '《农药管理条例》第五十五条', [5000, 20000], true],
  ['NY-002', '430621-D15', 'agriculture', 'penalty', '对经营假、劣种子的行政处罚', '《中华人民共和国种子法》第四十八条', '《中华人民共和国种子法》第七十四条', [10000, 100000], true],
  ['NY-003', '430621-D15', 'agriculture', 'penalty', '对农资经营者未建立进货查验和销售台账的行政处罚', '《农药管理条例》第二十七条；《肥料登记管理办法》', '《农药管理条例》第五十八条', [0, 10000], true],
  ['NY-004', '430621-D15', 'agriculture', 'penalty', '对在禁渔区、禁渔期进行捕捞的行政处罚', '《中华人民共和国渔业法》第三十条；《中华人民共和国长江保护法》第五十三条', '《中华人民共和国长江保护法》第八十六条', [50000, 500000], true],
  ['NY-005', '430621-D15', 'agriculture', 'penalty', '对违法使用禁用农药的行政处罚', '《农药管理条例》第三十四条', '《农药管理条例》第六十条', [0, 100000], true],
  ['NY-006', '430621-D15', 'agriculture', 'penalty', '对农村村民未经批准或者采取欺骗手段骗取批准非法占用土地建住宅的行政处罚', '《中华人民共和国土地管理法》第六十二条', '《中华人民共和国土地管理法》第七十八条', null, true],
  ['ZR-001', '430621-D10', 'naturalResources', 'penalty', '对未取得采矿许可证擅自采矿的行政处罚', '《中华人民共和国矿产资源法》第三条', '《中华人民共和国矿产资源法》第三十九条；《中华人民共和国矿产资源法实施细则》第四十二条', [10000, 100000], true],
  ['ZR-002', '430621-D10', 'naturalResources', 'penalty', '对非法占用土地的行政处罚', '《中华人民共和国土地管理法》第四十四条', '《中华人民共和国土地管理法》第七十七条', [0, 30], true],
  ['ZR-003', '430621-D10', 'naturalResources', 'penalty', '对未经批准擅自开采砂石土的行政处罚', '《湖南省地质环境保护条例》；《中华人民共和国矿产资源法》第三条', '《中华人民共和国矿产资源法实施细则》第四十二条', [10000, 100000], true],
  ['ZR-004', '430621-D10', 'naturalResources', 'penalty', '对破坏或者擅自改变基本农田保护区标志的行政处罚', '《基本农田保护条例》第十一条', '《基本农田保护条例》第三十二条', [0, 1000], true],
  ['ZR-005', '430621-D10', 'naturalResources', 'coercion', '对非法采矿设备的查封、扣押', '《湖南省矿产资源管理条例》', null, null, false],
  ['SL-001', '430621-D14', 'water', 'penalty', '对未经许可在河道管理范围内采砂的行政处罚', '《中华人民共和国长江保护法》第二十八条；《湖南省河道采砂管理条例》第十一条', '《中华人民共和国长江保护法》第九十一条', [100000, 1000000], true],
  ['SL-002', '430621-D14', 'water', 'penalty', '对在河道管理范围内弃置、堆放阻碍行洪物体的行政处罚', '《中华人民共和国防洪法》第二十二条', '《中华人民共和国防洪法》第五十六条', [0, 50000], true],
  ['SL-003', '430621-D14', 'water', 'penalty', '对擅自在河道管理范围内建设妨碍行洪的建筑物的行政处罚', '《中华人民共和国水法》第三十七条', '《中华人民共和国水法》第六十五条', [10000, 100000], true],
  ['SL-004', '430621-D14', 'water', 'penalty', '对在湖泊管理范围内围湖造地的行政处罚', '《中华人民共和国水法》第四十条', '《中华人民共和国水法》第六十六条', [10000, 50000], true],
  ['ZJ-001', '430621-D12', 'housing', 'penalty', '对未取得施工许可证擅自施工的行政处罚', '《中华人民共和国建筑法》第七条', '《建筑工程施工许可管理办法》第十二条', [0, 30000], false],
  ['ZJ-002', '430621-D12', 'housing', 'penalty', '对农村建房未按规定组织竣工验收的行政处罚', '《湖南省农村住房建设管理办法》', '《建设工程质量管理条例》第五十八条', [0, 5000], true],
  ['JT-001', '430621-D13', 'transport', 'penalty', '对擅自在公路上设卡、收费的行政处罚', '《中华人民共和国公路法》第四十八条', '《中华人民共和国公路法》第七十六条', [0, 30000], false],
  ['JT-002', '430621-D13', 'transport', 'penalty', '对在公路用地范围内堆放物品、设置障碍的行政处罚', '《中华人民共和国公路法》第四十六条', '《中华人民共和国公路法》第七十七条', [0, 5000], true],
  ['JT-003', '430621-D13', 'transport', 'penalty', '对未取得道路运输经营许可擅自从事道路客运经营的行政处罚', '《中华人民共和国道路运输条例》第十条', '《中华人民共和国道路运输条例》第六十三条', [10000, 100000], false],
  ['CG-001', '430621-D26', 'urban', 'penalty', '对擅自占用城市道路摆摊设点、占道经营的行政处罚', '《城市道路管理条例》第三十一条', '《湖南省城市综合管理条例》第七十八条', [50, 500], true],
  ['CG-002', '430621-D26', 'urban', 'penalty', '对在建筑物外墙、树木等处乱张贴、乱涂写的行政处罚', '《城市市容和环境卫生管理条例》第十七条', '《城市市容和环境卫生管理条例》第三十四条', [0, 100], true],
  ['CG-003', '430621-D26', 'urban', 'penalty', '对乱倒生活垃圾、建筑垃圾的行政处罚', '《城市市容和环境卫生管理条例》第三十二条', '《城市建筑垃圾管理规定》第二十六条', [5000, 50000], true],
  ['CG-004', '430621-D26', 'urban', 'penalty', '对未经批准擅自设置户外广告设施的行政处罚', '《湖南省城市综合管理条例》第三十四条', '《湖南省城市综合管理条例》第八十一条', [1000, 10000], true],
  ['CG-005', '430621-D26', 'urban', 'penalty', '对乡村建设规划区内未取得乡村建设规划许可证进行建设的行政处罚', '《中华人民共和国城乡规划法》第四十一条', '《中华人民共和国城乡规划法》第六十五条', null, true],
  ['CG-006', '430621-D26', 'urban', 'penalty', '对运输渣土车辆沿途泄漏、遗撒的行政处罚', '《城市市容和环境卫生管理条例》第十五条', '《城市建筑垃圾管理规定》第二十三条', [5000, 50000], true],
  ['CG-007', '430621-D26', 'urban', 'penalty', '对擅自搭建建筑物、构筑物或者其他设施影响市容的行政处罚', '《城市市容和环境卫生管理条例》第十四条', '《城市市容和环境卫生管理条例》第三十六条', [0, 5000], true],
  ['YJ-001', '430621-D20', 'emergency', 'penalty', '对未经许可经营（零售）烟花爆竹的行政处罚', '《烟花爆竹安全管理条例》第十九条', '《烟花爆竹安全管理条例》第三十六条', [1000, 5000], true],
  ['YJ-002', '430621-D20', 'emergency', 'penalty', '对生产经营单位未按规定开展安全生产教育培训的行政处罚', '《中华人民共和国安全生产法》第二十八条', '《中华人民共和国安全生产法》第九十七条', [0, 100000], true],
  ['YJ-003', '430621-D20', 'emergency', 'penalty', '对生产经营单位未采取措施消除事故隐患的行政处罚', '《中华人民共和国安全生产法》第四十一条', '《中华人民共和国安全生产法》第一百零二条', [50000, 100000], false],
  ['LY-001', '430621-D25', 'forestry', 'penalty', '对滥伐林木的行政处罚', '《中华人民共和国森林法》第五十六条', '《中华人民共和国森林法》第七十六条', null, true],
  ['LY-002', '430621-D25', 'forestry', 'penalty', '对在野外用火引发森林火灾隐患的行政处罚', '《森林防火条例》第二十五条', '《森林防火条例》第五十条', [200, 3000], true],
  ['LY-003', '430621-D25', 'forestry', 'penalty', '对非法猎捕、杀害野生动物的行政处罚', '《中华人民共和国野生动物保护法》第二十一条', '《中华人民共和国野生动物保护法》第四十八条', null, false],
  ['WL-001', '430621-D17', 'culture', 'penalty', '对娱乐场所接纳未成年人的行政处罚', '《娱乐场所管理条例》第二十三条', '《娱乐场所管理条例》第四十八条', [0, 20000], true],
  ['WL-002', '430621-D17', 'culture', 'penalty', '对网吧接纳未成年人进入营业场所的行政处罚', '《互联网上网服务营业场所管理条例》第二十一条', '《互联网上网服务营业场所管理条例》第三十一条', [0, 15000], true],
  ['SW-001', '430621-D16', 'commerce', 'penalty', '对未经备案从事粮食收购活动的行政处罚', '《粮食流通管理条例》第九条', '《粮食流通管理条例》第四十二条', [0, 50000], false],
];

/** Benchmarks of two fields the issue names: 传染病防治 (警告 … 责令停业整顿) and 涉砂涉矿. */
const specialBenchmarks: Record<string, [string, DiscretionLevel, number | null, number | null, string | null][]> = {
  'WJ-001': [
    ['首次迟报、漏报，未造成传染病传播，及时改正', 'lighter', null, null, '责令改正，通报批评，给予警告'],
    ['迟报、漏报两例以上或者经责令改正仍不改正', 'general', null, null, '责令改正，通报批评，给予警告'],
    ['隐瞒、谎报疫情或者造成传染病传播、流行', 'heavier', null, null, '对负有责任的主管人员和其他直接责任人员依法给予处分，并可以依法吊销有关责任人员的执业证书'],
  ],
  'WJ-002': [
    ['违法行为轻微，未造成传染病传播，及时改正', 'lighter', null, 10000, '责令限期改正，没收违法所得，警告'],
    ['造成传染病传播风险，经责令改正仍不改正', 'general', 10000, 30000, '没收违法所得'],
    ['导致或者可能导致传染病传播、流行', 'heavier', 30000, 50000, '责令停业整顿；情节严重的，吊销许可证'],
  ],
};

const LEVELS: DiscretionLevel[] = ['lighter', 'general', 'heavier'];
const CIRCUMSTANCES = ['初次违法，情节轻微，主动消除或者减轻违法行为危害后果', '违法情节一般，按期改正', '违法情节严重、多次违法或者拒不改正'];

const leniency: [list: LeniencyList, code: string, conditions: string][] = [
  ['firstViolation', 'SJ-005', '首次未按规定公示营业执照，危害后果轻微并在责令改正期限内改正的，可以不予行政处罚'],
  ['firstViolation', 'SJ-004', '首次未查验供货者许可证，未造成危害后果，及时补正并能如实说明进货来源的，可以不予行政处罚'],
  ['firstViolation', 'CG-001', '首次占道经营，经劝导后立即自行清理的，可以不予行政处罚'],
  ['firstViolation', 'CG-002', '首次乱张贴、乱涂写，在责令期限内自行清除的，可以不予行政处罚'],
  ['firstViolation', 'WJ-005', '首次未设置禁烟标识，在责令改正期限内改正的，可以不予行政处罚'],
  ['firstViolation', 'NY-003', '首次未建立进货查验台账，经责令改正后建立的，可以不予行政处罚'],
  ['firstViolation', 'JT-002', '首次在公路用地范围内堆放物品，经责令后立即清除、未影响通行安全的，可以不予行政处罚'],
  ['firstViolation', 'HB-003', '首次露天烧烤，经劝导后立即停止、未造成明显污染的，可以不予行政处罚'],
  ['minor', 'WJ-004', '从业人员健康合格证明过期不超过三十日、在责令期限内补办的，不予行政处罚'],
  ['minor', 'HB-001', '焚烧少量落叶、及时熄灭且未造成大气污染后果的，不予行政处罚'],
  ['minor', 'CG-004', '设置的小型户外广告设施在责令期限内自行拆除的，不予行政处罚'],
  ['minor', 'LY-002', '野外用火未造成火情，当场熄灭的，不予行政处罚'],
  ['lenient', 'SJ-003', '主动从货架撤下过期食品并召回、货值金额较小的，可以从轻或者减轻处罚'],
  ['lenient', 'NY-001', '受他人胁迫或者诱骗，主动供述违法来源的，应当从轻或者减轻处罚'],
  ['lenient', 'ZR-003', '主动停止开采、恢复地貌并配合查处的，应当从轻或者减轻处罚'],
  ['lenient', 'SL-002', '主动清除堆放物、未影响行洪安全的，可以从轻处罚'],
  ['lenient', 'YJ-002', '主动补足培训并消除隐患的，可以从轻处罚'],
  ['lenient', 'WL-002', '确因被伪造身份证件欺骗接纳未成年人的，可以从轻或者减轻处罚'],
];

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤易喻柳';
const givenChars = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红玉兰文斌辉鹏宇浩凯晨颖婷琳波峰俊海云飞亮成林雪梅春燕立新德永庆宏光佳欣怡思雨子涵梓萱博文嘉瑞凡';

/** A deterministic generator (mulberry32): the same county every time. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedDemoEnforcementRegistry(r: Replay, today: LocalDate): Promise<void> {
  const rnd = random(430621);
  const pick = <T>(list: ArrayLike<T>) => list[Math.floor(rnd() * list.length)]!;
  const between = (from: LocalDate, days: number) => addDays(from, Math.floor(rnd() * days));
  const name = () => pick(surnames) + pick(givenChars) + (rnd() < 0.7 ? pick(givenChars) : '');
  const by = r.actor('sfj').userId;
  const at = new Date('2021-01-04T09:00:00+08:00');
  const stamp = { createdBy: by, updatedBy: by, createdAt: at, updatedAt: at };
  const thisYear = Number(today.slice(0, 4));
  // Current certificates end within the next few years, a handful within the reminder window.
  const currentUntil = (i: number) => (i % 97 === 5 ? addDays(today, 10 + (i % 80)) : `${thisYear + 1 + (i % 4)}-12-31`);

  await r.db.transaction(async (tx: Tx) => {
    const townshipDefs: BodyDef[] = Array.from({ length: TOWNSHIPS }, (_, i) => {
      const org = `430621-T${String(i + 1).padStart(2, '0')}`;
      return { org, field: 'comprehensive' as const, officers: 0, basis: TOWNSHIP_BASIS };
    });
    const countyOfficers = countyBodies.reduce((n, b) => n + b.officers, 0);
    const townshipOfficers = DEMO_CERTIFIED_2021 - countyOfficers;
    const model = townshipDefs.find((b) => b.org === GONGTIAN)!;
    model.officers = 41;
    const others = townshipDefs.filter((b) => b !== model);
    others.forEach((b, i) => (b.officers = Math.floor((townshipOfficers - 41) / others.length) + (i < (townshipOfficers - 41) % others.length ? 1 : 0)));
    const defs = [...countyBodies, ...townshipDefs];

    const bodyRows = await tx
      .insert(enforcementBodies)
      .values(
        defs.map((d) => {
          const org = r.org(d.org);
          return { regionCode: DEMO_REGION, orgId: org.id, name: d.name ?? org.name, kind: d.kind ?? 'statutory', fields: [d.field], legalBasis: d.basis, ...stamp };
        }),
      )
      .returning({ id: enforcementBodies.id, orgId: enforcementBodies.orgId });

    type Planned = { body: number; status: 'active' | 'inactive'; certificates: { field: EnforcementField; issuedOn: LocalDate; validUntil: LocalDate; status: 'valid' | 'suspended' | 'revoked' | 'replaced'; reason?: string; changedOn?: LocalDate; replacesPrev?: boolean }[]; training2021: number | null };
    const planned: Planned[] = [];
    let replacements = 0;
    defs.forEach((d, b) => {
      for (let i = 0; i < d.officers; i++) {
        const n = planned.length;
        if (replacements < DEMO_REPLACED_2021 && n % 67 === 11) {
          // 换证 in 2021: the old certificate gives way to a new one issued that day.
          const on = between('2021-02-01', 300);
          planned.push({
            body: b,
            status: 'active',
            certificates: [
              { field: d.field, issuedOn: between('2015-03-01', 500), validUntil: addDays(on, 30 + Math.floor(rnd() * 60)), status: 'replaced', reason: '有效期届满换证' },
              { field: d.field, issuedOn: on, validUntil: currentUntil(n), status: 'valid', replacesPrev: true },
            ],
            training2021: 60 + Math.floor(rnd() * 36),
          });
          replacements++;
          continue;
        }
        planned.push({
          body: b,
          status: 'active',
          certificates: [{ field: d.field, issuedOn: between('2016-01-04', 2150), validUntil: currentUntil(n), status: 'valid' }],
          training2021: n % 14 === 3 ? 24 + Math.floor(rnd() * 30) : 60 + Math.floor(rnd() * 36),
        });
      }
    });
    if (replacements !== DEMO_REPLACED_2021) throw new Error(`demo: ${replacements} replacements planned`);
    // Not counted at 2021's end: lapsed during 2021, suspended or revoked in 2021, certified only later.
    for (let i = 0; i < 38; i++)
      planned.push({ body: i % defs.length, status: i % 3 === 0 ? 'inactive' : 'active', certificates: [{ field: defs[i % defs.length]!.field, issuedOn: between('2014-06-01', 700), validUntil: between('2021-02-01', 300), status: 'valid' }], training2021: null });
    for (let i = 0; i < 13; i++) {
      const revoked = i < 4;
      planned.push({
        body: (i * 5) % defs.length,
        status: 'active',
        certificates: [{ field: defs[(i * 5) % defs.length]!.field, issuedOn: between('2017-03-01', 900), validUntil: currentUntil(i), status: revoked ? 'revoked' : 'suspended', reason: revoked ? '因故意违法执法被吊销' : '涉嫌违纪接受调查，暂扣', changedOn: between('2021-03-01', 270) }],
        training2021: null,
      });
    }
    for (let i = 0; i < 31; i++)
      planned.push({ body: (i * 3) % countyBodies.length, status: 'active', certificates: [{ field: countyBodies[(i * 3) % countyBodies.length]!.field, issuedOn: between('2022-03-01', 1000), validUntil: currentUntil(i + 7), status: 'valid' }], training2021: null });

    const officerIds: string[] = [];
    await insertAll(planned, async (chunk) => {
      const rows = await tx
        .insert(enforcementOfficers)
        .values(chunk.map((p) => ({ regionCode: DEMO_REGION, bodyId: bodyRows[p.body]!.id, orgId: bodyRows[p.body]!.orgId, name: name(), position: '执法人员', status: p.status, ...stamp })))
        .returning({ id: enforcementOfficers.id });
      officerIds.push(...rows.map((x) => x.id));
    });

    let serial = 0;
    // 行政区划 code, field, serial: unique in the county, as the province's numbering is.
    const certificateNo = (field: EnforcementField) => `${DEMO_REGION}${String(enforcementFields.indexOf(field) + 1).padStart(2, '0')}${String(++serial).padStart(6, '0')}`;
    const first = planned.map((p, i) => ({ p, i, c: p.certificates[0]! }));
    const firstRows: { id: string }[] = [];
    await insertAll(first, async (chunk) => {
      const rows = await tx
        .insert(enforcementCertificates)
        .values(
          chunk.map(({ i, c }) => {
            const changed = c.changedOn ? new Date(`${c.changedOn}T10:00:00+08:00`) : at;
            return { regionCode: DEMO_REGION, officerId: officerIds[i]!, certificateNo: certificateNo(c.field), field: c.field, issuer: ISSUER, issuedOn: c.issuedOn, validUntil: c.validUntil, status: c.status, statusReason: c.reason ?? null, ...stamp, updatedAt: changed };
          }),
        )
        .returning({ id: enforcementCertificates.id });
      firstRows.push(...rows);
    });
    const second = planned.flatMap((p, i) => (p.certificates[1] ? [{ i, c: p.certificates[1], replacesId: firstRows[i]!.id }] : []));
    await tx.insert(enforcementCertificates).values(
      second.map(({ i, c, replacesId }) => ({ regionCode: DEMO_REGION, officerId: officerIds[i]!, certificateNo: certificateNo(c.field), field: c.field, issuer: ISSUER, issuedOn: c.issuedOn, validUntil: c.validUntil, status: c.status, replacesId, ...stamp })),
    );

    const trainings = planned.flatMap((p, i) => {
      const rows = [];
      if (p.training2021 !== null) rows.push({ regionCode: DEMO_REGION, officerId: officerIds[i]!, attendedOn: between('2021-03-01', 270), course: '2021年度行政执法人员公共法律知识和专业法律知识培训', hours: p.training2021, ...stamp });
      // This year's training so far: most have their 60 hours, some not yet.
      if (p.status === 'active' && p.certificates.at(-1)!.status === 'valid')
        rows.push({ regionCode: DEMO_REGION, officerId: officerIds[i]!, attendedOn: between(`${thisYear}-01-05`, 120), course: `${thisYear}年度行政执法人员培训`, hours: i % 9 === 4 ? 12 + (i % 40) : 60 + (i % 24), ...stamp });
      return rows;
    });
    await insertAll(trainings, (chunk) => tx.insert(enforcementTrainings).values(chunk));

    const matterRows = await tx
      .insert(enforcementMatters)
      .values(matters.map(([code, org, field, category, mName, basis, penalty]) => ({ regionCode: DEMO_REGION, code, name: mName, category, field, orgId: r.org(org).id, legalBasis: basis, penaltyBasis: penalty, ...stamp })))
      .returning({ id: enforcementMatters.id, code: enforcementMatters.code });
    const matterId = new Map(matterRows.map((m) => [m.code, m.id]));

    const benchmarks = matters.flatMap(([code, , , category, mName, , , fine]) => {
      if (category !== 'penalty') return [];
      const violation = mName.replace(/^对/, '').replace(/的行政处罚$/, '');
      const special = specialBenchmarks[code];
      if (special) return special.map(([circumstances, level, fineMin, fineMax, otherPenalties], i) => ({ regionCode: DEMO_REGION, matterId: matterId.get(code)!, violation, circumstances, level, fineMin, fineMax, otherPenalties, sortOrder: i + 1, ...stamp }));
      return LEVELS.map((level, i) => {
        const range = fine ? splitRange(fine, i) : [null, null];
        return { regionCode: DEMO_REGION, matterId: matterId.get(code)!, violation, circumstances: CIRCUMSTANCES[i]!, level, fineMin: range[0], fineMax: range[1], otherPenalties: fine ? (i === 2 ? '没收违法所得、非法财物' : null) : '按处罚依据规定的处罚种类和幅度', sortOrder: i + 1, ...stamp };
      });
    });
    await insertAll(benchmarks, (chunk) => tx.insert(discretionBenchmarks).values(chunk));

    await tx.insert(leniencyItems).values(leniency.map(([list, code, conditions]) => ({ regionCode: DEMO_REGION, list, matterId: matterId.get(code)!, conditions, publishedOn: '2021-06-30', ...stamp })));

    const delegated = matters.filter((m) => m[8]);
    if (delegated.length !== DEMO_DELEGATED_2021) throw new Error(`demo: ${delegated.length} delegated matters`);
    const delegations = townshipDefs.flatMap((t) =>
      delegated.map(([code, org]) => ({ regionCode: DEMO_REGION, townshipOrgId: r.org(t.org).id, matterId: matterId.get(code)!, fromOrgId: r.org(org).id, since: t.org === GONGTIAN ? '2021-04-01' : '2021-07-01', documentNo: DELEGATION_DOC, ...stamp })),
    );
    await insertAll(delegations, (chunk) => tx.insert(townshipDelegations).values(chunk));
  });
}


/** Thirds of a fine range, rounded to tens: 从轻 the lower third, 一般 the middle, 从重 the upper. */
function splitRange([low, high]: [number, number], i: number): [number, number] {
  const step = (high - low) / 3;
  const round = (v: number) => Math.round(v / 10) * 10;
  return [round(low + step * i), round(i === 2 ? high : low + step * (i + 1))];
}
