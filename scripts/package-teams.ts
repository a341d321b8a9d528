// npm run package:teams — writes dist/teams-app.zip (manifest + icons at the zip root) for sideloading.
// Ids come from the environment (.env is read): MicrosoftAppId (required), TEAMS_APP_ID, BOT_DOMAIN.
// The icons are the committed manifest/teams/color.png and outline.png.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import dotenv from "dotenv";
import { PackageError, buildAppPackage } from "./teams-app-package.ts";

async function main(argv: string[]): Promise<void> {
  dotenv.config({ quiet: true });
  const outIndex = argv.indexOf("--out");
  const out = path.resolve(outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1]! : "dist/teams-app.zip");
  const zip = await buildAppPackage(process.env);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, zip);
  console.log(`wrote ${path.relative(process.cwd(), out)} (${zip.length} bytes)`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof PackageError ? err.message : err);
  process.exitCode = 1;
});
