// GET /termijnen/termijnen.ics: the register's deadlines as a calendar download for the preview page. Mounted only
// when the preview page is on (it is a local/development tool); 404 with a Dutch message without a register.
import express, { type Request, type Response } from "express";
import type { Mount } from "../http/mount.ts";
import { registerIcs } from "./ics.ts";
import type { TermijnService } from "./service.ts";

export const TERMIJNEN_PATH = "/termijnen";
export const ICS_FILE = "termijnen.ics";

export function termijnenMount(termijnen: TermijnService): Mount {
  const router = express.Router();
  router.get(`/${ICS_FILE}`, (_req: Request, res: Response) => {
    if (!termijnen.register) {
      res.status(404).json({ error: "Er is geen register van regelingen ingesteld (REGISTER_FILE)." });
      return;
    }
    res
      .status(200)
      .type("text/calendar; charset=utf-8")
      .set("Content-Disposition", `attachment; filename="${ICS_FILE}"`)
      .send(registerIcs(termijnen.register));
  });
  return { name: "termijnen", path: TERMIJNEN_PATH, router };
}
