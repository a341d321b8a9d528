// Defect 5 (HOST default) and defect 9 (a second instance on the same DATA_DIR stops with a clean message).
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { tempDataDir, testEnv } from "../http/helpers.ts";
import { nodeArgs } from "../support/entry-points.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("HOST default", () => {
  it("is 127.0.0.1 outside production and 0.0.0.0 in production; an explicit HOST wins", () => {
    expect(loadConfig({}).HOST).toBe("127.0.0.1");
    expect(loadConfig({ NODE_ENV: "test" }).HOST).toBe("127.0.0.1");
    const prod = {
      NODE_ENV: "production",
      MicrosoftAppId: "app",
      MicrosoftAppPassword: "pw",
      STORE_HASH_KEY: "k".repeat(32),
    };
    expect(loadConfig(prod).HOST).toBe("0.0.0.0");
    expect(loadConfig({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(loadConfig({ ...prod, HOST: "127.0.0.1" }).HOST).toBe("127.0.0.1");
  });
});

describe("start-up with the embedded database in use", () => {
  it("prints the clear message and no stack trace, exit code 1", async () => {
    const data = await tempDataDir();
    try {
      // A lock held by a live process (this test runner) on DATA_DIR/pglite.
      await mkdir(join(data.dir, "pglite"), { recursive: true });
      await writeFile(join(data.dir, "pglite.lock"), `${process.pid}\n`);
      const child = spawn(process.execPath, nodeArgs("app/main.ts"), {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...testEnv(data.dir) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
      child.stdout.on("data", () => undefined);
      const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
      expect(code).toBe(1);
      expect(stderr).toContain("Raadswijzer Samenwerken cannot start.");
      expect(stderr).toContain(`in use by process ${process.pid}`);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).not.toContain("StoreLockedError");
    } finally {
      await data.remove();
    }
  }, 90_000);
});
