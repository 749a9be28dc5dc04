import { addCalendarMonths, addDays, type LocalDate } from '../../kernel/calendar/local-date.ts';

/** The last day of a validity of `years` from the effective day: 2021-03-01 for 5 years → 2026-02-28. */
export const validUntilOf = (effectiveOn: LocalDate, years: number): LocalDate => addDays(addCalendarMonths(effectiveOn, years * 12), -1);
