// Seeded generators of hostile text for the fuzz tests: the same seed gives the same inputs on every run.

/** mulberry32: a small, fast, seedable PRNG (0 ≤ x < 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "zienswijze",
  "begroting",
  "gemeenschappelijke",
  "regeling",
  "GR",
  "raad",
  "uittreden",
  "centrumgemeente",
  "Wgr",
  "verbonden",
  "partijen",
  "hoe",
  "wat",
  "is",
  "de",
  "een",
  "checklist",
  "kaders",
  "AB",
  "DB",
  "btw",
  "pensioen",
  "democratische",
  "legitimatie",
  "hallo",
  "help",
  "?",
  "!",
  ",",
  "raadsleden",
  "controleren",
];

const HOSTILE = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U0ADMIN>",
  "<#C0GENERAL|general>",
  "<!subteam^S1|@team>",
  "&lt;!channel&gt;",
  "&amp;",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<at>Iemand</at>",
  "[klik](javascript:alert(1))",
  "[klik]( javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](data:text/html,hoi)",
  "[x](http://example.org)",
  "[ok](https://example.org/ok)",
  "<javascript:alert(1)|x>",
  "<https://example.org|ok>",
  "\u0000",
  "\u0007",
  "\u001b]0;titel\u0007",
  "\u001b[2J",
  "\u009b31m",
  "\u007f",
  "\r\n",
  "\t",
  "\uD800",
  "\uDC00",
  "\uDBFF\uDBFF",
  "👍",
  "🇳🇱",
  "e\u0301",
  "\u202e",
  "\u2066",
  "\u200b",
  "\u2028",
  "**",
  "__",
  "~~",
  "`",
  "```",
  "> ",
  "# ",
  "- [ ] ",
  "|",
  "\\",
  "%00",
  "' OR 1=1 --",
  "${jndi:x}",
  "{{7*7}}",
  "../../etc/passwd",
  "\ufeff",
  "\uffff",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
];

/** One hostile string: Dutch words mixed with mentions, markup, unsafe links, control characters, broken UTF-16. */
export function hostileText(rand: () => number, maxParts = 12): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * maxParts);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.45) parts.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    else if (r < 0.9) parts.push(HOSTILE[Math.floor(rand() * HOSTILE.length)]!);
    else if (r < 0.97) parts.push(String.fromCharCode(Math.floor(rand() * 0x10000)));
    else parts.push("x".repeat(Math.floor(rand() * 3000)));
  }
  return parts.join(rand() < 0.7 ? " " : "");
}

/** Any JSON value, sometimes nested: for bodies that should be refused, not crash. */
export function randomJson(rand: () => number, depth = 0): unknown {
  const r = rand();
  if (depth > 2 || r < 0.2) return [null, true, 0, -1, 1e308, "", hostileText(rand, 3)][Math.floor(rand() * 7)];
  if (r < 0.5) return Array.from({ length: Math.floor(rand() * 4) }, () => randomJson(rand, depth + 1));
  const keys = [
    "type",
    "text",
    "event",
    "payload",
    "value",
    "serviceUrl",
    "from",
    "conversation",
    "channelId",
    "event_id",
    "actions",
    "user",
  ];
  const obj: Record<string, unknown> = {};
  for (let i = Math.floor(rand() * 5); i > 0; i--)
    obj[keys[Math.floor(rand() * keys.length)]!] = randomJson(rand, depth + 1);
  return obj;
}
