// Remembers Events API event ids for a while so that a retried delivery (x-slack-retry-num) is answered once.
// In memory: Slack retries within minutes, and one process serves the endpoint. (Several instances behind a
// load balancer would need a shared store; see README.)

export interface DeduperOptions {
  /** How long an id is remembered (default 1 hour; Slack retries after ~1 s, ~1 min and ~5 min). */
  ttlMs?: number;
  /** Most ids kept (oldest dropped first). */
  maxEntries?: number;
  now?: () => number;
}

export class EventDeduper {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(opts: DeduperOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 3_600_000;
    this.maxEntries = opts.maxEntries ?? 50_000;
    this.now = opts.now ?? Date.now;
  }

  /** True the first time an id is seen (within the TTL); false for a repeat. */
  firstTime(id: string): boolean {
    const now = this.now();
    const expires = this.seen.get(id);
    if (expires !== undefined && expires > now) return false;
    this.seen.delete(id);
    this.seen.set(id, now + this.ttlMs);
    this.prune(now);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(now: number): void {
    // Map keeps insertion order, so the oldest entries come first.
    for (const [key, expires] of this.seen) {
      if (this.seen.size <= this.maxEntries && expires > now) break;
      this.seen.delete(key);
    }
  }
}
