// Adds a phrasing to an entry's frontmatter `questions` without touching any other byte of the file.
// The `yaml` library does both halves: its Document API reads the frontmatter (is `questions` a list, is the
// phrasing already there), and its concrete syntax tree (CST, which stringifies back to the exact source, comments
// and folded lines included) gets one new sequence item, rendered by the library in the list's own quoting style.
// The result is parsed again and must equal the old list plus the new phrasing, with every other line unchanged.
import { CST, isSeq, Parser, parse, parseDocument, type Scalar } from "yaml";

export class AddQuestionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AddQuestionError";
  }
}

export type AddQuestionResult = { changed: true; text: string } | { changed: false; reason: "duplicate" };

const FRONTMATTER = /^---\r?\n([\s\S]*?\r?\n)---(\r?\n|$)/;

/** Lower case, folded accents, single spaces, no trailing punctuation: "the same question" for duplicates. */
export const normalizeQuestion = (q: string): string =>
  q
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s?.!]+$/, "")
    .trim();

/** A question as it goes into the file: one line, no control characters, trimmed. */
export function cleanQuestion(q: string): string {
  return (
    q
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

const STYLE: Record<string, Scalar.Type> = {
  "single-quoted-scalar": "QUOTE_SINGLE",
  "double-quoted-scalar": "QUOTE_DOUBLE",
};

export function addQuestion(fileText: string, rawQuestion: string): AddQuestionResult {
  const question = cleanQuestion(rawQuestion);
  if (question.length < 3) throw new AddQuestionError("de vraag is te kort (minstens 3 tekens)");
  const m = FRONTMATTER.exec(fileText);
  if (!m) throw new AddQuestionError("het bestand begint niet met frontmatter tussen twee '---'-regels");
  const fm = m[1]!;
  const head = fileText.slice(0, fileText.indexOf(fm));
  const tail = fileText.slice(head.length + fm.length);

  // 1. Read it as a document.
  const doc = parseDocument(fm);
  if (doc.errors.length)
    throw new AddQuestionError(`de frontmatter is geen geldige YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  const seq = doc.get("questions", true);
  if (!isSeq(seq)) throw new AddQuestionError("het veld 'questions' ontbreekt of is geen lijst");
  const before = seq.items.map((i) => String((i as Scalar).value ?? ""));
  if (before.some((q) => normalizeQuestion(q) === normalizeQuestion(question)))
    return { changed: false, reason: "duplicate" };

  // 2. Append one item to the syntax tree.
  const tokens = [...new Parser().parse(fm)];
  const docToken = tokens.find((t): t is CST.Document => t.type === "document");
  const map = docToken?.value;
  if (map?.type !== "block-map") throw new AddQuestionError("de frontmatter is geen gewone lijst van velden");
  const pair = map.items.find(
    (it) => it.key && CST.isScalar(it.key) && CST.resolveAsScalar(it.key)?.value === "questions",
  );
  const list = pair?.value;
  if (list?.type !== "block-seq") {
    throw new AddQuestionError(
      "'questions' staat niet als lijst met streepjes ('- ...') in het bestand; voeg de vraag met de hand toe",
    );
  }
  const last = list.items[list.items.length - 1];
  let type: Scalar.Type = (last?.value && STYLE[last.value.type]) || "PLAIN";
  // A phrasing that YAML would read as something else than this text (a number, true, null, …) is quoted.
  if (type === "PLAIN" && parse(question) !== question) type = "QUOTE_DOUBLE";
  const value = CST.createScalarToken(question, {
    indent: list.indent + 2,
    type,
    // The file's own line ending (CRLF when a Windows editor saved it), so no line of it changes.
    end: [{ type: "newline", offset: 0, indent: 0, source: fm.includes("\r\n") ? "\r\n" : "\n" }],
  });
  const start: CST.SourceToken[] = [
    ...(list.indent > 0 ? [{ type: "space" as const, offset: 0, indent: 0, source: " ".repeat(list.indent) }] : []),
    { type: "seq-item-ind", offset: 0, indent: list.indent, source: "-" },
    { type: "space", offset: 0, indent: list.indent + 1, source: " " },
  ];
  list.items.push({ start, value });
  const newFm = tokens.map((t) => CST.stringify(t)).join("");
  const text = head + newFm + tail;

  // 3. Check: the list gained exactly this phrasing, and the only change is one inserted line.
  const after = parseDocument(newFm);
  const afterSeq = after.get("questions", true);
  const afterValues = isSeq(afterSeq) ? afterSeq.items.map((i) => String((i as Scalar).value ?? "")) : [];
  if (after.errors.length || JSON.stringify(afterValues) !== JSON.stringify([...before, question])) {
    throw new AddQuestionError("de vraag kon niet veilig worden toegevoegd; voeg haar met de hand toe");
  }
  const oldLines = fileText.split("\n");
  const newLines = text.split("\n");
  const at = oldLines.findIndex((l, i) => l !== newLines[i]);
  if (
    newLines.length !== oldLines.length + 1 ||
    at < 0 ||
    oldLines.slice(at).join("\n") !== newLines.slice(at + 1).join("\n")
  ) {
    throw new AddQuestionError("de vraag kon niet veilig worden toegevoegd; voeg haar met de hand toe");
  }
  return { changed: true, text };
}
