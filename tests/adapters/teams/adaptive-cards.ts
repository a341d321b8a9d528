// Parses cards with Microsoft's `adaptivecards` library (it needs a DOM: jsdom's window as globals) and
// reports every serialization event and validation failure.
//
// Inline styles are kept in a plain store instead of jsdom's CSSStyleDeclaration: the library sets a dozen style
// properties on every element it renders, and jsdom parses and serialises each one (half the CPU time of a card's
// check, about 10 ms a card). No test reads a rendered style; what rendering must show (that it runs without an
// exception and yields an element with the card's actions and inputs) does not depend on them.
import { JSDOM } from "jsdom";

type AdaptiveCardsModule = typeof import("adaptivecards");

let loaded: AdaptiveCardsModule | null = null;

export async function loadAdaptiveCards(): Promise<AdaptiveCardsModule> {
  if (loaded) return loaded;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  const win = dom.window as unknown as Record<string, unknown>;
  g.window = dom.window;
  g.document = dom.window.document;
  for (const key of Object.getOwnPropertyNames(dom.window)) {
    if (key in g) continue;
    if (
      /^(HTML|SVG|Element|Node|Text|Event|KeyboardEvent|MouseEvent|DOMParser|getComputedStyle|CustomEvent|MutationObserver)/.test(
        key,
      )
    ) {
      const value = win[key];
      g[key] =
        typeof value === "function" && !/^[A-Z]/.test(key)
          ? (value as (...a: unknown[]) => unknown).bind(dom.window)
          : value;
    }
  }
  storeInlineStylesPlainly(dom.window.HTMLElement.prototype);
  const mod = (await import("adaptivecards")) as AdaptiveCardsModule & { default?: AdaptiveCardsModule };
  loaded = mod.AdaptiveCard ? mod : (mod.default as AdaptiveCardsModule);
  return loaded;
}

/** Replaces `element.style` with a store of the values set (read back as set, "" when unset). */
function storeInlineStylesPlainly(prototype: object): void {
  const styles = new WeakMap<object, Record<string, string>>();
  const methods: Record<string, (store: Record<string, string>) => unknown> = {
    setProperty: (store) => (name: string, value: unknown) => void (store[name] = String(value)),
    removeProperty: (store) => (name: string) => {
      const old = store[name] ?? "";
      delete store[name];
      return old;
    },
    getPropertyValue: (store) => (name: string) => store[name] ?? "",
  };
  const handler: ProxyHandler<Record<string, string>> = {
    get: (store, key) => (typeof key !== "string" ? undefined : (methods[key]?.(store) ?? store[key] ?? "")),
    set: (store, key, value) => {
      if (typeof key === "string") store[key] = String(value);
      return true;
    },
  };
  Object.defineProperty(prototype, "style", {
    configurable: true,
    get(this: object) {
      let style = styles.get(this);
      if (!style) styles.set(this, (style = new Proxy({}, handler)));
      return style;
    },
  });
}

export interface CardCheck {
  problems: string[];
  /** Rendered HTML element (actions and inputs present), or undefined if rendering failed. */
  rendered: HTMLElement | undefined;
}

export async function checkCard(json: unknown): Promise<CardCheck> {
  const AC = await loadAdaptiveCards();
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json as never, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse ${AC.ValidationEvent[e.event]} (${e.phase}): ${e.message}`);
  }
  const validation = card.validateProperties();
  for (const e of validation.validationEvents) problems.push(`validate ${AC.ValidationEvent[e.event]}: ${e.message}`);
  const rendered = card.render();
  return { problems, rendered };
}
