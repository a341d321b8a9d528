// Deadlines in Teams through the real server (startApp, anonymous local mode): Bot Framework activities POSTed to
// /api/messages, replies captured by the fake connector. The example register and a fixed clock.
import { beforeEach, describe, expect, it } from "vitest";
import { startApp } from "../../../app/start.ts";
import { tempDataDir, testEnv } from "../../http/helpers.ts";
import { checkCard } from "./adaptive-cards.ts";
import {
  BOT_ID,
  cardActions,
  cardOf,
  cardText,
  membersAddedActivity,
  messageActivity,
  postActivity,
  startFakeConnector,
  type FakeConnector,
} from "./helpers.ts";
import { STARTUP_MS, useTeamsApp } from "./app-fixture.ts";

const clock = () => new Date("2027-03-10T09:00:00Z");

describe("deadlines in Teams", () => {
  let connector: FakeConnector;
  let endpoint: string;

  const teams = useTeamsApp({ env: { REGISTER_FILE: "knowledge/register/voorbeeld-register.yml" }, clock });
  beforeEach(() => {
    ({ connector, endpoint } = teams());
  });
  const opts = () => ({ serviceUrl: connector.url });

  const ask = async (text: string) => {
    const res = await postActivity(endpoint, messageActivity(text, opts()));
    expect(res.status).toBe(200);
    const [sent] = await connector.waitFor(1);
    const card = cardOf(sent!.body);
    expect((await checkCard(card)).problems).toEqual([]);
    return card;
  };

  it("the termijn command answers with the date, the rule and the article", async () => {
    const card = await ask("termijn ontwerpregeling 6 maart 2027");
    const text = cardText(card);
    expect(text).toContain("Uiterlijk maandag 3 mei 2027 (art. 1 lid 3 Wgr; art. 1 Algemene termijnenwet).");
    expect(text).toContain("acht weken");
    expect(cardActions(card).map((a) => a.url)).toContain("https://wetten.overheid.nl/jci1.3:c:BWBR0003740&artikel=1");
  });

  it("termijn without arguments explains how to use it", async () => {
    expect(cardText(await ask("termijn"))).toContain("Gebruik: /termijn");
  });

  it("termijn with an impossible date says so, in Dutch", async () => {
    expect(cardText(await ask("termijn begroting 30 februari 2027"))).toContain(
      '"30 februari 2027" is geen bestaande datum. Controleert u de datum?',
    );
  });

  it("termijn with an unknown kind names it and the kinds there are", async () => {
    expect(cardText(await ask("termijn onzin 2027-03-06"))).toContain('Onbekende soort termijn "onzin". Kies uit:');
  });

  it("a plain question gets the computed date", async () => {
    const text = cardText(
      await ask("Wanneer moet de zienswijze op de ontwerpbegroting binnen zijn? We ontvingen hem op 26 februari 2027."),
    );
    expect(text).toContain("vrijdag 21 mei 2027");
    expect(text).toContain("art. 35 lid 3 Wgr");
  });

  it("register questions are answered from the register, soonest first", async () => {
    const text = cardText(await ask("Welke zienswijzen lopen er?"));
    expect(text.indexOf("3 mei 2027")).toBeGreaterThan(-1);
    expect(text.indexOf("3 mei 2027")).toBeLessThan(text.indexOf("21 mei 2027"));
  });

  it("the welcome card shows the next deadlines", async () => {
    await postActivity(
      endpoint,
      membersAddedActivity([BOT_ID], { ...opts(), conversationType: "personal", conversationId: "a:new-user" }),
    );
    const [sent] = await connector.waitFor(1);
    const card = cardOf(sent!.body);
    const text = cardText(card);
    expect(text).toContain("Welkom bij Raadswijzer Samenwerken");
    expect(text).toContain("Eerstvolgende termijnen");
    expect(text).toContain("3 mei 2027: zienswijze op een ontwerpregeling");
    expect((await checkCard(card)).problems).toEqual([]);
  });
});

describe("deadline reminders in Teams", () => {
  it(
    "posts the reminder once as a proactive message; a second run and a restart do not",
    async () => {
      const data = await tempDataDir();
      const connector = await startFakeConnector();
      const reminderClock = () => new Date("2027-04-12T06:00:00Z"); // 21 days before the ODV deadline
      const env = testEnv(data.dir, {
        REGISTER_FILE: "knowledge/register/voorbeeld-register.yml",
        REMINDER_TEAMS_CONVERSATION: "19:raad@thread.tacv2",
        REMINDER_TEAMS_SERVICE_URL: connector.url,
      });
      let app = await startApp({ env, port: 0, clock: reminderClock });
      try {
        const [sent] = await connector.waitFor(1);
        expect(sent!.conversationId).toBe("19:raad@thread.tacv2");
        const card = cardOf(sent!.body);
        expect(cardText(card)).toContain("nog 21 dagen tot maandag 3 mei 2027");
        expect((await checkCard(card)).problems).toEqual([]);
        await app.reminders!.runOnce(); // joins the run still in flight from start-up
        expect((await app.reminders!.runOnce()).sent).toEqual([]);
        await app.close();
        app = await startApp({ env, port: 0, clock: reminderClock });
        await app.reminders!.runOnce();
        expect(connector.captured).toHaveLength(1);
      } finally {
        await app.close();
        await connector.close();
        await data.remove();
      }
    },
    STARTUP_MS,
  );
});
