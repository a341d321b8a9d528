// Conversation context for follow-up questions: per conversation (a Slack thread or DM, a Teams conversation, a
// preview session) the entry last answered there, until it expires. The conversation key is stored only as its
// HMAC-SHA256 under the store's hash key (the same hashing as user ids), never as text; no question text and no
// user id are kept. One row per conversation, replaced on every answer, so several instances on one PostgreSQL
// share it. Expired rows are deleted at most a minute after they expire on a busy instance, and by the daily purge.
import type { Logger } from "../log.ts";
import { hashUserId } from "./hash.ts";
import type { ConversationContext } from "./port.ts";
import type { SqlExecutor } from "./sql-client.ts";

/** Expired context rows are swept at most this often by set() (and by the daily purge). */
const SWEEP_MS = 60_000;
/** Entry ids are short slugs; anything longer is not ours. */
const MAX_ENTRY_ID = 200;

interface ContextRow {
  entry_id: string;
  updated_at: Date | string;
  expires_at: Date | string;
}

const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/** The keyed hash a conversation key is stored as ("conversation:" keeps it apart from hashed user ids). */
export const conversationKeyHash = (hashKey: string, conversation: string): string =>
  hashUserId(hashKey, `conversation:${conversation}`);

/** Deletes expired context rows; returns how many. Used by the sweep and by SqlStore.purgeExpired. */
export async function deleteExpiredContexts(db: SqlExecutor, now: Date): Promise<number> {
  const rows = await db.query("DELETE FROM conversation_context WHERE expires_at <= $1 RETURNING key_hash", [now]);
  return rows.length;
}

export class ConversationContexts {
  private lastSweep = 0;

  constructor(
    private readonly db: SqlExecutor,
    private readonly hashKey: string,
    private readonly clock: () => Date,
    private readonly logger?: Logger,
  ) {}

  /** The live context of a conversation, or null when there is none or it has expired. */
  async get(conversation: string): Promise<ConversationContext | null> {
    if (!conversation) return null;
    const rows = await this.db.query<ContextRow>(
      "SELECT entry_id, updated_at, expires_at FROM conversation_context WHERE key_hash = $1 AND expires_at > $2",
      [conversationKeyHash(this.hashKey, conversation), this.clock()],
    );
    const row = rows[0];
    return row ? { entryId: row.entry_id, updatedAt: asDate(row.updated_at), expiresAt: asDate(row.expires_at) } : null;
  }

  /** Remembers the entry last answered in a conversation for ttlMs from now, replacing an earlier one. */
  async set(conversation: string, entryId: string, ttlMs: number): Promise<void> {
    if (!conversation) throw new Error("A conversation key is required");
    if (!entryId || entryId.length > MAX_ENTRY_ID) throw new Error("Invalid entry id for a conversation context");
    if (!(ttlMs > 0)) throw new Error("The context lifetime must be positive");
    const now = this.clock();
    await this.db.query(
      `INSERT INTO conversation_context (key_hash, entry_id, updated_at, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key_hash) DO UPDATE
         SET entry_id = EXCLUDED.entry_id, updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at`,
      [conversationKeyHash(this.hashKey, conversation), entryId, now, new Date(now.getTime() + ttlMs)],
    );
    if (now.getTime() - this.lastSweep >= SWEEP_MS) {
      this.lastSweep = now.getTime();
      await deleteExpiredContexts(this.db, now).catch((err: unknown) => {
        this.logger?.warn({ err: { name: (err as Error).name } }, "store: sweeping conversation contexts failed");
      });
    }
  }
}
