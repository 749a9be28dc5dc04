/**
 * Attempts per client within a sliding window, in this process: guessing a tracking code's
 * verification, flooding the 复议机构 with applications or a draft with comments is slowed to a
 * handful of tries. (Several processes each keep their own count.) The key is the caller's choice:
 * a client address, or a digest of it when the address should not be kept even in memory.
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
