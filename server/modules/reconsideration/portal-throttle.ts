/**
 * Attempts per client address within a sliding window, in this process: guessing the last six
 * characters of an ID number behind a tracking code, or flooding the 复议机构 with applications, is
 * slowed to a handful of tries. (Several processes each keep their own count.)
 */
export class Throttle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  blocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  record(key: string, now: number): void {
    this.attempts.set(key, [...this.recent(key, now), now]);
    if (this.attempts.size > 10_000) for (const k of this.attempts.keys()) if (!this.recent(k, now).length) this.attempts.delete(k);
  }

  private recent(key: string, now: number): number[] {
    return (this.attempts.get(key) ?? []).filter((at) => now - at < this.windowMs);
  }
}
