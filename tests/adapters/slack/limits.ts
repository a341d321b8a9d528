// An independent checker for Block Kit's documented limits, used by the rendering tests.
// Limits: https://docs.slack.dev/reference/block-kit (blocks, block elements, composition objects).

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** A broken escape: "&" not starting &amp; / &lt; / &gt;, or a "<" that opens no complete <...> link. */
export function brokenEscapes(mrkdwn: string): string[] {
  const problems: string[] = [];
  for (const m of mrkdwn.matchAll(/&[^;\s]{0,5};?/g)) {
    if (!/^&(amp|lt|gt);$/.test(m[0])) problems.push(`bare or cut entity "${m[0]}"`);
  }
  let depth = 0;
  for (const ch of mrkdwn) {
    if (ch === "<") depth++;
    else if (ch === ">") depth--;
    if (depth < 0 || depth > 1) {
      problems.push("unbalanced < >");
      break;
    }
  }
  if (depth !== 0) problems.push("unclosed <");
  if (/<[!@#]/.test(mrkdwn)) problems.push("mention or broadcast markup (<!…>, <@…>, <#…>)");
  return problems;
}

export function blockKitViolations(blocks: unknown, opts: { maxBlocks?: number } = {}): string[] {
  const v: string[] = [];
  if (!Array.isArray(blocks)) return ["blocks is not an array"];
  const max = opts.maxBlocks ?? 50;
  if (blocks.length > max) v.push(`${blocks.length} blocks > ${max}`);
  const blockIds = new Set<string>();
  const text = (t: unknown, where: string, limit: number, plainOnly = false): void => {
    if (!isObj(t)) {
      v.push(`${where}: missing text object`);
      return;
    }
    const s = str(t.text);
    if (!s.length) v.push(`${where}: empty text`);
    if (s.length > limit) v.push(`${where}: ${s.length} chars > ${limit}`);
    if (plainOnly && t.type !== "plain_text") v.push(`${where}: must be plain_text`);
    if (t.type === "mrkdwn") for (const p of brokenEscapes(s)) v.push(`${where}: ${p}`);
  };
  const button = (b: Json, where: string): void => {
    text(b.text, `${where}.text`, 75, true);
    if (str(b.value).length > 2000) v.push(`${where}: value > 2000`);
    if (str(b.action_id).length > 255) v.push(`${where}: action_id > 255`);
    if (b.url && str(b.url).length > 3000) v.push(`${where}: url > 3000`);
  };
  const option = (o: unknown, where: string): void => {
    if (!isObj(o)) return void v.push(`${where}: not an object`);
    text(o.text, `${where}.text`, 75);
    if (o.description) text(o.description, `${where}.description`, 75);
    if (str(o.value).length > 150) v.push(`${where}: value > 150`);
  };
  const element = (e: unknown, where: string): void => {
    if (!isObj(e)) return void v.push(`${where}: not an object`);
    if (e.type === "button") button(e, where);
    else if (e.type === "checkboxes") {
      const options = Array.isArray(e.options) ? e.options : [];
      if (options.length < 1 || options.length > 10) v.push(`${where}: ${options.length} options (1..10)`);
      options.forEach((o, i) => option(o, `${where}.options[${i}]`));
      const values = new Set(options.filter(isObj).map((o) => str(o.value)));
      for (const o of Array.isArray(e.initial_options) ? e.initial_options : []) {
        if (!isObj(o) || !values.has(str(o.value))) v.push(`${where}: initial option not among options`);
      }
      if (str(e.action_id).length > 255) v.push(`${where}: action_id > 255`);
    } else if (e.type === "radio_buttons") {
      // Modals (the 👎 reason): 1..10 options, one initial option among them.
      const options = Array.isArray(e.options) ? e.options : [];
      if (options.length < 1 || options.length > 10) v.push(`${where}: ${options.length} options (1..10)`);
      options.forEach((o, i) => option(o, `${where}.options[${i}]`));
      if (str(e.action_id).length > 255) v.push(`${where}: action_id > 255`);
    } else if (e.type === "plain_text_input") {
      // Modals: max_length at most 3,000, an initial value within it, a placeholder within 150.
      const max = typeof e.max_length === "number" ? e.max_length : 3000;
      if (max > 3000) v.push(`${where}: max_length ${max} > 3000`);
      if (str(e.initial_value).length > max) v.push(`${where}: initial_value > max_length ${max}`);
      if (e.placeholder) text(e.placeholder, `${where}.placeholder`, 150, true);
      if (str(e.action_id).length > 255) v.push(`${where}: action_id > 255`);
    } else v.push(`${where}: unexpected element ${str(e.type)}`);
  };
  blocks.forEach((b, i) => {
    const where = `blocks[${i}]`;
    if (!isObj(b)) return void v.push(`${where}: not an object`);
    if (b.block_id !== undefined) {
      const id = str(b.block_id);
      if (id.length > 255) v.push(`${where}: block_id > 255`);
      if (blockIds.has(id)) v.push(`${where}: duplicate block_id ${id}`);
      blockIds.add(id);
    }
    switch (b.type) {
      case "header":
        text(b.text, `${where}.header`, 150, true);
        break;
      case "section":
        if (b.text) text(b.text, `${where}.text`, 3000);
        if (!b.text && !b.fields) v.push(`${where}: section without text`);
        if (b.accessory) element(b.accessory, `${where}.accessory`);
        break;
      case "context": {
        const els = Array.isArray(b.elements) ? b.elements : [];
        if (els.length < 1 || els.length > 10) v.push(`${where}: ${els.length} context elements`);
        els.forEach((e, j) => text(e, `${where}.elements[${j}]`, 3000));
        break;
      }
      case "actions": {
        const els = Array.isArray(b.elements) ? b.elements : [];
        if (els.length < 1 || els.length > 25) v.push(`${where}: ${els.length} action elements`);
        const ids = els.filter(isObj).map((e) => str(e.action_id));
        if (new Set(ids).size !== ids.length) v.push(`${where}: duplicate action_id in block`);
        els.forEach((e, j) => element(e, `${where}.elements[${j}]`));
        break;
      }
      case "input":
        text(b.label, `${where}.label`, 2000, true);
        element(b.element, `${where}.element`);
        break;
      case "divider":
        break;
      default:
        v.push(`${where}: unexpected block type ${str(b.type)}`);
    }
  });
  return v;
}
