// .env.example documents every configuration variable and is itself a valid configuration.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import dotenv from "dotenv";
import { describe, expect, it } from "vitest";
import { configSchema, loadConfig } from "../../src/config.ts";

const text = readFileSync(fileURLToPath(new URL("../../.env.example", import.meta.url)), "utf8");
const parsed = dotenv.parse(text);

describe(".env.example", () => {
  it("lists exactly the variables of src/config.ts", () => {
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(configSchema.shape).sort());
  });

  it("explains every variable with a comment line above it", () => {
    const lines = text.split("\n");
    for (const key of Object.keys(configSchema.shape)) {
      const at = lines.findIndex((l) => l.startsWith(`${key}=`));
      const above = lines.slice(0, at).reverse();
      const firstNonVariable = above.find((l) => !/^[A-Za-z_]+=/.test(l));
      expect(firstNonVariable, key).toMatch(/^# /);
    }
  });

  it("is a valid development configuration that holds no secrets", () => {
    const config = loadConfig(parsed);
    expect(config.PORT).toBe(3978);
    for (const secret of ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "MicrosoftAppPassword", "STORE_HASH_KEY", "DATABASE_URL"]) {
      expect(parsed[secret], secret).toBe("");
    }
  });
});
