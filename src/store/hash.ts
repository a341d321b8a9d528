// User ids are stored only as HMAC-SHA256 with a secret key, so a stolen database does not reveal who ticked what.
import { createHmac, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const HASH_KEY_FILE = "store-hash-key";

/** Hex HMAC-SHA256 of the user id under the key. Stable for the same key and id. */
export function hashUserId(key: string, userId: string): string {
  return createHmac("sha256", key).update(userId, "utf8").digest("hex");
}

/**
 * Reads the generated key from dataDir, or creates one (32 random bytes, file mode 0600) the first time.
 * Only for the embedded store outside production: a shared PostgreSQL needs STORE_HASH_KEY, the same on every instance.
 */
export async function loadOrCreateHashKey(dataDir: string): Promise<{ key: string; created: boolean }> {
  const file = join(dataDir, HASH_KEY_FILE);
  try {
    const key = (await readFile(file, "utf8")).trim();
    if (key.length >= 32) return { key, created: false };
    throw new Error(`${file} is too short to be a hash key; remove it to generate a new one`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32).toString("hex");
  try {
    // "wx": never overwrite a key another process wrote in the meantime.
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: "wx" });
    return { key, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return { key: (await readFile(file, "utf8")).trim(), created: false };
  }
}
