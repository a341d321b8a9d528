// npm run package:teams — writes dist/teams-app.zip (manifest + icons at the zip root) for sideloading.
// Ids come from the environment (.env is read): MicrosoftAppId (required), TEAMS_APP_ID, BOT_DOMAIN.
// `npm run package:teams -- --icons` redraws manifest/teams/color.png and outline.png first.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import dotenv from "dotenv";
import { MANIFEST_DIR, PackageError, buildAppPackage } from "../adapters/teams/package/app-package.ts";
import { colorIcon, outlineIcon } from "../adapters/teams/package/icons.ts";

async function main(argv: string[]): Promise<void> {
  dotenv.config({ quiet: true });
  if (argv.includes("--icons")) {
    await writeFile(path.join(MANIFEST_DIR, "color.png"), colorIcon());
    await writeFile(path.join(MANIFEST_DIR, "outline.png"), outlineIcon());
    console.log(`icons written to ${path.relative(process.cwd(), MANIFEST_DIR) || "."}`);
  }
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
