// Records of requests already handled (a Slack signature, an event id), so a replay or a retry acts once.
// On PostgreSQL the app uses the store (src/store: a table with key + expiry, insert-if-absent), shared by every
// instance on that database; on PGlite (one process only) and in unit tests, the in-memory version below.
import type { Store } from "../store/port.ts";

export type SeenRequests = Pick<Store, "firstSeen">;

/** Process-local SeenRequests: a Map with expiry times, at most maxEntries keys (oldest dropped first). */
export class MemorySeenRequests implements SeenRequests {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return false;
    this.seen.delete(key);
    this.seen.set(key, now + ttlMs);
    for (const [k, exp] of this.seen) {
      if (this.seen.size <= this.maxEntries && exp > now) break;
      this.seen.delete(k);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
