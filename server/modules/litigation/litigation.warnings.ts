import { sql, type SQL } from 'drizzle-orm';
import { caseClocks } from '../../kernel/workflow/workflow.tables.ts';
import { excuseLabels, failureLabels, type Excuse, type Failure, type WarningKind } from './litigation.labels.ts';
import { litigationCases, litigationHearings } from './litigation.tables.ts';

/**
 * When a case needs the agency's attention, decided in SQL once so that the list's flag and the
 * detail's warnings cannot disagree. The expressions name `litigation_hearings` and `litigation_cases`
 * unaliased: the query using them has both (or the case table, for the case-level flag).
 */

type HearingWarningKind = Exclude<WarningKind, 'defenceLate'>;

const hearingRules: Record<HearingWarningKind, SQL> = {
  // 规定 第十二条: the court recorded one of the five failures.
  art12: sql`${litigationHearings.failure} is not null`,
  // 第十二条第一款第三项, even before the court's finding is recorded.
  nobody: sql`${litigationHearings.appearance} = 'nobody' and ${litigationHearings.failure} is null`,
  // 第四条: summoned, the 负责人 must appear; a staff member alone needs a valid excuse (第八条).
  summonedStaff: sql`${litigationCases.headSummoned} and ${litigationHearings.appearance} = 'staff'`,
};

/** The warning kinds of one hearing row, as a text array. */
export const hearingWarningKinds: SQL<string[]> = sql`array_remove(array[${sql.join(
  Object.entries(hearingRules).map(([kind, rule]) => sql`case when ${rule} then ${kind} end`),
  sql`, `,
)}]::text[], null)`;

const hearingWarns = sql.join(
  Object.values(hearingRules).map((rule) => sql`(${rule})`),
  sql` or `,
);

/** 第六十七条: the defence was filed after the 15 days. */
export const defenceLate: SQL<boolean> = sql`coalesce(${litigationCases.defenceFiledOn} > (select ${caseClocks.dueOn} from ${caseClocks}
  where ${caseClocks.caseId} = ${litigationCases.caseId} and ${caseClocks.name} = 'defence'), false)`;

/** The case has at least one warning: the list's flag. */
export const caseWarns: SQL<boolean> = sql`(${defenceLate} or exists (select 1 from ${litigationHearings}
  where ${litigationHearings.caseId} = ${litigationCases.caseId} and (${hearingWarns})))`;

export interface CaseWarning {
  kind: WarningKind;
  hearingId: string | null;
  text: string;
}

const RULES = '《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》';

/** The Chinese text of a hearing's warning. */
export function hearingWarningText(
  kind: HearingWarningKind,
  hearing: { seq: number; heldOn: string; failure: string | null; excuse: string | null },
): string {
  const at = `第 ${hearing.seq} 次庭审（${hearing.heldOn}）`;
  switch (kind) {
    case 'art12':
      return `${at}：${failureLabels[hearing.failure as Failure]}。属于${RULES}第十二条规定的情形，人民法院应当向监察机关、上一级行政机关提出司法建议，并在裁判文书中载明。`;
    case 'nobody':
      return `${at}：负责人和相应的工作人员均未出庭应诉，属于${RULES}第十二条第一款第三项规定的情形，将被提出司法建议。`;
    case 'summonedStaff': {
      const excuse = hearing.excuse ? `（所报理由：${excuseLabels[hearing.excuse as Excuse]}）` : '';
      return `${at}：人民法院已通知负责人出庭，但仅由工作人员出庭${excuse}。理由不成立的，属于${RULES}第十二条第一款第一项规定的情形。`;
    }
  }
}

export function defenceLateText(filedOn: string, dueOn: string): string {
  return `答辩状于 ${filedOn} 提交，已超过答辩期限（${dueOn} 届满）。《行政诉讼法》第三十四条第二款：被告不提供或者无正当理由逾期提供证据，视为没有相应证据。`;
}
