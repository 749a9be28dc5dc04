import { sql } from 'drizzle-orm';
import { rolePermissions, roles, userRoles, users } from '../server/kernel/auth/auth.tables.ts';
import { hashPassword } from '../server/kernel/auth/password.ts';
import type { Db } from '../server/kernel/db/db.ts';
import { defineWorkflow } from '../server/kernel/workflow/define-workflow.ts';
import { BENCH_PASSWORD } from './generate.ts';

export const CASE_TYPES = ['bench_a', 'bench_b', 'bench_c'] as const;
export const REGIONS = 100;
/** Region i (1…100) is 4380xx/438100: a block no real county uses. */
export const regionCodeOf = (i: number) => `43${String(8000 + i).padStart(4, '0')}`;
export const BENCH_REGION = regionCodeOf(1);
export const BENCH_USERS = ['bench_h1', 'bench_h2', 'bench_h3', 'bench_h4', 'bench_h5'];
/** Per region: the government (sort 0), 10 departments (1…10), 5 townships (11…15). */
const ORGS_PER_REGION = 16;
/** Open cases run one 75-day clock started on the opening day. */
const PERIOD_DAYS = 75;

/** Three case types with one procedure: registered in every process that plans the 待办 query. */
export function defineBenchWorkflows(): void {
  for (const [i, caseType] of CASE_TYPES.entries()) {
    defineWorkflow({
      caseType,
      label: `基准案件${i + 1}`,
      readPermission: 'bench.handle',
      states: {
        received: { label: '已收件' },
        handling: { label: '办理中' },
        suspended: { label: '已中止' },
        concluded: { label: '已办结', terminal: true },
        withdrawn: { label: '已撤回', terminal: true },
      },
      initial: 'received',
      initialClocks: { handling: { unit: 'days', n: PERIOD_DAYS, basis: '基准测试期限' } },
      clockLabels: { handling: '办理期限' },
      actions: {
        accept: { label: '受理', from: ['received'], to: 'handling', permission: 'bench.handle' },
        suspend: { label: '中止', from: ['handling'], to: 'suspended', permission: 'bench.handle', clocks: { pause: ['handling'] } },
        resume: { label: '恢复', from: ['suspended'], to: 'handling', permission: 'bench.handle', clocks: { resume: ['handling'] } },
        conclude: { label: '办结', from: ['received', 'handling'], to: 'concluded', permission: 'bench.handle', clocks: { stop: 'all' } },
        withdraw: { label: '撤回', from: ['received', 'handling', 'suspended'], to: 'withdrawn', permission: 'bench.handle', clocks: { stop: 'all' } },
      },
    });
  }
}

export interface Generated {
  cases: number;
  open: number;
  clocks: number;
  ms: number;
}

/**
 * Turns one case in 20 into a 行政复议 case (被申请人 = its organisation; decided, withdrawn or
 * terminated when closed) and another one in 20 into a 行政应诉 case (judged when closed, with one
 * hearing and who appeared), keeping their dates, so the modules' indicator queries meet county-scale rows.
 */
async function generateModuleCases(db: Db): Promise<void> {
  const pick = (k: number) => sql`region_code like '438%' and abs(hashtext(id::text)) % 20 = ${k}::int`;
  const h = (mod: number) => sql`abs(hashtext(id::text || 'x')) % ${mod}::int + 1`;
  await db.execute(sql`update cases set case_type = 'reconsideration', party_org_id = org_id,
      state = case when terminal then (array['decided','decided','decided','decided','withdrawn','terminated'])[${h(6)}]
                   else (array['received','accepted','accepted','suspended'])[${h(4)}] end
    where ${pick(0)}`);
  await db.execute(sql`insert into reconsideration_cases (case_id, region_code, channel, received_on, applicant_type, applicant_name,
      respondent_org_id, act_category, act_description, requests, procedure, accepted_on, outcome, decided_on, decision_no)
    select id, region_code, (array['window','mail','online'])[${h(3)}], opened_at::date, 'person', '申请人' || substr(id::text, 1, 4),
      org_id, (array['penalty','enforcement','licence','disclosure','inaction'])[${h(5)}], '基准行政行为', '撤销该行政行为',
      case when state <> 'received' then 'ordinary' end,
      case when state <> 'received' then opened_at::date + 4 end,
      case state when 'decided' then (array['maintain','revoke','revoke','confirmIllegal','rejectClaims','change'])[${h(6)}]
                 when 'withdrawn' then 'withdrawn' when 'terminated' then 'terminated' end,
      closed_at::date,
      case when terminal then '基准复决〔' || substr(id::text, 1, 6) || '〕号' end
    from cases where case_type = 'reconsideration' and region_code like '438%'`);
  await db.execute(sql`update cases set case_type = 'litigation',
      state = case when terminal then 'judged' else (array['received','defended'])[${h(2)}] end
    where ${pick(1)}`);
  await db.execute(sql`insert into litigation_cases (case_id, region_code, instance, court, plaintiff_type, plaintiff_name, defendant_org_id,
      act_category, act_description, complaint_received_on, defence_filed_on, outcome, lost, judged_on)
    select id, region_code, (array['first','first','first','appeal'])[${h(4)}], '基准县人民法院', 'person', '原告' || substr(id::text, 1, 4), org_id,
      (array['penalty','enforcement','licence','disclosure','inaction'])[${h(5)}], '基准行政行为', opened_at::date,
      case when state <> 'received' then opened_at::date + 12 end,
      case when terminal then (array['dismissSuit','rejectClaims','rejectClaims','revoke','confirmIllegal','withdrawn'])[${h(6)}] end,
      case when terminal then ${h(6)} in (4, 5) end,
      closed_at::date
    from cases where case_type = 'litigation' and region_code like '438%'`);
  await db.execute(sql`insert into litigation_hearings (region_code, case_id, held_on, appearance, appeared_name, seq, recorded_at)
    select region_code, id, closed_at::date - 3, (array['head','deputy','inCharge','staff'])[${h(4)}], '出庭人', 1, closed_at
    from cases where case_type = 'litigation' and terminal and region_code like '438%'`);
}

const count = async (db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n;

/**
 * N cases over 100 regions, set-based (INSERT … SELECT … FROM generate_series), of three types and
 * spread over each region's 16 organisations; ~70% are terminal (opened 2024-01-01 to
 * today, closed 5–94 days later, about a fifth of them after their 75-day clock ran out); the rest were opened
 * within the last 100 days and are due 75 days later, so about a quarter are overdue today and a few
 * due within days. Every case has one clock: running when open, stopped when closed. Region 1 has
 * five users holding bench.handle and statistics.read over the region; one open case in 50 there is
 * assigned to bench_h1. One case in 20 becomes a 行政复议 case and one in 20 a 行政应诉 case with
 * their module rows (generateModuleCases), so that the modules' figures count real rows. Ends with ANALYZE.
 */
export async function generateCases(db: Db, n: number): Promise<Generated> {
  const started = Date.now();
  await db.execute(sql`insert into regions (code, name, level, parent_code)
    select '43' || lpad((8000 + r)::text, 4, '0'), '基准县' || r, 3, '438000' from generate_series(1, ${REGIONS}::int) r
    on conflict do nothing`);
  await db.execute(sql`insert into organisations (id, region_code, parent_id, path, depth, code, name, type, sort_order)
    select id, region, null, '/' || id || '/', 0, region || '-0', '基准县' || r || '人民政府', 'government', 0
    from (select gen_random_uuid() as id, r, '43' || lpad((8000 + r)::text, 4, '0') as region from generate_series(1, ${REGIONS}::int) r) g`);
  await db.execute(sql`insert into organisations (id, region_code, parent_id, path, depth, code, name, type, sort_order)
    select cid, region_code, gid, path || cid || '/', 1, region_code || '-' || k,
      case when k <= 10 then '基准局' || k else '基准镇' || (k - 10) end, case when k <= 10 then 'department' else 'township' end, k
    from (select gen_random_uuid() as cid, g.id as gid, g.region_code, g.path, k
          from organisations g cross join generate_series(1, ${ORGS_PER_REGION - 1}::int) k
          where g.depth = 0 and g.region_code like '438%') c`);

  // Case i = j * 100 + r is in region r + 1: every property below varies with j, so each region gets the mix.
  await db.execute(sql`insert into cases (region_code, case_type, case_no, title, org_id, state, terminal, due_on, opened_at, closed_at)
    select o.region_code, (array['bench_a','bench_b','bench_c'])[s.i % 3 + 1], '基准〔' || s.i || '〕号', '基准案件第' || s.i || '号', o.id,
      case when s.terminal then (case when s.j % 10 = 0 then 'withdrawn' else 'concluded' end)
           else (array['received','handling','handling','suspended'])[s.j % 4 + 1] end,
      s.terminal,
      case when s.terminal then null else (s.opened::date + ${PERIOD_DAYS}::int) end,
      s.opened,
      case when s.terminal then least(s.opened + make_interval(days => 5 + s.j % 90), now()) end
    from (select i, j, r, terminal,
            case when terminal
              then timestamptz '2024-01-01 09:00+08' + make_interval(days => (i * 37) % (current_date - date '2024-01-01'), mins => i % 480)
              else date_trunc('day', now()) - make_interval(days => (j * 7) % 100) + interval '1 hour' end as opened
          from (select i, i / ${REGIONS}::int as j, i % ${REGIONS}::int as r, (i / ${REGIONS}::int * 7919 + i) % 10 < 7 as terminal
                from generate_series(1, ${n}::int) i) g) s
    join organisations o on o.region_code = '43' || lpad((8001 + s.r)::text, 4, '0') and o.sort_order = (s.j * 5) % ${ORGS_PER_REGION}::int`);

  await db.execute(sql`insert into case_clocks (region_code, case_id, name, unit, n, basis, started_on, due_on, anchor_on, anchor_n, anchor_unit, status, paused_on, stopped_on)
    select region_code, id, 'handling', 'days', ${PERIOD_DAYS}::int, '基准测试期限', opened_at::date, opened_at::date + ${PERIOD_DAYS}::int,
      opened_at::date, ${PERIOD_DAYS}::int, 'days',
      case when terminal then 'stopped' when state = 'suspended' then 'paused' else 'running' end,
      case when state = 'suspended' then current_date - 3 end,
      case when terminal then closed_at::date end
    from cases where region_code like '438%'`);

  await generateModuleCases(db);

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const govId = ((await db.execute(sql`select id from organisations where region_code = ${BENCH_REGION} and depth = 0`)) as unknown as { rows: { id: string }[] })
    .rows[0]!.id;
  const [role] = await db.insert(roles).values({ code: 'bench_handler', name: '基准案件经办人' }).returning();
  await db.insert(rolePermissions).values([
    { roleId: role!.id, permission: 'bench.handle', scope: 'region' },
    { roleId: role!.id, permission: 'statistics.read', scope: 'region' },
  ]);
  const inserted = await db
    .insert(users)
    .values(BENCH_USERS.map((username, i) => ({ regionCode: BENCH_REGION, orgId: govId, username, displayName: `经办人${i + 1}`, passwordHash, mustChangePassword: false })))
    .returning({ id: users.id });
  await db.insert(userRoles).values(inserted.map((u) => ({ userId: u.id, roleId: role!.id })));
  await db.execute(sql`insert into case_assignments (case_id, user_id, role, region_code, assigned_at)
    select id, ${inserted[0]!.id}::uuid, 'handler', region_code, opened_at
    from cases where region_code = ${BENCH_REGION} and not terminal and abs(hashtext(id::text)) % 50 = 0`);

  await db.execute(sql`analyze`);
  return {
    cases: await count(db, sql`select count(*)::int as n from cases where region_code like '438%'`),
    open: await count(db, sql`select count(*)::int as n from cases where region_code like '438%' and not terminal`),
    clocks: await count(db, sql`select count(*)::int as n from case_clocks where region_code like '438%'`),
    ms: Date.now() - started,
  };
}
