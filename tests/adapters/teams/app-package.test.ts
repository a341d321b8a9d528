// The Teams app package: the manifest validates offline against the official schema shipped in
// @microsoft/app-manifest, and `npm run package:teams` writes a zip with manifest + icons at its root.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { inflateRawSync } from "node:zlib";
import { PNG } from "pngjs";
import { ManifestUtil, type TeamsAppManifest } from "@microsoft/app-manifest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_TEAMS_APP_ID,
  PackageError,
  buildAppPackage,
  buildManifest,
} from "../../../scripts/teams-app-package.ts";
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from "../../../adapters/teams/search-extension.ts";
import { parseCommand } from "../../../adapters/teams/conversation.ts";
import { nodeArgs } from "../../support/entry-points.ts";

const BOT_ID = "11111111-2222-3333-4444-555555555555";
const APP_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const require = createRequire(import.meta.url);
const schemasDir = path.join(
  path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build/json-schemas/teams",
);

type Json = Record<string, unknown>;

/** Minimal zip reader (central directory + stored/deflated entries), enough to check the package layout. */
function readZip(buf: Buffer): Map<string, Buffer> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip");
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(offset) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(offset + 10);
    const compressed = buf.readUInt32LE(offset + 20);
    const nameLen = buf.readUInt16LE(offset + 28);
    const extraLen = buf.readUInt16LE(offset + 30);
    const commentLen = buf.readUInt16LE(offset + 32);
    const local = buf.readUInt32LE(offset + 42);
    const name = buf.toString("utf8", offset + 46, offset + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + compressed);
    files.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    offset += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

function newestSchemaVersion(): string {
  const versions = readdirSync(schemasDir)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1).split(".").map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const [major, minor] = versions.at(-1)!;
  return `${major}.${minor}`;
}

async function validate(manifest: Json): Promise<string[]> {
  const version = String(manifest.manifestVersion);
  const schema = JSON.parse(await readFile(path.join(schemasDir, `v${version}`, "MicrosoftTeams.schema.json"), "utf8"));
  return ManifestUtil.validateManifestAgainstSchema(manifest as unknown as TeamsAppManifest, schema);
}

describe("Teams manifest", () => {
  let manifest: Json;
  beforeAll(async () => {
    manifest = JSON.parse(await readFile("manifest/teams/manifest.json", "utf8")) as Json;
  });

  it("uses the newest schema version that @microsoft/app-manifest ships", () => {
    expect(manifest.manifestVersion).toBe(newestSchemaVersion());
    expect(String(manifest.$schema)).toContain(`/v${newestSchemaVersion()}/MicrosoftTeams.schema.json`);
  });

  it("validates against the official JSON schema offline", async () => {
    expect(await validate(manifest)).toEqual([]);
  });

  it("the schema check really rejects a broken manifest", async () => {
    const broken = { ...manifest, bots: [{ botId: "not-a-guid", scopes: ["everywhere"] }] };
    expect((await validate(broken)).length).toBeGreaterThan(0);
  });

  it("declares the bot in personal, team and groupChat with the commands the bot understands", () => {
    const bot = (manifest.bots as Json[])[0]!;
    expect(bot.scopes).toEqual(["personal", "team", "groupChat"]);
    const commands = ((bot.commandLists as Json[])[0]!.commands as { title: string }[]).map((c) => c.title);
    expect(commands).toEqual(["help", "checklist", "onderwerpen", "termijn"]);
    expect(parseCommand("help").kind).toBe("help");
    expect(parseCommand("checklist uittreden")).toEqual({ kind: "checklist", query: "uittreden" });
    expect(parseCommand("onderwerpen").kind).toBe("topics");
  });

  it("declares the search message extension with the parameter the handler reads", () => {
    const ext = (manifest.composeExtensions as Json[])[0]!;
    const command = (ext.commands as Json[])[0]!;
    expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: "query" });
    expect((command.parameters as Json[])[0]!.name).toBe(SEARCH_PARAMETER);
  });
});

describe("Teams icons", () => {
  it("has a 192×192 colour icon and a 32×32 white, transparent outline icon", async () => {
    const color = PNG.sync.read(await readFile("manifest/teams/color.png"));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(await readFile("manifest/teams/outline.png"));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i]!, outline.data[i + 1]!, outline.data[i + 2]!, outline.data[i + 3]!];
      if (a === 0) transparent++;
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        if (a === 255) opaque++;
      }
    }
    expect(outline.data[3]).toBe(0); // corner is transparent
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(opaque).toBeGreaterThan(20);
  });
});

describe("Teams app package", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "teams-pkg-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("fills in ids from the environment and still validates", async () => {
    const manifest = await buildManifest({
      MicrosoftAppId: BOT_ID,
      TEAMS_APP_ID: APP_ID,
      BOT_DOMAIN: "raadswijzer.gemeente.nl",
    });
    expect(manifest.id).toBe(APP_ID);
    expect((manifest.bots as Json[])[0]!.botId).toBe(BOT_ID);
    expect((manifest.composeExtensions as Json[])[0]!.botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(["raadswijzer.gemeente.nl"]);
    expect(await validate(manifest)).toEqual([]);
    const defaults = await buildManifest({ MicrosoftAppId: BOT_ID });
    expect(defaults.id).toBe(DEFAULT_TEAMS_APP_ID);
  });

  it("refuses to build without a bot id or with malformed values", async () => {
    await expect(buildManifest({})).rejects.toThrow(PackageError);
    await expect(buildManifest({ MicrosoftAppId: "abc", BOT_DOMAIN: "not a domain" })).rejects.toThrow(
      /MicrosoftAppId is not a GUID[\s\S]*BOT_DOMAIN/,
    );
  });

  it("npm run package:teams writes a zip with manifest and icons at its root", async () => {
    const out = path.join(dir, "teams-app.zip");
    await promisify(execFile)(process.execPath, [...nodeArgs("scripts/package-teams.ts"), "--out", out], {
      env: { ...process.env, MicrosoftAppId: BOT_ID, TEAMS_APP_ID: APP_ID, BOT_DOMAIN: "bot.example.org" },
      timeout: 60_000,
    });
    const files = readZip(await readFile(out));
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as Json;
    expect((manifest.bots as Json[])[0]!.botId).toBe(BOT_ID);
    expect(await validate(manifest)).toEqual([]);
    const color = PNG.sync.read(files.get("color.png")!);
    const outline = PNG.sync.read(files.get("outline.png")!);
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
  });

  it("is reproducible", async () => {
    const env = { MicrosoftAppId: BOT_ID };
    expect(await buildAppPackage(env)).toEqual(await buildAppPackage(env));
  });
});
