// Renders a Reply as plain Dutch text for the terminal.
import { messages } from "../core/messages.ts";
import type { Reply } from "../reply.ts";

export function formatReplyText(reply: Reply): string {
  const out: string[] = [];
  const list = (title: string, items: string[]) => {
    if (items.length) out.push("", title, ...items.map((i) => `  - ${i}`));
  };
  if (reply.status === "help") {
    out.push(messages.helpTitle, "", messages.intro, "", messages.helpText);
    list(
      messages.topicsTitle,
      reply.alternatives.map((a) => a.title),
    );
    return out.join("\n");
  }
  if (!reply.answer) {
    out.push(messages.unknownTitle, "", reply.message ?? messages.unknownText);
    list(
      messages.didYouMean,
      reply.alternatives.map((a) => a.title),
    );
    return out.join("\n");
  }
  const a = reply.answer;
  if (reply.status === "ambiguous") out.push(messages.ambiguousIntro, "");
  out.push(a.title, "=".repeat(Math.min(a.title.length, 80)), "", a.summary);
  if (a.text) out.push("", a.text);
  if (a.items?.length) out.push("", ...a.items.map((i) => `  [ ] ${i.text}`));
  list(
    messages.sources,
    a.links.map((l) => `${l.title} <${l.url}>`),
  );
  list(
    messages.related,
    a.related.map((r) => r.title),
  );
  if (reply.status === "ambiguous")
    list(
      messages.orDidYouMean,
      reply.alternatives.map((x) => x.title),
    );
  if (a.updated) out.push("", messages.updated(a.updated));
  out.push("", `(zekerheid ${Math.round(reply.confidence * 100)}%)`);
  return out.join("\n");
}
