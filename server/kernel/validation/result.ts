/** The outcome of an identifier check: valid, or the first problem found, in Chinese for the user. */
export type CheckResult = { ok: true } | { ok: false; reason: string };

export const valid: CheckResult = { ok: true };
export const invalid = (reason: string): CheckResult => ({ ok: false, reason });
