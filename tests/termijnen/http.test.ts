// The preview page's calendar download: GET /termijnen/termijnen.ics through the real server (startApp).
import { describe, expect, it } from "vitest";
import { startApp } from "../../app/start.ts";
import { tempDataDir, testEnv } from "../http/helpers.ts";

const STARTUP_MS = 90_000;
const clock = () => new Date("2027-03-10T09:00:00Z");

describe("calendar download for the preview page", () => {
  it(
    "GET /termijnen/termijnen.ics returns the register's calendar; 404 in Dutch without a register",
    async () => {
      const data = await tempDataDir();
      const withRegister = await startApp({
        env: testEnv(data.dir, { REGISTER_FILE: "knowledge/register/voorbeeld-register.yml" }),
        port: 0,
        clock,
      });
      try {
        const res = await fetch(`${withRegister.url}/termijnen/termijnen.ics`);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
        expect(res.headers.get("content-disposition")).toBe('attachment; filename="termijnen.ics"');
        const body = await res.text();
        expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(3);
      } finally {
        await withRegister.close();
      }
      const without = await startApp({ env: testEnv(data.dir), port: 0, clock });
      try {
        const res = await fetch(`${without.url}/termijnen/termijnen.ics`);
        expect(res.status).toBe(404);
        expect(((await res.json()) as { error: string }).error).toMatch(/geen register/);
      } finally {
        await without.close();
        await data.remove();
      }
    },
    STARTUP_MS,
  );
});
