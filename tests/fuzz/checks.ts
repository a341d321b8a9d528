// What every rendering must satisfy, whatever the input: no live mention or broadcast, no link with a scheme
// other than https or mailto.

/** Every mrkdwn text in a Slack payload. */
export function mrkdwnTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => mrkdwnTexts(n, out));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
    for (const v of Object.values(o)) if (typeof v === "object") mrkdwnTexts(v, out);
  }
  return out;
}

/** Problems in one Slack mrkdwn text. */
export function slackProblems(text: string): string[] {
  const problems: string[] = [];
  if (/<[!@#]/.test(text)) problems.push(`unescaped mention or broadcast: ${JSON.stringify(text.slice(0, 200))}`);
  for (const m of text.matchAll(/<([^<>|]*)(?:\|[^<>]*)?>/g)) {
    const target = m[1] ?? "";
    if (/^[!@#]/.test(target)) continue; // reported above
    if (!/^(https:\/\/|mailto:)/.test(target)) problems.push(`link to ${JSON.stringify(target.slice(0, 80))}`);
  }
  return problems;
}

/** Problems in an Adaptive Card: markdown links and OpenUrl actions with another scheme. */
export function teamsProblems(card: unknown): string[] {
  const problems: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o.type === "TextBlock" && typeof o.text === "string") {
        for (const m of o.text.matchAll(/\]\(([^)]*)\)/g)) {
          if (!/^(https:\/\/|mailto:)/.test(m[1] ?? ""))
            problems.push(`markdown link to ${JSON.stringify((m[1] ?? "").slice(0, 80))}`);
        }
      }
      if (o.type === "Action.OpenUrl" && !/^(https:\/\/|mailto:)/.test(String(o.url)))
        problems.push(`OpenUrl ${String(o.url)}`);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return problems;
}

/** Problems in preview HTML: an href or src that is not https/mailto, a raw script or event handler. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/\b(href|src)="([^"]*)"/g)) {
    if (m[2] && !/^(https:\/\/|mailto:)/.test(m[2])) problems.push(`${m[1]}=${JSON.stringify(m[2].slice(0, 80))}`);
  }
  if (/<script|<img[^>]*onerror|<iframe/i.test(html)) problems.push("raw markup");
  return problems;
}
