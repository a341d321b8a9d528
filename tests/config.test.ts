// loadConfig is the one place configuration is checked: the store and the adapters trust what it returns.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { ConfigError } from "../src/errors.ts";

const KEY = "0123456789abcdef0123";
const TEAMS = { MicrosoftAppId: "00000000-0000-0000-0000-000000000000", MicrosoftAppPassword: "not-a-real-secret" };

describe("loadConfig", () => {
  it("refuses PostgreSQL without STORE_HASH_KEY, naming the variable", () => {
    expect(() => loadConfig({ NODE_ENV: "test", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" })).toThrow(
      /STORE_HASH_KEY is required when DATABASE_URL is set/,
    );
    expect(
      loadConfig({ NODE_ENV: "test", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", STORE_HASH_KEY: KEY })
        .STORE_HASH_KEY,
    ).toBe(KEY);
  });

  it("refuses a missing key in production and a short key anywhere", () => {
    expect(() => loadConfig({ NODE_ENV: "production", ...TEAMS })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production", ...TEAMS })).toThrow(/STORE_HASH_KEY is required in production/);
    expect(() => loadConfig({ NODE_ENV: "test", STORE_HASH_KEY: "short" })).toThrow(/STORE_HASH_KEY is too short/);
    expect(loadConfig({ NODE_ENV: "production", ...TEAMS, STORE_HASH_KEY: KEY }).NODE_ENV).toBe("production");
  });

  it("refuses anonymous Teams in production and an app id without its password", () => {
    expect(() => loadConfig({ NODE_ENV: "production", STORE_HASH_KEY: KEY })).toThrow(
      /MicrosoftAppId is required in production/,
    );
    expect(() => loadConfig({ NODE_ENV: "test", MicrosoftAppId: TEAMS.MicrosoftAppId })).toThrow(
      /MicrosoftAppPassword is missing/,
    );
    expect(
      loadConfig({ NODE_ENV: "test", MicrosoftAppId: TEAMS.MicrosoftAppId, MicrosoftAppType: "UserAssignedMSI" })
        .MicrosoftAppId,
    ).toBe(TEAMS.MicrosoftAppId);
  });
});
