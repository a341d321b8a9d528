// Parses cards with Microsoft's `adaptivecards` library (it needs a DOM: jsdom's window as globals) and
// reports every serialization event and validation failure.
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
  const mod = (await import("adaptivecards")) as AdaptiveCardsModule & { default?: AdaptiveCardsModule };
  loaded = mod.AdaptiveCard ? mod : (mod.default as AdaptiveCardsModule);
  return loaded;
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
