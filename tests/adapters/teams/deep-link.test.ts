// The "Beantwoord" link in the griffie's card: Teams' deep link to the user's message (adapters/teams/handoff.ts).
import { describe, expect, it } from "vitest";
import { teamsDeepLink } from "../../../adapters/teams/handoff.ts";

const parse = (link: string | null) => {
  const url = new URL(link ?? "");
  const [, l, message, chat, id] = url.pathname.split("/");
  return { origin: url.origin, l, message, chat: decodeURIComponent(chat ?? ""), id, query: url.searchParams };
};

describe("teamsDeepLink", () => {
  it("a group chat: /l/message/<chat id>/<the card's message id>, ids URL-encoded", () => {
    const link = teamsDeepLink({
      conversation: { id: "19:meeting_Zm9v@thread.v2", conversationType: "groupChat" },
      replyToId: "1700000000123",
      id: "incoming-1",
    });
    expect(link).toBe("https://teams.microsoft.com/l/message/19%3Ameeting_Zm9v%40thread.v2/1700000000123");
    const p = parse(link);
    expect(p).toMatchObject({ origin: "https://teams.microsoft.com", l: "l", message: "message" });
    expect(p.chat).toBe("19:meeting_Zm9v@thread.v2");
    expect([...p.query]).toEqual([]);
  });

  it("a channel thread: the channel, the thread's root message and parentMessageId", () => {
    const link = teamsDeepLink({
      conversation: { id: "19:abc@thread.tacv2;messageid=1700000000001", conversationType: "channel" },
      replyToId: "1700000000999",
    });
    expect(link).toBe(
      "https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1700000000001?parentMessageId=1700000000001",
    );
    expect(parse(link).query.get("parentMessageId")).toBe("1700000000001");
  });

  it("a channel's top level without a thread: the message the button was on", () => {
    expect(
      teamsDeepLink({ conversation: { id: "19:abc@thread.tacv2", conversationType: "channel" }, replyToId: "42" }),
    ).toBe("https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/42");
  });

  it("no link for a personal chat (the griffie cannot open it) or without a message id", () => {
    expect(teamsDeepLink({ conversation: { id: "a:1xyz", conversationType: "personal" }, replyToId: "1" })).toBeNull();
    expect(teamsDeepLink({ conversation: { id: "19:x@thread.v2", conversationType: "groupChat" } })).toBeNull();
    expect(teamsDeepLink({ conversation: { id: "19:x@thread.v2" }, replyToId: "1" })).toBeNull();
  });

  it("an id with characters that would break the URL stays inside its path segment", () => {
    const link = teamsDeepLink({
      conversation: { id: "19:a/b?c#d@thread.v2", conversationType: "groupChat" },
      replyToId: "1/2",
    });
    const p = parse(link);
    expect(p.chat).toBe("19:a/b?c#d@thread.v2");
    expect(decodeURIComponent(p.id ?? "")).toBe("1/2");
  });
});
