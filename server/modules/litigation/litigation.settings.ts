import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { regionSettings } from '../../kernel/config/region-settings.ts';
import { settings } from '../../kernel/config/settings.tables.ts';
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

const store = regionSettings('litigation.appearanceRate', AppearanceRateDefinition);
export const appearanceSettingsKey = store.key;
export const readAppearanceDefinition = store.read;
export const saveAppearanceDefinition = store.save;

/**
 * The region's definition as one jsonb value inside a query: the defaults overlaid with the saved row
 * (validated when it was saved), so a region that never saved one is counted by the defaults.
 */
export function appearanceDefinitionSql(regionCode: string): SQL {
  return sql`(${JSON.stringify(store.defaults())}::jsonb || coalesce((select s.value from ${settings} s where s.key = ${appearanceSettingsKey(regionCode)}), '{}'::jsonb))`;
}

/** The definition in words, for the settings page and the indicator's records. */
export function describeAppearanceDefinition(value: AppearanceRateDefinition): string {
  const roles = value.numeratorRoles.map((r) => appearanceLabels[r]).join('、');
  const without = value.countCasesWithoutHearing ? '法院未开庭即审结的案件计入分母（视为负责人未出庭）' : '法院未开庭即审结的案件不计入';
  return `分子：${roles}出庭应诉；分母：${appearanceDenominatorLabels[value.denominator]}；${without}。`;
}
