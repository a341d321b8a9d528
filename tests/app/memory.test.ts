// Defect 10: the server's resident memory. PGlite's initialisation (~800 MB) runs in a child process, the database
// runs with small buffers, and `npm start` runs Node with PGLITE_NODE_FLAGS (no optimising compile of PGlite's
// WebAssembly), so the server itself stays small. The measurement after a first start in a new DATA_DIR is in
// npm-start.test.ts, on the `npm start` process its SIGTERM test stops.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseStartScript, SERVER_ENV, SERVER_NODE_FLAGS, startCommand } from "../../app/start-command.ts";
import { PGLITE_NODE_FLAGS } from "../../src/store/pglite-options.ts";
import { memoryPgliteClient } from "../support/pglite.ts";

/** `npm start`: the environment it sets and Node's argv, e.g. ["--liftoff-only", …, "--import", "tsx", "app/main.ts"]. */
const START = startCommand();

describe("memory", () => {
  it("npm start (and so the Dockerfile's CMD, tests/app/container.test.ts) passes the server's Node flags", () => {
    for (const flag of [...PGLITE_NODE_FLAGS, ...SERVER_NODE_FLAGS]) expect(START.args).toContain(flag);
    // Flags before the entry point, or Node hands them to the script.
    expect(START.args.at(-1)).toBe("app/main.ts");
  });

  it("npm start sets the allocator's environment before Node starts (glibc reads it only then)", () => {
    expect(START.env).toEqual(expect.objectContaining(SERVER_ENV));
    expect(SERVER_ENV.MALLOC_ARENA_MAX).toBe("2");
  });

  it("parses a start script into its environment prefix and Node's arguments", () => {
    expect(parseStartScript("A_B=1 C=x=y exec node --f=2 --import tsx app/main.ts")).toEqual({
      env: { A_B: "1", C: "x=y" },
      args: ["--f=2", "--import", "tsx", "app/main.ts"],
    });
    expect(parseStartScript("node app/main.ts")).toEqual({ env: {}, args: ["app/main.ts"] });
    expect(() => parseStartScript("exec tsx app/main.ts")).toThrow(/does not run node/);
  });

  it("this Node accepts the server's flags on the command line and applies the heap limit", () => {
    const out = execFileSync(
      process.execPath,
      [...SERVER_NODE_FLAGS, "-e", "console.log(require('v8').getHeapStatistics().heap_size_limit)"],
      { encoding: "utf8" },
    );
    // --max-old-space-size=2048 plus the young generation: a limit near 2048 MB, not the default (about 4 GB on this 24 GB machine).
    const limitMb = Number(out.trim()) / 1048576;
    expect(limitMb).toBeGreaterThanOrEqual(2048);
    expect(limitMb).toBeLessThan(2100);
  });

  it("opens PGlite with small shared buffers", async () => {
    // memoryPgliteClient opens through createPgliteClient (with its options), from the initialised template.
    const client = await memoryPgliteClient();
    try {
      expect(await client.query("SHOW shared_buffers")).toEqual([{ shared_buffers: "8MB" }]);
    } finally {
      await client.close();
    }
  }, 90_000);
});
