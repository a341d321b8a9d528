// Preview page: asks the bot through /preview/api and shows the answer card, the Slack and Teams renderings
// and checklist runs. Plain JavaScript, no bundler. The run id is kept in the URL (?run=) and localStorage.
import { hideReasonForm, showReasonForm } from "./feedback-reason.js";
import { hideHandoff, showHandoff } from "./handoff.js";

const API = "/preview/api";
const USER_KEY = "raadswijzer.preview.userId";
const RUN_KEY = "raadswijzer.preview.runId";
const SESSION_KEY = "raadswijzer.preview.session";

const $ = (selector) => document.querySelector(selector);

const state = {
  userId: getUserId(),
  /** This tab's conversation: follow-up questions are read in the context of its last answer. */
  session: getSession(),
  messages: {},
  reply: null,
  /** The question the shown reply answers (null for an opened topic): what "Vraag het de griffie" fills in. */
  question: null,
  renderings: {},
  progress: null,
  checklists: [],
  feedbackSent: new Set(),
  /** Answer first: whether the full text is open ("Lees meer"), on the page and in the Slack pane. */
  expanded: false,
  hasDetails: false,
  slackFull: false,
  /** Teams TextBlock markdown → HTML, rendered by the server (the Adaptive Cards markdown hook reads it). */
  markdownHtml: {},
};

function getUserId() {
  let id = null;
  try {
    id = localStorage.getItem(USER_KEY);
  } catch {
    /* storage blocked: a fresh id per visit */
  }
  if (!id || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) {
    const bytes = window.crypto.getRandomValues(new Uint8Array(12));
    id = "p-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    try {
      localStorage.setItem(USER_KEY, id);
    } catch {
      /* ignore */
    }
  }
  return id;
}

function getSession() {
  let id = null;
  try {
    id = window.sessionStorage.getItem(SESSION_KEY);
  } catch {
    /* storage blocked: a fresh conversation per visit */
  }
  if (!id || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) {
    const bytes = window.crypto.getRandomValues(new Uint8Array(12));
    id = "s-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    try {
      window.sessionStorage.setItem(SESSION_KEY, id);
    } catch {
      /* ignore */
    }
  }
  return id;
}

async function api(path, options = {}) {
  const init = { method: options.method ?? "GET", headers: { Accept: "application/json" } };
  if (options.body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  let response;
  try {
    response = await fetch(API + path, init);
  } catch {
    throw new Error("De server is niet bereikbaar. Controleert u of de bot draait.");
  }
  const type = response.headers.get("content-type") ?? "";
  const data = type.includes("application/json") ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error((data && data.message) || "Er ging iets mis. Probeert u het nog eens.");
    error.status = response.status;
    throw error;
  }
  return data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function setHidden(node, hidden) {
  node.hidden = hidden;
}

function chip(title, onClick) {
  return el("li", {}, el("button", { type: "button", class: "chip", onclick: onClick, text: title }));
}

// ---------- answers ----------

const STATUS_LABEL = {
  answer: "Antwoord",
  ambiguous: "Meerdere mogelijkheden",
  unknown: "Geen zeker antwoord",
  help: "Hulp",
};

async function ask(question) {
  const error = $("#ask-error");
  setHidden(error, true);
  if (!question.trim()) {
    error.textContent = "Vul een vraag in.";
    setHidden(error, false);
    $("#vraag").focus();
    return;
  }
  const load = async () => {
    const data = await api("/ask", { method: "POST", body: { q: question, session: state.session } });
    state.question = question.trim();
    return data;
  };
  await showFrom(load, false, error);
}

/** Opens an entry (a related topic, a suggestion): it becomes this tab's follow-up context, like an answer. */
async function showEntry(id) {
  const open = async () => {
    const data = await api("/entry/" + encodeURIComponent(id), { method: "POST", body: { session: state.session } });
    state.question = null;
    return data;
  };
  await showFrom(open, true, $("#ask-error"));
}

async function showFrom(load, moveFocus, errorNode) {
  const section = $("#answer");
  section.setAttribute("aria-busy", "true");
  $("#ask-button").disabled = true;
  try {
    const data = await load();
    showReply(data);
    if (moveFocus) $("#answer-title").focus();
  } catch (err) {
    errorNode.textContent = err.message;
    setHidden(errorNode, false);
  } finally {
    section.setAttribute("aria-busy", "false");
    $("#ask-button").disabled = false;
  }
}

function showReply(data) {
  const { reply } = data;
  const m = state.messages;
  state.reply = reply;
  state.renderings = data.renderings ?? {};
  const answer = reply.answer;
  setHidden($("#answer"), false);

  const badge = $("#answer-status");
  badge.textContent = STATUS_LABEL[reply.status] ?? reply.status;
  badge.className = "badge status-" + reply.status;
  // "Zekerheid 97%", or for an ambiguous reply what the middle band means (the server's wording).
  $("#answer-confidence").textContent = data.confidenceText ?? "";

  // "Opgevat als vervolgvraag op …" when the question was read in the context of the previous answer.
  const followUp = $("#answer-followup");
  followUp.textContent = data.followUpText ?? "";
  setHidden(followUp, !data.followUpText);

  const titles = { help: m.helpTitle, unknown: m.unknownTitle, ambiguous: m.ambiguousTitle };
  const showAnswer = answer && reply.status !== "unknown";
  // An ambiguous reply shows the best entry under "Ik denk dat u dit bedoelt:", the others as "Of bedoelde u…".
  const intro = reply.status === "ambiguous" && answer ? `${m.ambiguousIntro ?? ""} ` : "";
  $("#answer-title").textContent = showAnswer ? intro + answer.title : (titles[reply.status] ?? "");
  // The intro already stands above the question field; the help card adds only how to ask.
  const texts = { help: m.helpText, unknown: reply.message ?? m.unknownText };
  $("#answer-summary").textContent = showAnswer ? answer.summary : (texts[reply.status] ?? "");
  // Answer first: summary and key lines; the full text on "Lees meer". The HTML is escaped by the server.
  const keyLines = showAnswer ? (data.keyLines ?? []) : [];
  $("#answer-key-lines").innerHTML = keyLines.map((line) => `<li>${line}</li>`).join("");
  $("#answer-body").innerHTML = showAnswer ? (data.html ?? "") : "";
  state.hasDetails = Boolean(showAnswer && data.hasDetails);
  state.slackFull = false;
  setHidden($("#answer-more"), !state.hasDetails);
  setExpanded(false);

  // "Bedoelde u…" / "Of bedoelde u…": the other candidates.
  const relatedIds = new Set((answer?.related ?? []).map((r) => r.id));
  const suggestions = dedupe(
    reply.alternatives.filter((a) => a.id !== answer?.id && !(reply.status === "answer" && relatedIds.has(a.id))),
  );
  const altBox = $("#answer-alternatives");
  $("#alternatives-title").textContent =
    reply.status === "help"
      ? (m.topicsTitle ?? "Onderwerpen")
      : reply.status === "ambiguous"
        ? (m.orDidYouMean ?? "Of bedoelde u…")
        : (m.didYouMean ?? "Bedoelde u:");
  altBox.querySelector("ul").replaceChildren(...suggestions.map((a) => chip(a.title, () => showEntry(a.id))));
  // The help reply's topics are already shown as "Veelgevraagde onderwerpen" above the answer.
  setHidden(altBox, suggestions.length === 0 || (reply.status === "help" && !$("#featured").hidden));

  const sources = showAnswer ? answer.links : [];
  $("#answer-sources ul").replaceChildren(
    ...sources.map((l) =>
      el("li", {}, el("a", { href: l.url, target: "_blank", rel: "noopener noreferrer", text: l.title })),
    ),
  );
  setHidden($("#answer-sources"), sources.length === 0);

  // A topic already offered under "Of bedoelde u…" is not repeated under the related topics (as in Slack and Teams).
  const suggested = new Set(suggestions.map((a) => a.id));
  const related = showAnswer ? answer.related.filter((r) => !suggested.has(r.id)) : [];
  $("#answer-related ul").replaceChildren(...related.map((r) => chip(r.title, () => showEntry(r.id))));
  setHidden($("#answer-related"), related.length === 0);

  const updated = $("#answer-updated");
  updated.textContent = showAnswer ? (data.updatedText ?? "") : "";
  setHidden(updated, !(showAnswer && data.updatedText));

  const runOpen = state.progress && answer && state.progress.run.checklistId === answer.id;
  setHidden($("#answer-checklist-open"), !(showAnswer && answer.kind === "checklist" && !runOpen));

  const feedback = $("#answer-feedback");
  // Every answer shown can be rated, also the best guess of an ambiguous reply (as in Slack and Teams).
  setHidden(feedback, !showAnswer);
  hideReasonForm();
  const sent = showAnswer && state.feedbackSent.has(answer.id);
  for (const button of feedback.querySelectorAll("button")) {
    button.disabled = Boolean(sent);
    button.setAttribute("aria-pressed", "false");
  }
  $("#feedback-status").textContent = sent ? (m.feedbackThanks ?? "") : "";

  // "Vraag het de griffie" under an unknown reply, only when the server has a griffie chat to send to.
  hideHandoff();
  if (reply.status === "unknown" && data.handoff)
    offerHandoff($("#answer-handoff"), reply.alternatives.find((a) => a.score > 0)?.id ?? null);

  renderPlatforms();
}

/** Opens or closes the answer's full text; key lines show while it is closed. */
function setExpanded(open) {
  const m = state.messages;
  const hasKeyLines = $("#answer-key-lines").children.length > 0;
  state.expanded = open && state.hasDetails;
  const showBody = state.hasDetails ? state.expanded : !hasKeyLines;
  setHidden($("#answer-body"), !showBody);
  setHidden($("#answer-key-lines"), !hasKeyLines || state.expanded);
  const more = $("#answer-more");
  more.setAttribute("aria-expanded", String(state.expanded));
  more.textContent = state.expanded ? (m.readLess ?? "Minder tonen") : (m.readMore ?? "Lees meer");
}

/** The confirm-then-send hand-off (static/handoff.js) with the shown reply's question filled in. */
function offerHandoff(container, bestGuess) {
  showHandoff({
    container,
    messages: state.messages,
    question: state.question,
    send: async (question) =>
      (
        await api("/handoff", {
          method: "POST",
          body: { question, userId: state.userId, ...(bestGuess ? { bestGuess } : {}) },
        })
      ).message,
  });
}

function dedupe(items) {
  const seen = new Set();
  return items.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}

async function sendFeedback(entryId, helpful, pressed) {
  const status = $("#feedback-status");
  try {
    const result = await api("/feedback", { method: "POST", body: { entryId, helpful, userId: state.userId } });
    state.feedbackSent.add(entryId);
    if (state.reply?.answer?.id === entryId) {
      for (const button of document.querySelectorAll("#answer-feedback button")) {
        button.disabled = true;
        button.setAttribute("aria-pressed", String(button === pressed));
      }
      status.textContent = result.message;
      // 👎 asks why (static/feedback-reason.js).
      if (!helpful)
        showReasonForm({
          container: $("#answer-feedback"),
          messages: state.messages,
          send: (reason, comment) =>
            api("/feedback", {
              method: "POST",
              body: { entryId, helpful: false, reason, userId: state.userId, ...(comment.trim() ? { comment } : {}) },
            }),
          // After the reason, the thank-you offers "Vraag het de griffie" when a griffie chat is configured.
          onSent: (result) => {
            // One thank-you: the reason's replaces the 👎's.
            status.textContent = "";
            if (result.handoff && state.reply?.answer?.id === entryId) offerHandoff($("#answer-feedback"), entryId);
          },
        });
    }
  } catch (err) {
    status.textContent = err.message;
  }
}

// ---------- platform renderings ----------

/** The platforms the page shows a rendering for: their pane ids (`#slack-pane`, `#slack-json`, …) and labels. */
const PLATFORMS = [
  { id: "slack", name: "Slack", format: "Block Kit JSON" },
  { id: "teams", name: "Teams", format: "Adaptive Card JSON" },
];

/** One platform's pane: the rendering, and the JSON the bot sends that platform under a disclosure. */
function platformPane({ id, name, format }) {
  return el(
    "section",
    { class: "panel platform", "aria-labelledby": `${id}-title` },
    el(
      "h2",
      { id: `${id}-title`, class: "platform-title" },
      el("span", { class: `dot dot-${id}`, "aria-hidden": "true" }),
      ` Zo ziet ${name} het`,
    ),
    el(
      "div",
      { id: `${id}-pane`, class: `${id}-pane` },
      el("p", { class: "muted", text: `Stel een vraag om de ${name}-weergave te zien.` }),
    ),
    el(
      "details",
      { class: "json" },
      el("summary", { text: format }),
      el("pre", { id: `${id}-json`, tabindex: "0", "aria-label": format }),
    ),
  );
}

function renderPlatforms() {
  renderSlack(state.renderings.slack);
  renderTeams(state.renderings.teams);
}

function renderSlack(base) {
  const pane = $("#slack-pane");
  // After "Lees meer" in the pane: the message as Slack updates it in place (rendered by the server).
  const rendering = base && state.slackFull && base.full ? { ...base, ...base.full } : base;
  $("#slack-json").textContent = rendering ? JSON.stringify(rendering.payload, null, 2) : "";
  if (!rendering) {
    pane.replaceChildren(el("p", { class: "muted", text: "Geen Slack-weergave beschikbaar." }));
    return;
  }
  if (rendering.error) {
    pane.replaceChildren(el("p", { class: "error", text: rendering.error }));
    return;
  }
  const message = el("div", { class: "sk-message" });
  message.append(
    el(
      "div",
      {},
      el("span", { class: "sk-name", text: state.messages.botName ?? "Raadswijzer" }),
      el("span", { class: "sk-app", text: "APP" }),
    ),
  );
  const blocks = el("div", { class: "sk-blocks" });
  blocks.innerHTML = rendering.html || "<p class='sk-unknown'>(leeg bericht)</p>";
  markSlackTicks(blocks);
  message.append(blocks);
  pane.replaceChildren(el("div", { class: "sk-avatar", "aria-hidden": "true", text: "RS" }), message);
  for (const button of pane.querySelectorAll("button.sk-button")) {
    button.addEventListener("click", () =>
      handleSlackButton(button.dataset.actionId ?? "", button.dataset.value ?? ""),
    );
  }
}

/**
 * The Slack pane pictures the open run's ticks, as Slack shows them after a tick: the checkbox options are the
 * checklist's items in order ("Punt 1", "Punt 2", …).
 */
function markSlackTicks(root) {
  const p = state.progress;
  if (!p || state.reply?.answer?.id !== p.run.checklistId) return;
  root.querySelectorAll(".sk-checkbox .sk-box").forEach((box, i) => {
    const checked = Boolean(p.items[i]?.checked);
    box.classList.toggle("sk-box-checked", checked);
    box.setAttribute("aria-label", checked ? "aangevinkt" : "niet aangevinkt");
    box.textContent = checked ? "✓" : "";
  });
}

/** Slack buttons carry an action id (adapters/slack/actions.ts, optional ":<n>" suffix) and a value. */
function handleSlackButton(actionId, value) {
  const base = actionId.replace(/:\d+$/, "");
  switch (base) {
    case "open_entry":
      return showEntry(value);
    case "checklist_open":
      return openChecklist(value, { focus: true });
    case "feedback_yes":
    case "feedback_no":
      return sendFeedback(value, base === "feedback_yes", null);
    case "checklist_export":
      return exportRun();
    case "read_more":
      state.slackFull = true;
      renderSlack(state.renderings.slack);
      return undefined;
    default:
      // Other buttons (e.g. "Deel in kanaal") only make sense inside Slack.
      return undefined;
  }
}

/** Plain text for a TextBlock the server did not render (never expected): escaped, line breaks kept. */
function escapeText(text) {
  return text
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])
    .replace(/\r|\n/g, "<br>");
}

function teamsHostConfig() {
  return new AdaptiveCards.HostConfig({
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
    separator: { lineThickness: 1, lineColor: "#E0E0E0" },
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 700 },
    containerStyles: {
      default: {
        backgroundColor: "#FFFFFF",
        foregroundColors: {
          default: { default: "#242424", subtle: "#616161" },
          accent: { default: "#5B5FC7", subtle: "#5B5FC7" },
        },
      },
      emphasis: {
        backgroundColor: "#F5F5F5",
        foregroundColors: { default: { default: "#242424", subtle: "#616161" } },
      },
    },
    actions: {
      maxActions: 6,
      spacing: "default",
      buttonSpacing: 8,
      showCard: { actionMode: "inline" },
      actionsOrientation: "horizontal",
      actionAlignment: "left",
    },
    inputs: { label: { inputSpacing: "small" } },
  });
}

function renderTeams(rendering) {
  const pane = $("#teams-pane");
  $("#teams-json").textContent = rendering ? JSON.stringify(rendering.payload, null, 2) : "";
  if (!rendering || rendering.error || !rendering.payload || typeof rendering.payload !== "object") {
    pane.replaceChildren(
      el("p", {
        class: rendering?.error ? "error" : "muted",
        text: rendering?.error ?? "Geen Teams-weergave beschikbaar.",
      }),
    );
    return;
  }
  if (!window.AdaptiveCards) {
    pane.replaceChildren(el("p", { class: "error", text: "De Adaptive Cards-bibliotheek is niet geladen." }));
    return;
  }
  state.markdownHtml = rendering.markdownHtml ?? {};
  const payload = JSON.parse(JSON.stringify(rendering.payload));
  const card = payload.type === "AdaptiveCard" ? payload : (payload.content ?? payload);
  // Show the current run's ticks in the card's toggles ("item-<n>").
  if (state.progress && state.reply?.answer?.id === state.progress.run.checklistId) {
    const walk = (node) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== "object") return;
      const m = node.type === "Input.Toggle" && /^item-(\d+)$/.exec(node.id ?? "");
      if (m) {
        const item = state.progress.items[Number(m[1]) - 1];
        if (item) node.value = item.checked ? "true" : "false";
      }
      walk(node.body);
      walk(node.items);
      walk(node.columns);
    };
    walk(card);
  }
  try {
    const adaptiveCard = new AdaptiveCards.AdaptiveCard();
    adaptiveCard.hostConfig = teamsHostConfig();
    adaptiveCard.onExecuteAction = handleTeamsAction;
    // Action.ToggleVisibility ("Lees meer"): the library marks the shown Container with aria-expanded, which is
    // not allowed on a plain div (axe: aria-allowed-attr); it sets it right after this event, so drop it then.
    adaptiveCard.onElementVisibilityChanged = (element) =>
      Promise.resolve().then(() => element.renderedElement?.removeAttribute("aria-expanded"));
    adaptiveCard.parse(card);
    const rendered = adaptiveCard.render();
    pane.replaceChildren(rendered);
  } catch (err) {
    pane.replaceChildren(el("p", { class: "error", text: "Deze kaart kon niet worden getoond: " + err.message }));
  }
}

function handleTeamsAction(action) {
  const type = action.getJsonTypeName();
  if (type === "Action.OpenUrl") {
    window.open(action.url, "_blank", "noopener");
    return;
  }
  const data = action.data && typeof action.data === "object" ? { ...action.data } : {};
  if (!data.action && action.verb) data.action = action.verb;
  handleCardAction(data);
}

/** The actions the Teams card (and Slack JSON values) carry: answer, feedback, checklistSave, checklistExport. */
async function handleCardAction(data) {
  switch (data.action) {
    case "answer":
      if (data.id) await showEntry(data.id);
      return;
    case "feedback":
      if (data.entryId) await sendFeedback(data.entryId, data.helpful === true || data.helpful === "true", null);
      return;
    case "checklistSave": {
      await openChecklist(data.checklistId, { showCard: false });
      if (!state.progress) return;
      for (const [key, value] of Object.entries(data)) {
        const m = /^item-(\d+)$/.exec(key);
        const item = m && state.progress.items[Number(m[1]) - 1];
        const checked = value === true || value === "true";
        if (item && item.checked !== checked) await toggleItem(item.id, checked);
      }
      renderTeams(state.renderings.teams);
      return;
    }
    case "checklistExport":
      await openChecklist(data.checklistId, { showCard: false });
      await exportRun();
      return;
    default:
      if (data.id) await showEntry(data.id);
  }
}

// ---------- checklists ----------

async function loadChecklists() {
  const list = $("#checklist-list");
  try {
    const data = await api("/checklists");
    state.checklists = data.checklists;
    $("#checklists-title").textContent = data.title;
    list.replaceChildren(
      ...data.checklists.map((c) =>
        el(
          "li",
          {},
          el(
            "button",
            {
              type: "button",
              class: "checklist-card",
              "data-checklist-id": c.id,
              onclick: () => openChecklist(c.id, { focus: true }),
            },
            el("span", {}, el("strong", { text: c.title }), el("span", { class: "muted", text: c.summary })),
            el("span", { class: "checklist-count", text: `${c.itemCount} punten` }),
          ),
        ),
      ),
    );
    if (!data.checklists.length)
      list.replaceChildren(el("li", { class: "muted", text: "Er zijn nog geen checklists." }));
  } catch (err) {
    list.replaceChildren(el("li", { class: "error", text: err.message }));
  }
}

async function openChecklist(checklistId, { focus = false, showCard = true } = {}) {
  if (!checklistId) return;
  if (state.progress?.run.checklistId === checklistId && !showCard) return;
  const error = $("#run-error");
  setHidden(error, true);
  try {
    const data = await api("/checklists/" + encodeURIComponent(checklistId) + "/runs", {
      method: "POST",
      body: { userId: state.userId },
    });
    state.progress = data.progress;
    showReply(data);
    showRun(focus);
  } catch (err) {
    setHidden($("#run"), false);
    error.textContent = err.message;
    setHidden(error, false);
  }
}

async function restoreRun(runId) {
  try {
    const data = await api("/runs/" + encodeURIComponent(runId));
    state.progress = data.progress;
    showReply(data);
    showRun(false);
  } catch (err) {
    if (err.status === 404) forgetRun();
  }
}

function rememberRun(runId) {
  const url = new URL(location.href);
  url.searchParams.set("run", runId);
  history.replaceState(null, "", url);
  try {
    localStorage.setItem(RUN_KEY, runId);
  } catch {
    /* ignore */
  }
}

function forgetRun() {
  const url = new URL(location.href);
  url.searchParams.delete("run");
  history.replaceState(null, "", url);
  try {
    localStorage.removeItem(RUN_KEY);
  } catch {
    /* ignore */
  }
}

function showRun(focus) {
  const p = state.progress;
  const run = $("#run");
  setHidden(run, false);
  setHidden($("#run-error"), true);
  setHidden($("#run-export-box"), true);
  $("#run-title").textContent = p.title;
  rememberRun(p.run.runId);
  $("#run-download").href = `${API}/runs/${encodeURIComponent(p.run.runId)}/export?download=1`;
  for (const card of document.querySelectorAll(".checklist-card")) {
    card.setAttribute("aria-current", String(card.dataset.checklistId === p.run.checklistId));
  }
  $("#run-items").replaceChildren(
    ...p.items.map((item) => {
      const input = el("input", { type: "checkbox", "data-item-id": item.id, checked: item.checked });
      input.addEventListener("change", () => toggleItem(item.id, input.checked, input));
      return el("li", {}, el("label", { class: "run-item" }, input, el("span", { text: item.text })));
    }),
  );
  updateProgress();
  if (focus) $("#run-title").focus();
}

function updateProgress() {
  const p = state.progress;
  $("#run-progress").textContent = p.label;
  $("#run-progress-bar").style.width = p.total ? `${Math.round((p.done / p.total) * 100)}%` : "0";
  for (const input of document.querySelectorAll("#run-items input")) {
    const item = p.items.find((i) => i.id === input.dataset.itemId);
    if (item) input.checked = item.checked;
  }
}

async function toggleItem(itemId, checked, input) {
  const p = state.progress;
  if (!p) return;
  if (input) input.disabled = true;
  try {
    const data = await api("/runs/" + encodeURIComponent(p.run.runId) + "/items", {
      method: "POST",
      body: { itemId, checked, userId: state.userId },
    });
    state.progress = data.progress;
    updateProgress();
    if (input) renderPlatforms();
    if (!$("#run-export-box").hidden) await exportRun();
  } catch (err) {
    if (input) input.checked = !checked;
    const error = $("#run-error");
    error.textContent = err.message;
    setHidden(error, false);
  } finally {
    if (input) input.disabled = false;
  }
}

async function exportRun() {
  const p = state.progress;
  if (!p) return;
  try {
    const markdown = await api("/runs/" + encodeURIComponent(p.run.runId) + "/export");
    $("#run-export-text").value = markdown;
    setHidden($("#run-export-box"), false);
  } catch (err) {
    const error = $("#run-error");
    error.textContent = err.message;
    setHidden(error, false);
  }
}

// ---------- start ----------

async function init() {
  $("#platforms").replaceChildren(...PLATFORMS.map(platformPane));
  $("#ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    ask($("#vraag").value);
  });
  for (const button of document.querySelectorAll("#answer-feedback button")) {
    button.addEventListener("click", () => {
      const id = state.reply?.answer?.id;
      if (id) sendFeedback(id, button.dataset.helpful === "true", button);
    });
  }
  $("#answer-more").addEventListener("click", () => setExpanded(!state.expanded));
  $("#open-checklist-from-answer").addEventListener("click", () =>
    openChecklist(state.reply?.answer?.id, { focus: true }),
  );
  $("#run-export").addEventListener("click", exportRun);
  $("#run-close").addEventListener("click", () => {
    state.progress = null;
    setHidden($("#run"), true);
    forgetRun();
    for (const card of document.querySelectorAll(".checklist-card")) card.setAttribute("aria-current", "false");
    const answer = state.reply?.answer;
    setHidden(
      $("#answer-checklist-open"),
      !(answer && answer.kind === "checklist" && state.reply.status !== "unknown"),
    );
  });

  const checklistsLoaded = loadChecklists();
  try {
    const help = await api("/help");
    state.messages = help.messages ?? {};
    $("#intro").textContent = state.messages.intro ?? "";
    applyWording();
    const featured = help.featured ?? [];
    $("#featured ul").replaceChildren(...featured.map((t) => chip(t.title, () => showEntry(t.id))));
    setHidden($("#featured"), featured.length === 0);
    showReply(help);
  } catch (err) {
    const error = $("#ask-error");
    error.textContent = err.message;
    setHidden(error, false);
  }
  await checklistsLoaded;

  const params = new URLSearchParams(location.search);
  let runId = params.get("run");
  if (!runId) {
    try {
      runId = localStorage.getItem(RUN_KEY);
    } catch {
      runId = null;
    }
  }
  if (runId) await restoreRun(runId);
  const q = params.get("q");
  if (q) {
    $("#vraag").value = q;
    await ask(q);
  }
  document.body.dataset.ready = "true";
}

function applyWording() {
  const m = state.messages;
  if (m.topicsTitle) $("#featured-title").textContent = m.topicsTitle;
  if (m.sources) $("#sources-title").textContent = m.sources;
  if (m.related) $("#related-title").textContent = m.related;
  if (m.feedbackQuestion) $("#feedback-question").textContent = m.feedbackQuestion;
  if (m.checklistExport) $("#run-export").textContent = m.checklistExport;
  if (m.checklistOpen) $("#open-checklist-from-answer").textContent = m.checklistOpen;
  if (m.readMore) $("#answer-more").textContent = m.readMore;
  const [yes, no] = document.querySelectorAll("#answer-feedback button");
  if (m.feedbackYes) yes.textContent = m.feedbackYes;
  if (m.feedbackNo) no.textContent = m.feedbackNo;
}

if (window.AdaptiveCards) setupMarkdown();
else window.addEventListener("load", setupMarkdown);
function setupMarkdown() {
  if (!window.AdaptiveCards) return;
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    // The server rendered every TextBlock's markdown with the shared model; the page parses no markdown.
    result.outputHtml = Object.hasOwn(state.markdownHtml, text) ? state.markdownHtml[text] : escapeText(text);
    result.didProcess = true;
  };
  if (state.reply) renderTeams(state.renderings.teams);
}

init();
