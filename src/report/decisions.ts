// The editors' decisions on unanswered groups, for the text and JSON report: a group whose phrasing is already in an
// entry's questions (attached by kb:learn or by hand) names that entry; a group marked "niet ons onderwerp" says so.
// The stored questions stay until RETENTION_DAYS, so without this a handled group looks like new work.
import type { KnowledgeBase } from "../knowledge/types.ts";
import { attachedEntry, isDismissedGroup } from "../learn/session.ts";
import type { GriffieReport } from "./build.ts";

export function markEditorDecisions(
  report: GriffieReport,
  kb: KnowledgeBase | undefined,
  dismissed: ReadonlySet<string>,
): GriffieReport {
  return {
    ...report,
    unanswered: report.unanswered.map((g) => {
      const attachedTo = kb ? attachedEntry(g, kb) : null;
      if (attachedTo) return { ...g, attachedTo };
      return isDismissedGroup(g, dismissed) ? { ...g, dismissed: true } : g;
    }),
  };
}
