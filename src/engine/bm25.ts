// A compact BM25F index: per term a sorted posting list of (document, field-weighted normalised term
// frequency, fields bitmask). Built once, queried synchronously, serialisable for the start-up cache.
//
// Why not MiniSearch (measured best for relevance in an early comparison, see docs/engine.md)? Same BM25 family,
// but at 10,000 entries its index took ~25 s to build here, ~3 s to reload and ~30 ms a query, and it cannot
// tell which fields a term matched in without per-result objects. Pre-aggregating term frequencies per
// document and storing typed arrays makes build, reload and query an order of magnitude cheaper, and gives the
// engine the match details its confidence needs.

export interface FieldSpec {
  name: string;
  boost: number;
}

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Hit {
  doc: number;
  score: number;
}

interface Postings {
  docs: Uint32Array;
  wtf: Float32Array;
  fields: Uint8Array;
}

export class Bm25Index {
  private readonly k1: number;
  private readonly postings = new Map<string, Postings>();
  private acc: Float64Array;
  private readonly touched: number[] = [];

  private constructor(
    readonly docCount: number,
    readonly fields: readonly FieldSpec[],
    opts: Bm25Options,
  ) {
    this.k1 = opts.k1 ?? 1.2;
    this.acc = new Float64Array(docCount);
  }

  /**
   * Builds the index. `termsOf(doc, field)` yields the analysed terms of one field of one document
   * (repeats count as term frequency).
   */
  static build(
    docCount: number,
    fields: FieldSpec[],
    termsOf: (doc: number, field: number) => Iterable<string>,
    opts: Bm25Options = {},
  ): Bm25Index {
    const b = opts.b ?? 0.75;
    if (fields.length > 8) throw new Error("at most 8 fields");
    // Pass 1: term counts per field and field lengths (for length normalisation).
    const lengths = fields.map(() => new Float64Array(docCount));
    const counts: Map<string, number>[][] = [];
    for (let d = 0; d < docCount; d++) {
      counts.push(
        fields.map((_, f) => {
          const c = new Map<string, number>();
          let len = 0;
          for (const t of termsOf(d, f)) {
            c.set(t, (c.get(t) ?? 0) + 1);
            len++;
          }
          lengths[f]![d] = len;
          return c;
        }),
      );
    }
    const avg = lengths.map((l) => l.reduce((s, x) => s + x, 0) / Math.max(1, docCount) || 1);
    // Pass 2: BM25F weighted term frequency per document, appended to the posting lists in document order.
    const lists = new Map<string, { docs: number[]; wtf: number[]; fields: number[] }>();
    const merged = new Map<string, [number, number]>();
    for (let d = 0; d < docCount; d++) {
      merged.clear();
      counts[d]!.forEach((c, f) => {
        const norm = 1 - b + b * (lengths[f]![d]! / avg[f]!);
        const boost = fields[f]!.boost;
        for (const [t, tf] of c) {
          const m = merged.get(t);
          const w = (boost * tf) / norm;
          if (m) {
            m[0] += w;
            m[1] |= 1 << f;
          } else merged.set(t, [w, 1 << f]);
        }
      });
      counts[d] = [];
      for (const [t, [w, mask]] of merged) {
        let l = lists.get(t);
        if (!l) lists.set(t, (l = { docs: [], wtf: [], fields: [] }));
        l.docs.push(d);
        l.wtf.push(w);
        l.fields.push(mask);
      }
    }
    const index = new Bm25Index(docCount, fields, opts);
    for (const [t, l] of lists)
      index.postings.set(t, {
        docs: Uint32Array.from(l.docs),
        wtf: Float32Array.from(l.wtf),
        fields: Uint8Array.from(l.fields),
      });
    return index;
  }

  /**
   * Binary form for the start-up cache: a JSON header (terms and their posting counts, plus `extra` data of the
   * caller), then every posting list's documents (uint32), weights (float32) and field masks (uint8) back to back.
   * Loading takes views on the buffer instead of parsing millions of numbers.
   */
  toBinary(extra: unknown): Uint8Array {
    const terms = [...this.postings.keys()];
    const counts = terms.map((t) => this.postings.get(t)!.docs.length);
    const total = counts.reduce((a, b) => a + b, 0);
    const header = new TextEncoder().encode(
      JSON.stringify({ version: 1, docCount: this.docCount, fields: this.fields, terms, counts, extra }),
    );
    const headerLen = Math.ceil((header.length + 4) / 4) * 4; // keep the typed arrays 4-byte aligned
    const out = new Uint8Array(headerLen + total * 9);
    new DataView(out.buffer).setUint32(0, header.length, true);
    out.set(header, 4);
    const docs = new Uint32Array(out.buffer, headerLen, total);
    const wtf = new Float32Array(out.buffer, headerLen + total * 4, total);
    const fields = new Uint8Array(out.buffer, headerLen + total * 8, total);
    let at = 0;
    for (const t of terms) {
      const p = this.postings.get(t)!;
      docs.set(p.docs, at);
      wtf.set(p.wtf, at);
      fields.set(p.fields, at);
      at += p.docs.length;
    }
    return out;
  }

  static fromBinary(bytes: Uint8Array, opts: Bm25Options = {}): { index: Bm25Index; extra: unknown } {
    // Copy into a fresh, aligned buffer (a Buffer from readFile may be a view at any offset of a shared pool).
    const buf = new Uint8Array(bytes.length);
    buf.set(bytes);
    const len = new DataView(buf.buffer).getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(buf.subarray(4, 4 + len))) as {
      version: number;
      docCount: number;
      fields: FieldSpec[];
      terms: string[];
      counts: number[];
      extra: unknown;
    };
    if (header.version !== 1) throw new Error("unsupported index version");
    const headerLen = Math.ceil((len + 4) / 4) * 4;
    const total = header.counts.reduce((a, b) => a + b, 0);
    const docs = new Uint32Array(buf.buffer, headerLen, total);
    const wtf = new Float32Array(buf.buffer, headerLen + total * 4, total);
    const fields = new Uint8Array(buf.buffer, headerLen + total * 8, total);
    const index = new Bm25Index(header.docCount, header.fields, opts);
    let at = 0;
    header.terms.forEach((t, i) => {
      const n = header.counts[i]!;
      index.postings.set(t, {
        docs: docs.subarray(at, at + n),
        wtf: wtf.subarray(at, at + n),
        fields: fields.subarray(at, at + n),
      });
      at += n;
    });
    return { index, extra: header.extra };
  }

  /** Number of documents containing the term. */
  df(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  idf(term: string): number {
    const n = this.df(term);
    return Math.log(1 + (this.docCount - n + 0.5) / (n + 0.5));
  }

  /**
   * Top `limit` documents for weighted query terms (OR semantics), and besides them every document of `include` that
   * matches any term, whatever its score.
   */
  search(terms: readonly { term: string; weight: number }[], limit: number, include?: ReadonlySet<number>): Hit[] {
    const acc = this.acc;
    const touched = this.touched;
    touched.length = 0;
    for (const { term, weight } of terms) {
      const p = this.postings.get(term);
      if (!p || weight <= 0) continue;
      const idf = this.idf(term) * weight;
      const { docs, wtf } = p;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const w = wtf[i]!;
        const before = acc[d]!;
        if (before === 0) touched.push(d);
        acc[d] = before + (idf * w * (this.k1 + 1)) / (this.k1 + w);
      }
    }
    const hits: Hit[] = [];
    const included: Hit[] = [];
    // Keep the best `limit` without sorting every touched document.
    let floor = -Infinity;
    for (const d of touched) {
      const score = acc[d]!;
      acc[d] = 0;
      if (include?.has(d)) included.push({ doc: d, score });
      else if (hits.length < limit) {
        hits.push({ doc: d, score });
        if (hits.length === limit) floor = Math.min(...hits.map((h) => h.score));
      } else if (score > floor) {
        let minAt = 0;
        for (let i = 1; i < hits.length; i++) if (hits[i]!.score < hits[minAt]!.score) minAt = i;
        hits[minAt] = { doc: d, score };
        floor = Math.min(...hits.map((h) => h.score));
      }
    }
    if (included.length) hits.push(...included);
    return hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** Fields bitmask in which `term` occurs in `doc` (0 when it does not). */
  fieldsOf(term: string, doc: number): number {
    const p = this.postings.get(term);
    if (!p) return 0;
    let lo = 0;
    let hi = p.docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = p.docs[mid]!;
      if (v === doc) return p.fields[mid]!;
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
