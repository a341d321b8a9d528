// Builds the Teams app package: manifest/teams/manifest.json with ids from the environment, plus the two
// icons, zipped with everything at the zip root (what Teams expects for sideloading).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yazl from "yazl";

export const MANIFEST_DIR = fileURLToPath(new URL("../manifest/teams/", import.meta.url));
/** Used when TEAMS_APP_ID is not set, so re-packaging keeps the same app in Teams. */
export const DEFAULT_TEAMS_APP_ID = "6f1d2c4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f";

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export class PackageError extends Error {}

export interface PackageEnv {
  MicrosoftAppId?: string | undefined;
  TEAMS_APP_ID?: string | undefined;
  BOT_DOMAIN?: string | undefined;
}

type Json = Record<string, unknown>;

/** The manifest with the bot id, app id and domain filled in; throws PackageError listing every problem. */
export async function buildManifest(env: PackageEnv, manifestDir = MANIFEST_DIR): Promise<Json> {
  const manifest = JSON.parse(await readFile(path.join(manifestDir, "manifest.json"), "utf8")) as Json;
  const problems: string[] = [];
  const botId = env.MicrosoftAppId?.trim();
  const appId = env.TEAMS_APP_ID?.trim() || DEFAULT_TEAMS_APP_ID;
  const domain = env.BOT_DOMAIN?.trim()
    .replace(/^https?:\/\//, "")
    .replace(/\/.*$/, "");
  if (!botId) problems.push("MicrosoftAppId is not set (the bot's Azure app registration id)");
  else if (!GUID.test(botId)) problems.push(`MicrosoftAppId is not a GUID: ${botId}`);
  if (!GUID.test(appId)) problems.push(`TEAMS_APP_ID is not a GUID: ${appId}`);
  if (domain !== undefined && domain !== "" && !DOMAIN.test(domain))
    problems.push(`BOT_DOMAIN is not a host name: ${env.BOT_DOMAIN}`);
  if (problems.length) throw new PackageError(`Cannot build the Teams app package:\n  ${problems.join("\n  ")}`);

  manifest.id = appId;
  for (const bot of (manifest.bots as Json[] | undefined) ?? []) bot.botId = botId;
  for (const ext of (manifest.composeExtensions as Json[] | undefined) ?? []) ext.botId = botId;
  if (domain) {
    manifest.validDomains = [domain];
    const developer = manifest.developer as Json;
    developer.websiteUrl = `https://${domain}/`;
    developer.privacyUrl = `https://${domain}/privacy`;
    developer.termsOfUseUrl = `https://${domain}/voorwaarden`;
  }
  return manifest;
}

/** The zip as a buffer: manifest.json, color.png and outline.png at the root. */
export async function buildAppPackage(env: PackageEnv, manifestDir = MANIFEST_DIR): Promise<Buffer> {
  const manifest = await buildManifest(env, manifestDir);
  const icons = manifest.icons as { color: string; outline: string };
  const zip = new yazl.ZipFile();
  const fixedDate = new Date("2026-01-01T00:00:00Z"); // reproducible archives
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), "manifest.json", { mtime: fixedDate });
  for (const icon of [icons.color, icons.outline]) {
    zip.addBuffer(await readFile(path.join(manifestDir, icon)), path.basename(icon), { mtime: fixedDate });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
