import { sql, type SQL } from 'drizzle-orm';
import { writeAudit } from '../kernel/audit/audit.ts';
import type { LocalDate } from '../kernel/calendar/local-date.ts';
import type { Tx } from '../kernel/db/db.ts';
import type { EnforcementField } from '../../contracts/enforcement.ts';
import { enforcementCases } from '../modules/enforcement-cases/enforcement-cases.tables.ts';
import { INSPECTION_IMPORT_ENTITY } from '../modules/enforcement-supervision/inspections.permissions.ts';
import { inspections, specialCampaigns } from '../modules/enforcement-supervision/supervision.tables.ts';
import type { Replay } from './replay.ts';

/**
 * The demo county's 2021 行政检查 and 专项整治 as its annual report gives them: 市场监管 8,476 inspections
 * of food producers, workshops and businesses in five campaigns (132 农资经营门店, 191 责令整改, 88 hazards,
 * 2 counterfeit dens closed); the environment campaigns (6 enterprises closed, 11 demolished); the
 * 卫健局's 3 rounds of epidemic-prevention and 2 rounds of vaccination checks (269 监督意见书). Rows are
 * generated in SQL (one statement per department, as an Excel import would write them, with an import
 * id and one audit row per batch); the 2021 enforcement cases of each field, when the cases demo made
 * them, are grouped under the field's campaigns.
 */

const REGION = '430621';
const MARKET = '430621-D22';
const ENVIRONMENT = '430621-D11';
const HEALTH = '430621-D18';

interface DemoCampaign {
  title: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  description: string;
}

const marketCampaigns: DemoCampaign[] = [
  { title: '“年关守护”食品安全专项行动', startsOn: '2021-01-04', endsOn: '2021-02-26', description: '元旦春节期间食品生产经营单位、农村集体聚餐和年货市场的监督检查。' },
  { title: '“护苗”校园及周边食品安全专项行动', startsOn: '2021-03-01', endsOn: '2021-07-09', description: '学校食堂、校外供餐单位和校园周边食品经营者的监督检查。' },
  { title: '“护老”食品安全专项行动', startsOn: '2021-04-06', endsOn: '2021-09-30', description: '打击针对老年人的保健食品虚假宣传和欺诈销售。' },
  { title: '“你我同查”食品安全专项行动', startsOn: '2021-05-06', endsOn: '2021-11-30', description: '邀请人大代表、政协委员和群众代表共同参与食品生产经营单位检查。' },
  { title: '“治违禁 控药残 促提升”农资专项整治', startsOn: '2021-03-01', endsOn: '2021-12-31', description: '农资经营门店禁限用农药兽药、假劣农资的排查整治。' },
];

const environmentCampaigns: DemoCampaign[] = [
  { title: '涉砂涉矿专项整治', startsOn: '2021-03-01', endsOn: '2021-10-31', description: '非法采砂、非法洗砂和无证采矿的排查整治。' },
  { title: '混凝土搅拌站专项整治', startsOn: '2021-04-01', endsOn: '2021-09-30', description: '混凝土搅拌站扬尘、废水治理的检查整治。' },
  { title: '樟木炼油专项整治', startsOn: '2021-05-10', endsOn: '2021-08-31', description: '无证樟木炼油作坊的排查取缔。' },
  { title: '污水处理厂专项检查', startsOn: '2021-06-01', endsOn: '2021-11-30', description: '乡镇污水处理厂运行和达标排放的检查。' },
  { title: '环保砖厂专项整治', startsOn: '2021-03-15', endsOn: '2021-10-15', description: '砖厂脱硫除尘设施和无证生产的整治。' },
  { title: '“洞庭清波”专项行动', startsOn: '2021-04-01', endsOn: '2021-12-15', description: '洞庭湖沿湖企业、矮围网围和违法建设的清理整治。' },
];

const healthCampaigns: DemoCampaign[] = [
  { title: '医疗机构疫情防控专项监督检查', startsOn: '2021-01-11', endsOn: '2021-12-10', description: '全县医疗机构预检分诊、发热门诊和院感防控，共三轮。' },
  { title: '新冠疫苗接种单位专项检查', startsOn: '2021-04-12', endsOn: '2021-10-29', description: '疫苗接种单位冷链、接种流程和留观的检查，共两轮。' },
];

const TOWNS = ['荣家湾镇', '黄沙街镇', '新墙镇', '柏祥镇', '筻口镇', '公田镇', '毛田镇', '月田镇', '张谷英镇', '新开镇', '杨林街镇', '长湖乡', '三合乡', '中洲乡'];

/** `expr` (an integer) picks one of `values`, 0-based: a CASE, so the whole batch stays one statement. */
const pick = (expr: SQL, values: readonly string[]): SQL => sql`(case ${expr} ${sql.join(
  values.map((v, i) => sql`when ${i} then ${v}`),
  sql` `,
)} end)`;

async function createCampaigns(tx: Tx, field: EnforcementField, leadOrgId: string, list: DemoCampaign[]): Promise<void> {
  await tx.insert(specialCampaigns).values(list.map((c) => ({ ...c, regionCode: REGION, field, leadOrgId })));
}

/**
 * One department's year: `n` runs 1..count; `campaignIndex` picks the campaign (by title), the day
 * falls within the campaign's period, the other columns are SQL expressions of n.
 */
async function insertBatch(
  tx: Tx,
  batch: { orgId: string; field: EnforcementField; count: number; campaigns: DemoCampaign[]; campaignIndex: SQL; columns: Record<string, SQL>; createdBy: string | null },
): Promise<string> {
  const importId = crypto.randomUUID();
  const c = batch.columns;
  await tx.execute(sql`
    insert into ${inspections} (region_code, org_id, field, campaign_id, inspected_on, target_name, target_type, place, result, rectification_ordered,
      hazards_found, place_closed, demolished, documents_issued, transferred_to_judiciary, officer_names, notes, import_id, created_by, updated_by)
    select ${REGION}, ${batch.orgId}::uuid, ${batch.field}, c.id, c.starts_on + ((g.n * 7) % (c.ends_on - c.starts_on + 1)),
      ${c.targetName}, ${c.targetType}, ${c.place}, ${c.result}, ${c.rectification}, ${c.hazards}, ${c.closed}, ${c.demolished}, ${c.documents},
      false, ${c.officers}, ${c.notes ?? sql`null`}, ${importId}::uuid, ${batch.createdBy}::uuid, ${batch.createdBy}::uuid
    from generate_series(1, ${batch.count}) as g(n)
    inner join ${specialCampaigns} c on c.region_code = ${REGION} and c.title = ${pick(batch.campaignIndex, batch.campaigns.map((x) => x.title))}`);
  return importId;
}

const n = sql`g.n`;
const town = (expr: SQL) => pick(sql`(${expr}) % ${TOWNS.length}`, TOWNS);

export async function seedDemoEnforcementSupervision(replay: Replay): Promise<void> {
  const market = replay.org(MARKET);
  const environment = replay.org(ENVIRONMENT);
  const health = replay.org(HEALTH);
  const scj = replay.actor('scj');
  replay.at('2021-12-31', 17);

  await replay.db.transaction(async (tx) => {
    await createCampaigns(tx, 'market', market.id, marketCampaigns);
    await createCampaigns(tx, 'environment', environment.id, environmentCampaigns);
    await createCampaigns(tx, 'health', health.id, healthCampaigns);

    // 市场监管: campaign n % 5; the 农资 campaign visits the 132 shops in turn; 191 责令整改 (n ≡ 1 mod 44),
    // 88 hazards (n ≡ 2 mod 97), 2 counterfeit dens closed (n = 7, 4007).
    const den = sql`${n} in (7, 4007)`;
    const agri = sql`${n} % 5 = 4`;
    const shop = sql`((${n} / 5) % 132 + 1)`;
    const rectified = sql`(${n} % 44 = 1 and ${n} < ${191 * 44})`;
    const foodType = pick(sql`${n} % 3`, ['食品生产企业', '食品小作坊', '食品经营户']);
    const marketImport = await insertBatch(tx, {
      orgId: market.id,
      field: 'market',
      count: 8476,
      campaigns: marketCampaigns,
      campaignIndex: sql`${n} % 5`,
      createdBy: scj.userId,
      columns: {
        targetName: sql`case when ${den} then '制假售假窝点（' || ${town(n)} || '）' when ${agri} then ${town(shop)} || '第' || ${shop} || '农资经营部'
          else ${town(sql`${n} / 3`)} || ${foodType} || ((${n} / 3) % 900 + 1) || '号' end`,
        targetType: sql`case when ${den} then '制假售假窝点' when ${agri} then '农资经营门店' else ${foodType} end`,
        place: sql`${town(n)}`,
        result: sql`case when ${rectified} then 'rectification' when ${den} then 'other' else 'compliant' end`,
        rectification: rectified,
        hazards: sql`case when ${n} % 97 = 2 and ${n} < ${88 * 97} then 1 else 0 end`,
        closed: den,
        demolished: sql`false`,
        documents: sql`0`,
        officers: pick(sql`${n} % 4`, ['刘洋、陈静', '黄伟、周敏', '李强、吴丹', '张磊、胡芳']),
      },
    });

    // 生态环境: 40 inspections per campaign; 樟木炼油 closes 4 and 环保砖厂 2 (6 enterprises); 涉砂涉矿
    // demolishes 7 and 洞庭清波 4 (11).
    const ci = sql`((${n} - 1) / 40)`;
    const k = sql`((${n} - 1) % 40)`;
    const envTypes = ['砂石场', '混凝土搅拌站', '樟木炼油作坊', '污水处理厂', '砖厂', '沿湖企业'];
    const envImport = await insertBatch(tx, {
      orgId: environment.id,
      field: 'environment',
      count: 240,
      campaigns: environmentCampaigns,
      campaignIndex: ci,
      createdBy: null,
      columns: {
        targetName: sql`${town(k)} || ${pick(ci, envTypes)} || (${k} % 20 + 1) || '号'`,
        targetType: pick(ci, envTypes),
        place: town(k),
        result: sql`case when ${k} % 8 = 3 then 'rectification' else 'compliant' end`,
        rectification: sql`${k} % 8 = 3`,
        hazards: sql`case when ${k} % 8 = 3 then 1 else 0 end`,
        closed: sql`((${ci} = 2 and ${k} < 4) or (${ci} = 4 and ${k} < 2))`,
        demolished: sql`((${ci} = 0 and ${k} < 7) or (${ci} = 5 and ${k} < 4))`,
        documents: sql`0`,
        officers: pick(sql`${n} % 2`, ['彭辉、易军', '许斌、钟莉']),
      },
    });

    // 卫健局: 60 medical institutions in 3 rounds, then 45 vaccination sites in 2 rounds; a 卫生监督意见书
    // at every visit but the last one (269 in all).
    const vaccination = sql`${n} > 180`;
    const site = sql`case when ${vaccination} then (${n} - 181) % 45 else (${n} - 1) % 60 end`;
    const round = sql`case when ${vaccination} then (${n} - 181) / 45 + 1 else (${n} - 1) / 60 + 1 end`;
    const healthImport = await insertBatch(tx, {
      orgId: health.id,
      field: 'health',
      count: 270,
      campaigns: healthCampaigns,
      campaignIndex: sql`case when ${vaccination} then 1 else 0 end`,
      createdBy: null,
      columns: {
        targetName: sql`case when ${vaccination} then ${town(site)} || '新冠疫苗接种点' || (${site} / 14 + 1) else ${town(site)} || '卫生院及村卫生室' || (${site} / 14 + 1) || '号' end`,
        targetType: sql`case when ${vaccination} then '疫苗接种单位' else '医疗机构' end`,
        place: town(site),
        result: sql`'compliant'`,
        rectification: sql`false`,
        hazards: sql`0`,
        closed: sql`false`,
        demolished: sql`false`,
        documents: sql`case when ${n} = 270 then 0 else 1 end`,
        officers: sql`'卫生监督员 罗敏、谢涛'`,
        notes: sql`'第' || ${round} || '轮'`,
      },
    });

    const who = { actor: scj, meta: { userAgent: 'demo-seed' } };
    for (const [importId, orgId, rows] of [
      [marketImport, market.id, 8476],
      [envImport, environment.id, 240],
      [healthImport, health.id, 270],
    ] as const)
      await writeAudit(tx, replay.clock.now(), who, { action: 'inspection.import', entityType: INSPECTION_IMPORT_ENTITY, entityId: importId, orgId, regionCode: REGION, detail: { rows, via: 'demo' } });

    for (const [field, list] of [
      ['market', marketCampaigns],
      ['environment', environmentCampaigns],
      ['health', healthCampaigns],
    ] as const)
      await groupCases(tx, field, list);
  });
}

/** The field's 2021 enforcement cases (if the cases demo made them), spread over its campaigns in turn. */
async function groupCases(tx: Tx, field: EnforcementField, list: DemoCampaign[]): Promise<void> {
  await tx.execute(sql`
    update ${enforcementCases} e set campaign_id = c.id
    from (select case_id, (row_number() over (order by filed_on, case_id) - 1) % ${list.length} as ord
          from ${enforcementCases} where region_code = ${REGION} and field = ${field} and filed_on between '2021-01-01' and '2021-12-31' and campaign_id is null) r
    inner join ${specialCampaigns} c on c.region_code = ${REGION} and c.title = ${pick(sql`r.ord::int`, list.map((x) => x.title))}
    where e.case_id = r.case_id`);
}

export const demoCampaignTitles = { market: marketCampaigns.map((c) => c.title), environment: environmentCampaigns.map((c) => c.title), health: healthCampaigns.map((c) => c.title) };
