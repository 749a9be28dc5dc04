import type { Actor } from '../../../kernel/auth/actor.ts';
import type { DataScope } from '../../../kernel/auth/auth.tables.ts';
import type { Queryable } from '../../../kernel/db/db.ts';
import { AppError, forbidden } from '../../../kernel/errors/app-error.ts';
import { findOrgByCode } from '../../../kernel/org/org.repository.ts';
import { findOrgByCreditCode, regionExists } from '../org.repository.ts';
import { creditCodeProblem } from '../org.schemas.ts';

/** A credit code that does not verify is refused, naming the problem (GB 32100-2015). */
export function assertCreditCode(creditCode: string | null): void {
  const problem = creditCodeProblem(creditCode);
  if (problem) throw new AppError('INVALID_CREDIT_CODE', problem, [{ field: 'creditCode', message: `统一社会信用代码：${problem}` }]);
}

export async function assertRegionExists(db: Queryable, regionCode: string): Promise<void> {
  if (!(await regionExists(db, regionCode))) {
    throw new AppError('BAD_REQUEST', `行政区划代码“${regionCode}”不在本系统的行政区划中`, [
      { field: 'regionCode', message: '行政区划代码不存在' },
    ]);
  }
}

/** A top-level organisation of a region can only be made by whoever manages the whole region. */
export const mayManageRegion = (actor: Actor, scope: DataScope, regionCode: string): boolean =>
  scope === 'all' || (scope === 'region' && actor.regionCode === regionCode);

export function assertMayCreateRoot(actor: Actor, scope: DataScope, regionCode: string): void {
  if (!mayManageRegion(actor, scope, regionCode)) throw forbidden('新建或移为顶级机构需要本行政区范围的机构管理权限');
}

/** Codes are unique per region and credit codes everywhere; the unique indexes back this up. */
export async function assertUnique(
  db: Queryable,
  input: { regionCode: string; code: string; creditCode: string | null },
  exceptId?: string,
): Promise<void> {
  const sameCode = await findOrgByCode(db, input.regionCode, input.code);
  if (sameCode && sameCode.id !== exceptId) {
    throw new AppError('DUPLICATE', `机构编码“${input.code}”在本行政区已被使用`, [{ field: 'code', message: '机构编码已被使用' }]);
  }
  if (input.creditCode && (await findOrgByCreditCode(db, input.creditCode, exceptId))) {
    throw new AppError('DUPLICATE', `统一社会信用代码“${input.creditCode}”已被其他机构使用`, [
      { field: 'creditCode', message: '统一社会信用代码已被使用' },
    ]);
  }
}
