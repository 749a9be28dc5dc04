import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '../../kernel/config/settings.tables.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { appearanceDenominatorLabels, appearanceDenominators, appearanceLabels, principalRoles } from './litigation.labels.ts';

/**
 * 负责人出庭应诉率 has no statutory formula (domain.md §1.4 ⚠): each county sets its own 统计口径, one
 * settings row per region. The indicators read the row in their SQL (appearanceDefinitionSql), so a
 * figure always follows the definition saved when it is computed.
 */
export const AppearanceRateDefinition = z.object({
  /** Who counts as the 负责人 having appeared (规定 第二条: 正职, 副职 and 分管负责人). */
  numeratorRoles: z
    .array(z.enum(principalRoles))
    .min(1)
    .refine((roles) => new Set(roles).size === roles.length, '出庭人员身份不能重复')
    .default([...principalRoles]),
  denominator: z.enum(appearanceDenominators).default('cases'),
  /** Also count cases the court concluded without any hearing (as cases where no 负责人 appeared). */
  countCasesWithoutHearing: z.boolean().default(false),
});
export type AppearanceRateDefinition = z.infer<typeof AppearanceRateDefinition>;

export const appearanceSettingsKey = (regionCode: string) => `litigation.appearanceRate:${regionCode}`;

const defaults = (): AppearanceRateDefinition => AppearanceRateDefinition.parse({});

/** The saved definition of a region with its version; before anyone saved one, the defaults at version 1. */
export async function readAppearanceDefinition(db: Queryable, regionCode: string): Promise<{ value: AppearanceRateDefinition; version: number; saved: boolean }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, appearanceSettingsKey(regionCode)));
  return { value: AppearanceRateDefinition.parse(row?.value ?? {}), version: row?.version ?? 1, saved: row !== undefined };
}

/** Optimistic update; the row is created with the defaults at version 1 first, so they can be edited like a saved row. */
export async function saveAppearanceDefinition(tx: Tx, regionCode: string, value: AppearanceRateDefinition, version: number, by: string, now: Date): Promise<boolean> {
  const key = appearanceSettingsKey(regionCode);
  await tx.insert(settings).values({ key, value: defaults(), updatedAt: now, updatedBy: by }).onConflictDoNothing();
  const rows = await tx
    .update(settings)
    .set({ value, version: sql`${settings.version} + 1`, updatedAt: now, updatedBy: by })
    .where(and(eq(settings.key, key), eq(settings.version, version)))
    .returning({ key: settings.key });
  return rows.length > 0;
}

/**
 * The region's definition as one jsonb value inside a query: the defaults overlaid with the saved row
 * (validated when it was saved), so a region that never saved one is counted by the defaults.
 */
export function appearanceDefinitionSql(regionCode: string): SQL {
  return sql`(${JSON.stringify(defaults())}::jsonb || coalesce((select s.value from ${settings} s where s.key = ${appearanceSettingsKey(regionCode)}), '{}'::jsonb))`;
}

/** The definition in words, for the settings page and the indicator's records. */
export function describeAppearanceDefinition(value: AppearanceRateDefinition): string {
  const roles = value.numeratorRoles.map((r) => appearanceLabels[r]).join('、');
  const without = value.countCasesWithoutHearing ? '法院未开庭即审结的案件计入分母（视为负责人未出庭）' : '法院未开庭即审结的案件不计入';
  return `分子：${roles}出庭应诉；分母：${appearanceDenominatorLabels[value.denominator]}；${without}。`;
}
