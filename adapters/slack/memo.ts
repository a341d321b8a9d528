// A bounded cache for pure text → text functions on the render path (the same summaries, items and titles are
// rendered on every answer of an entry). The oldest key goes first when it is full.
export function memoText(fn: (text: string) => string, maxEntries = 5_000): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      out = fn(text);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(text, out);
    }
    return out;
  };
}
