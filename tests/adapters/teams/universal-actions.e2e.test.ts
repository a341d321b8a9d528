// Shared checklist cards stay current in a Teams group chat (Universal Actions): end to end through the real server
// (startApp: knowledge base, engine, PGlite store) with Bot Framework activities POSTed to /api/messages over
// loopback and a fake connector that answers the member roster and catches the bot's messages and edits.
import { beforeEach, describe, expect, it } from "vitest";
import { messages } from "../../../src/core/messages.ts";
import { MAX_REFRESH_USERS, VERB_REFRESH } from "../../../adapters/teams/universal-actions.ts";
import { FIXTURE_CHECKLIST } from "../../http/helpers.ts";
import { checkCard } from "./adaptive-cards.ts";
import {
  USER,
  cardActions,
  cardOf,
  cardText,
  executeInvoke,
  messageActivity,
  postActivity,
  submitActivity,
  type FakeConnector,
} from "./helpers.ts";
import { useTeamsApp } from "./app-fixture.ts";

const GROUP = "19:checklist-group@thread.v2";
const BIG_GROUP = "19:big-group@thread.v2";
const OTHER = { id: "29:user-2", name: "Wethouder", aadObjectId: "00000000-0000-0000-0000-0000000000b2" };
const THIRD = { id: "29:user-3", name: "Griffier" };

interface Refresh {
  action: { type: string; verb: string; title: string; data: Record<string, unknown> };
  userIds: string[];
}
interface RefreshableCard {
  type: string;
  version: string;
  body: Record<string, unknown>[];
  refresh?: Refresh;
}
interface InvokeBody {
  statusCode: number;
  type: string;
  value: RefreshableCard;
}

const toggles = (card: RefreshableCard): string[] =>
  card.body.filter((e) => e.type === "Input.Toggle").map((e) => String(e.value));

describe("Teams: shared checklist cards with Universal Actions refresh", () => {
  let connector: FakeConnector;
  let endpoint: string;
  const memberRequests = new Map<string, number>();

  const teams = useTeamsApp({
    connector: {
      members: (id) =>
        id === BIG_GROUP
          ? Array.from({ length: 80 }, (_v, i) => ({ id: `29:member-${i + 1}` }))
          : [USER, OTHER, THIRD, { id: "28:some-other-bot" }],
      memberRequests,
    },
  });
  beforeEach(() => {
    ({ connector, endpoint } = teams());
  });
  const group = () => ({ serviceUrl: connector.url, conversationType: "groupChat" as const, conversationId: GROUP });
  const as = (user: typeof OTHER | typeof USER, activity: Record<string, unknown>) => ({ ...activity, from: user });
  const invoke = async (activity: Record<string, unknown>): Promise<InvokeBody> => {
    const res = await postActivity(endpoint, activity);
    expect(res.status).toBe(200);
    return (await res.json()) as InvokeBody;
  };

  it("a group chat's checklist card refreshes for its members; a tick shows up in the other member's refresh", async () => {
    // 1. Raadslid opens the checklist: the card carries a refresh clause for the chat's members (bots left out).
    await postActivity(endpoint, messageActivity("checklist uittreden", group()));
    const [sent] = await connector.waitFor(1);
    expect(sent!.method).toBe("POST");
    const posted = cardOf(sent!.body) as unknown as RefreshableCard;
    expect(posted.refresh).toEqual({
      action: {
        type: "Action.Execute",
        title: messages.cardRefresh,
        verb: VERB_REFRESH,
        data: { action: VERB_REFRESH, checklistId: FIXTURE_CHECKLIST },
      },
      userIds: [USER.id, OTHER.id, THIRD.id],
    });
    expect((await checkCard(posted)).problems).toEqual([]);
    const messageId = "sent-1";
    connector.captured.length = 0;

    // 2. Raadslid ticks items 1 and 2 (Action.Execute, verb checklistSave): the invoke response is the updated
    //    card, and the card message is edited for everyone with the same ticks and the run in its refresh action.
    const save = cardActions(posted).find((a) => a.type === "Action.Execute" && a.verb === "checklistSave")!;
    const tick = await invoke(
      executeInvoke(
        "checklistSave",
        {
          ...(save.data as Record<string, unknown>),
          "item-1": "true",
          "item-2": "true",
          "item-3": "false",
          "item-4": "false",
        },
        messageId,
        group(),
      ),
    );
    expect(tick).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(cardText(tick.value)).toContain("2 van 4 afgevinkt");
    const runId = tick.value.refresh?.action.data.runId;
    expect(runId).toEqual(expect.any(String));
    const [edit] = await connector.waitFor(1);
    expect(edit).toMatchObject({ method: "PUT", activityId: messageId, conversationId: GROUP });
    const edited = cardOf(edit!.body) as unknown as RefreshableCard;
    expect(toggles(edited)).toEqual(["true", "true", "false", "false"]);
    expect(edited.refresh?.action.data).toEqual({ action: VERB_REFRESH, checklistId: FIXTURE_CHECKLIST, runId });
    expect(edited.refresh?.userIds).toEqual([USER.id, OTHER.id, THIRD.id]);

    // 3. Wethouder's client refreshes the card (trigger automatic): the current card with Raadslid's ticks.
    const refreshed = await invoke({
      ...as(OTHER, executeInvoke(VERB_REFRESH, edited.refresh!.action.data, messageId, group())),
      value: {
        action: { type: "Action.Execute", verb: VERB_REFRESH, data: edited.refresh!.action.data },
        trigger: "automatic",
      },
    });
    expect(refreshed).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(cardText(refreshed.value)).toContain("2 van 4 afgevinkt");
    expect(toggles(refreshed.value)).toEqual(["true", "true", "false", "false"]);
    // Refreshed for Wethouder: Wethouder first in userIds, then the others.
    expect(refreshed.value.refresh?.userIds).toEqual([OTHER.id, USER.id, THIRD.id]);
    expect((await checkCard(refreshed.value)).problems).toEqual([]);

    // A card that missed the edit (its refresh names no run) still refreshes to the run of its message.
    const stale = await invoke(as(OTHER, executeInvoke(VERB_REFRESH, posted.refresh!.action.data, messageId, group())));
    expect(toggles(stale.value)).toEqual(["true", "true", "false", "false"]);

    // 4. Wethouder ticks item 3 on the stale card (items 1 and 2 shown unticked): only the change is saved,
    //    Raadslid's ticks stay.
    const staleSave = cardActions(posted).find((a) => a.verb === "checklistSave")!;
    const tick2 = await invoke(
      as(
        OTHER,
        executeInvoke(
          "checklistSave",
          {
            ...(staleSave.data as Record<string, unknown>),
            "item-1": "false",
            "item-2": "false",
            "item-3": "true",
            "item-4": "false",
          },
          messageId,
          group(),
        ),
      ),
    );
    expect(toggles(tick2.value)).toEqual(["true", "true", "true", "false"]);
    expect(cardText(tick2.value)).toContain("3 van 4 afgevinkt");

    // 5. Raadslid's next refresh shows Wethouder's tick.
    const mine = await invoke(executeInvoke(VERB_REFRESH, edited.refresh!.action.data, messageId, group()));
    expect(toggles(mine.value)).toEqual(["true", "true", "true", "false"]);

    // 6. Unticking through the current card works (shown = what the card showed).
    const current = cardActions(mine.value).find((a) => a.verb === "checklistSave")!;
    const untick = await invoke(
      executeInvoke(
        "checklistSave",
        {
          ...(current.data as Record<string, unknown>),
          "item-1": "false",
          "item-2": "true",
          "item-3": "true",
          "item-4": "false",
        },
        messageId,
        group(),
      ),
    );
    expect(toggles(untick.value)).toEqual(["false", "true", "true", "false"]);

    // 7. An export is for the member who asked: in the invoke response only, the message is not edited (an
    //    edit would make Teams refresh the card for that member too and replace the export).
    connector.captured.length = 0;
    const exportAction = cardActions(untick.value).find((a) => a.verb === "checklistExport")!;
    const exported = await invoke(
      as(OTHER, executeInvoke("checklistExport", exportAction.data as Record<string, unknown>, messageId, group())),
    );
    expect(cardText(exported.value)).toContain("- [x] ");
    expect(exported.value.refresh?.action.data).toMatchObject({ runId });
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.captured).toHaveLength(0);

    // The roster was asked once for this conversation (cached), not once per card or refresh.
    expect(memberRequests.get(GROUP)).toBe(1);
  });

  it("an Action.Submit card posted before (no run, no shown ticks) still saves and gets the refresh clause", async () => {
    await postActivity(
      endpoint,
      submitActivity(
        { action: "checklistSave", checklistId: FIXTURE_CHECKLIST, "item-4": "true" },
        "old-card-1",
        group(),
      ),
    );
    const [update] = await connector.waitFor(1);
    expect(update).toMatchObject({ method: "PUT", activityId: "old-card-1" });
    const card = cardOf(update!.body) as unknown as RefreshableCard;
    expect(cardText(card)).toContain("1 van 4 afgevinkt");
    expect(card.refresh?.action.data).toMatchObject({ checklistId: FIXTURE_CHECKLIST, runId: expect.any(String) });
  });

  it("a button this version no longer reads gets a clear Dutch message (Execute: under the card; Submit: a reply)", async () => {
    const execute = await invoke(
      executeInvoke("checklistToggle", { action: "checklistToggle", item: 3 }, "old-card-2", group()),
    );
    expect(execute).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: messages.cardActionOutdated,
    });
    await postActivity(endpoint, submitActivity({ action: "checklistToggle", item: 3 }, "old-card-3", group()));
    const [reply] = await connector.waitFor(1);
    expect(reply!.method).toBe("POST");
    expect(cardText(cardOf(reply!.body))).toContain(messages.cardActionOutdated);
  });

  it("a refresh for a checklist that no longer exists answers with the Dutch message, not an error", async () => {
    const res = await invoke(
      executeInvoke(VERB_REFRESH, { action: VERB_REFRESH, checklistId: "checklist-bestaat-niet" }, "card-z", group()),
    );
    expect(res).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: messages.cardActionOutdated,
    });
  });

  it(`a chat with more members than Teams refreshes for: userIds holds ${MAX_REFRESH_USERS}, the requester first`, async () => {
    const big = { serviceUrl: connector.url, conversationType: "groupChat" as const, conversationId: BIG_GROUP };
    await postActivity(endpoint, as(OTHER, messageActivity("checklist uittreden", big)));
    const [sent] = await connector.waitFor(1);
    const ids = (cardOf(sent!.body) as unknown as RefreshableCard).refresh!.userIds;
    expect(ids).toHaveLength(MAX_REFRESH_USERS);
    expect(ids[0]).toBe(OTHER.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a personal chat refreshes for its one user, without asking for the roster", async () => {
    const personal = {
      serviceUrl: connector.url,
      conversationType: "personal" as const,
      conversationId: "a:personal-x",
    };
    await postActivity(endpoint, messageActivity("checklist uittreden", personal));
    const [sent] = await connector.waitFor(1);
    expect((cardOf(sent!.body) as unknown as RefreshableCard).refresh?.userIds).toEqual([USER.id]);
    expect(memberRequests.has("a:personal-x")).toBe(false);
  });

  it("answer cards that are not checklists get no refresh clause", async () => {
    await postActivity(
      endpoint,
      messageActivity("Hoe geeft de raad een zienswijze op de begroting van een GR?", group()),
    );
    const [sent] = await connector.waitFor(1);
    expect((cardOf(sent!.body) as unknown as RefreshableCard).refresh).toBeUndefined();
  });
});
