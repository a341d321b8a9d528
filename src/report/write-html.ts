// `npm run report -- --html report.html`: gathers what the HTML page needs besides the text report (the question
// log, optional hand-offs, the engine's suggestions) and writes the page.
import { writeFile } from "node:fs/promises";
import { createEngine } from "../engine/index.ts";
import type { KnowledgeBase } from "../knowledge/types.ts";
import { attachedEntry, candidatesFor, isDismissedGroup, readDismissed } from "../learn/session.ts";
import type { FeedbackRow, Store } from "../store/port.ts";
import type { GriffieReport } from "./build.ts";
import { buildHtmlReportData } from "./html-data.ts";
import { renderHtmlReport } from "./html.ts";

export async function writeHtmlReport(opts: {
  file: string;
  store: Store;
  report: GriffieReport;
  feedback: readonly FeedbackRow[];
  since: Date | undefined;
  kb: KnowledgeBase | undefined;
  /** The knowledge folder, for the groups marked "niet ons onderwerp" (niet-ons-onderwerp.yml). */
  knowledgeDir?: string;
}): Promise<void> {
  const { store, kb } = opts;
  const asked = (await store.listAsked?.(opts.since)) ?? [];
  // Open hand-offs to the griffie of any age: an open question stays on the list until it is answered.
  const handoffs = store.listHandoffs ? await store.listHandoffs(undefined, "open") : null;
  const engine = kb ? createEngine(kb) : undefined;
  const dismissed = opts.knowledgeDir ? await readDismissed(opts.knowledgeDir) : new Set<string>();
  const data = buildHtmlReportData({
    report: opts.report,
    asked,
    feedback: opts.feedback,
    titles: new Map(kb?.entries.map((e) => [e.id, e.title]) ?? []),
    ...(engine && kb
      ? { suggest: (q: string) => candidatesFor(q, engine, kb, null).map(({ id, title }) => ({ id, title })) }
      : {}),
    handoffs,
    isDismissed: (g) => isDismissedGroup(g, dismissed),
    ...(kb ? { attachedTo: (g: Parameters<typeof attachedEntry>[0]) => attachedEntry(g, kb) } : {}),
  });
  await writeFile(opts.file, renderHtmlReport(data));
}
