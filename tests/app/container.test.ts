// Dockerfile, .dockerignore and compose.yaml, checked statically (no container engine runs here): every copied
// path exists and is in the build context, everything the server loads is copied, the image runs the same entry
// point as `npm start` directly (so SIGTERM reaches it), as a non-root user, and its health check path is served.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { parseStartScript } from "../../app/start-command.ts";
import type { Bot } from "../../src/core/bot.ts";
import { loadConfig } from "../../src/config.ts";
import { createHttpServer, type HttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/log.ts";
import type { Store } from "../../src/store/port.ts";
import { followImports } from "../support/imports.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string>; engines: { node: string } };

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile instructions, with line continuations joined and comments dropped. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => {
      const m = /^(\S+)\s+(.*)$/.exec(l)!;
      return { op: m[1]!.toUpperCase(), args: m[2]! };
    });
}

const dockerfile = instructions(read("Dockerfile"));
const ops = (op: string) => dockerfile.filter((i) => i.op === op);
const lastStage = dockerfile.slice(dockerfile.map((i) => i.op).lastIndexOf("FROM"));
const ignored = read(".dockerignore")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));

/** COPY sources from the build context (not --from=stage), and their destination. */
const contextCopies = ops("COPY")
  .filter((c) => !/--from=/.test(c.args))
  .map((c) => {
    const parts = c.args.split(/\s+/).filter((p) => !p.startsWith("--"));
    return { sources: parts.slice(0, -1), dest: parts.at(-1)! };
  });

describe("Dockerfile", () => {
  it("is multi-stage on a slim Node LTS base that package.json supports", () => {
    const froms = ops("FROM").map((f) => f.args.split(/\s+/)[0]!);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const image of froms) {
      const m = /^node:(\d+)-.*slim$/.exec(image);
      expect(m, image).not.toBeNull();
      expect(pkg.engines.node).toContain(`^${m![1]}.`);
    }
  });

  it("copies only paths that exist and are in the build context", () => {
    const sources = contextCopies.flatMap((c) => c.sources);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(ROOT, source)), source).toBe(true);
      expect(ignored, `${source} is excluded by .dockerignore`).not.toContain(source);
    }
    for (const secret of ["node_modules", ".env", "data", ".git"]) expect(ignored).toContain(secret);
  });

  it("installs the runtime dependencies with npm ci --omit=dev from the lock file", () => {
    expect(ops("RUN").some((r) => /\bnpm ci\b.*--omit=dev/.test(r.args))).toBe(true);
    expect(contextCopies.some((c) => c.sources.includes("package-lock.json"))).toBe(true);
  });

  it("copies every local file the server loads (followed from the CMD's entry point)", () => {
    const copied = contextCopies.flatMap((c) => c.sources);
    const cmd = JSON.parse(lastStage.find((i) => i.op === "CMD")!.args) as string[];
    const entry = cmd.find((a) => a.endsWith(".ts"))!;
    const { files } = followImports(ROOT, [entry]);
    expect(files.size).toBeGreaterThan(20);
    const missing = [...files].filter((f) => !copied.some((src) => f === src || f.startsWith(`${src}/`)));
    expect(missing).toEqual([]);
    // Data the server reads at run time: the knowledge base and the preview page's static files.
    expect(copied).toContain("knowledge");
    expect(copied.some((src) => "src/http/preview/static".startsWith(src))).toBe(true);
  });

  it("runs the same entry point as npm start, as the server process itself (exec form, no npm, no shell)", () => {
    const cmd = JSON.parse(lastStage.find((i) => i.op === "CMD")!.args) as string[];
    const start = parseStartScript(pkg.scripts.start!);
    expect(cmd).toEqual(["node", ...start.args]);
    // The environment npm start sets before Node starts (MALLOC_ARENA_MAX) is the image's ENV.
    const env = lastStage
      .filter((i) => i.op === "ENV")
      .map((i) => i.args)
      .join(" ");
    for (const [name, value] of Object.entries(start.env)) expect(env).toMatch(new RegExp(`\\b${name}=${value}\\b`));
    expect(lastStage.some((i) => i.op === "ENTRYPOINT")).toBe(false);
    expect(lastStage.find((i) => i.op === "STOPSIGNAL")?.args).toBe("SIGTERM");
  });

  it("runs as a non-root user", () => {
    const users = lastStage.filter((i) => i.op === "USER").map((u) => u.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const userAt = lastStage.findIndex((i) => i.op === "USER");
    expect(userAt).toBeLessThan(lastStage.findIndex((i) => i.op === "CMD"));
  });

  describe("health check", () => {
    let server: HttpServer | undefined;
    afterAll(async () => {
      await server?.close({ graceMs: 0 });
    });

    it("probes a path the server answers with 200", async () => {
      const check = lastStage.find((i) => i.op === "HEALTHCHECK")!.args;
      const path = /127\.0\.0\.1:[^/]*(\/[a-z]+)/.exec(check)?.[1];
      expect(path).toBe("/healthz");
      server = createHttpServer({
        config: loadConfig({
          NODE_ENV: "production",
          MicrosoftAppId: "x",
          MicrosoftAppPassword: "y",
          STORE_HASH_KEY: "k".repeat(32),
          HOST: "127.0.0.1",
          PORT: "0",
        }),
        logger: createLogger({ level: "silent" }),
        bot: {} as Bot,
        store: { ping: async () => true, close: async () => undefined } as unknown as Store,
        mounts: [],
        renderers: [],
        knowledgeLoaded: () => true,
      });
      const { url } = await server.listen();
      expect((await fetch(`${url}${path}`)).status).toBe(200);
    });
  });
});

describe("compose.yaml", () => {
  interface Service {
    image?: string;
    build?: unknown;
    environment?: Record<string, string>;
    depends_on?: Record<string, unknown>;
    ports?: string[];
  }
  const compose = parseYaml(read("compose.yaml"), { merge: true }) as { services: Record<string, Service> };
  const services = Object.entries(compose.services);
  const bots = services.filter(([, s]) => s.build !== undefined);
  const postgres = services.find(([, s]) => /^postgres:/.test(s.image ?? ""));

  it("has PostgreSQL and two bot instances built from this Dockerfile", () => {
    expect(postgres).toBeDefined();
    expect(bots).toHaveLength(2);
  });

  it("points every bot at the PostgreSQL service with a shared hash key, and starts them after it is healthy", () => {
    for (const [name, bot] of bots) {
      expect(bot.environment?.DATABASE_URL, name).toMatch(new RegExp(`^postgres://[^@]+@${postgres![0]}:5432/`));
      expect(bot.environment?.STORE_HASH_KEY, name).toBeTruthy();
      expect(bot.environment?.NODE_ENV, name).toBe("production");
      expect(bot.depends_on?.[postgres![0]], name).toEqual({ condition: "service_healthy" });
    }
    const hostPorts = bots.flatMap(([, b]) => b.ports ?? []);
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });
});
