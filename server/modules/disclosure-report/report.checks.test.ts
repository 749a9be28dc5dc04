import { describe, expect, it } from 'vitest';
import type { ReportFigures } from '../../../contracts/disclosure-report.ts';
import { checkReport } from './report.checks.ts';

/** A consistent 2021 report (one 自然人 and one 企业 application), then each check broken on purpose. */

const zeros = () => [0, 0, 0, 0, 0, 0, 0];
function consistent(): ReportFigures {
  const three: Record<string, number[]> = {};
  for (const code of ['new', 'carried', 'total', 'carriedNext', 'disclose', 'partial', 'withhold', 'unable', 'notHandled', 'otherHandling']) three[code] = zeros();
  for (const leaf of ['withholdSecret', 'withholdLegalBar', 'withholdSafety', 'withholdThirdParty', 'withholdInternal', 'withholdProcess', 'withholdEnforcementFile', 'withholdQuery'])
    three[leaf] = zeros();
  for (const leaf of ['unableNotHeld', 'unableNeedsCompiling', 'unableUnclear', 'notHandledPetition', 'notHandledRepeat', 'notHandledPublication', 'notHandledExcessive', 'notHandledConfirm'])
    three[leaf] = zeros();
  for (const leaf of ['otherNoCorrection', 'otherFeeUnpaid', 'otherOther']) three[leaf] = zeros();
  three.new = [2, 1, 0, 0, 0, 0, 3];
  three.carried = [1, 0, 0, 0, 0, 0, 1];
  three.disclose = [1, 0, 0, 0, 0, 0, 1];
  three.withhold = [1, 1, 0, 0, 0, 0, 2];
  three.withholdThirdParty = [1, 1, 0, 0, 0, 0, 2];
  three.total = [2, 1, 0, 0, 0, 0, 3];
  three.carriedNext = [1, 0, 0, 0, 0, 0, 1];
  const block = (maintained: number, corrected: number, other: number, pending: number) => ({ maintained, corrected, other, pending, total: maintained + corrected + other + pending });
  return {
    year: 2021,
    scope: 'organisation',
    tableTwo: {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 3, repealed: 1, inForce: 12 },
      licences: { decisions: 5 },
      penalties: { decisions: 7 },
      coercion: { decisions: 1 },
      fees: { amountTenThousand: 0 },
    },
    tableThree: three,
    tableFour: { reconsideration: block(1, 1, 0, 1), litigationDirect: block(0, 0, 0, 1), litigationAfterReconsideration: block(0, 0, 0, 0) },
    proactive: { total: 0, items: 0, byCategory: {} as ReportFigures['proactive']['byCategory'], interpretations: { text: 0, chart: 0, video: 0, other: 0, total: 0 } },
    processingFees: { applications: 0, amountYuan: 0 },
  };
}

/** Last year's published report: 10 documents in force, one application carried into 2021. */
function previousYear(): ReportFigures {
  const f = consistent();
  f.year = 2020;
  f.tableTwo.normativeDocuments.inForce = 10;
  f.tableThree.carriedNext = [1, 0, 0, 0, 0, 0, 1];
  return f;
}

const failing = (f: ReportFigures, previous: ReportFigures | null = previousYear()) => checkReport(f, previous).filter((c) => !c.ok);

describe('the checks before publication', () => {
  it('pass on consistent figures, and note when there is no published report of last year', () => {
    expect(failing(consistent())).toEqual([]);
    const alone = checkReport(consistent(), null);
    expect(alone.every((c) => c.ok)).toBe(true);
    expect(alone.find((c) => c.code === 'inForce')!.message).toBe('上年无已发布的年度报告，未核对');
  });

  it('一＋二＝三（七）＋四 per column', () => {
    const f = consistent();
    f.tableThree.new = [3, 1, 0, 0, 0, 0, 4];
    const [problem] = failing(f);
    expect(problem).toMatchObject({ code: 'balance', ok: false });
    expect(problem!.message).toContain('“自然人”列：一＋二＝4，三（七）＋四＝3');
  });

  it('each subtotal equals its rows, and （七） the six groups', () => {
    const f = consistent();
    f.tableThree.withholdThirdParty = [0, 1, 0, 0, 0, 0, 1];
    f.tableThree.withholdSecret = [0, 0, 0, 0, 0, 0, 0];
    const problems = failing(f);
    expect(problems.map((p) => p.code)).toContain('subtotals');
    expect(problems.find((p) => p.code === 'subtotals')!.message).toContain('“自然人”列（三）不予公开为1，其各项之和为0');

    const g = consistent();
    g.tableThree.total = [2, 1, 0, 0, 0, 0, 3];
    g.tableThree.disclose = [0, 0, 0, 0, 0, 0, 0];
    expect(failing(g).find((p) => p.code === 'subtotals')!.message).toContain('（七）总计为2，（一）至（六）之和为1');
  });

  it('the 总计 column is the sum of the six applicant columns', () => {
    const f = consistent();
    f.tableThree.disclose = [1, 0, 0, 0, 0, 0, 2];
    const problem = failing(f).find((p) => p.code === 'totalColumn')!;
    expect(problem.message).toContain('“（一）予以公开”行：总计为2，六类申请人之和为1');
  });

  it('table 四: each 总计 is the sum of its four columns', () => {
    const f = consistent();
    f.tableFour.reconsideration.total = 4;
    expect(failing(f).map((p) => p.code)).toEqual(['tableFourTotals']);
  });

  it('现行有效(N) = 现行有效(N−1) + 制发(N) − 废止(N) against last year’s published report', () => {
    const f = consistent();
    f.tableTwo.normativeDocuments.inForce = 13;
    const [problem] = failing(f);
    expect(problem).toMatchObject({ code: 'inForce' });
    expect(problem!.message).toBe('行政规范性文件：现行有效13件，上年现行有效10＋本年制发3－本年废止1＝12件');
  });

  it('上年结转(N) = 四(N−1) of last year’s published report', () => {
    const previous = previousYear();
    previous.tableThree.carriedNext = [0, 1, 0, 0, 0, 0, 1];
    const problems = failing(consistent(), previous);
    expect(problems.map((p) => p.code)).toEqual(['carryOver']);
    expect(problems[0]!.message).toContain('“自然人”列：上年结转1件，上年报告结转下年度0件');
  });
});
