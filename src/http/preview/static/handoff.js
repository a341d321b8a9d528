// Preview page: "Vraag het de griffie". Under an unknown reply, and in the thank-you after a 👎 reason, when the
// server says a griffie chat is configured (data.handoff / result.handoff). The button never sends anything by
// itself: it opens a small form with the question filled in (editable) and "Versturen", like Slack's modal and the
// Teams ShowCard. Wording from the server (messages.handoff); the question goes to POST /preview/api/handoff.

const BOX_ID = "handoff";

/** Removes the button or form (a new answer is shown). */
export function hideHandoff() {
  document.getElementById(BOX_ID)?.remove();
}

/**
 * Shows the "Vraag het de griffie" button at the end of `container`. `send(question)` posts it and resolves with
 * the server's message; errors are shown in the form, which stays open so nothing typed is lost.
 */
export function showHandoff({ container, messages, question, send }) {
  hideHandoff();
  const wording = messages.handoff;
  if (!wording) return;
  const box = document.createElement("div");
  box.id = BOX_ID;
  box.className = "handoff";

  const open = document.createElement("button");
  open.type = "button";
  open.className = "btn";
  open.id = `${BOX_ID}-open`;
  open.textContent = wording.button;
  open.setAttribute("aria-expanded", "false");
  open.setAttribute("aria-controls", `${BOX_ID}-form`);
  box.append(open);

  open.addEventListener("click", () => {
    open.hidden = true;
    open.setAttribute("aria-expanded", "true");
    box.append(confirmForm({ wording, question, send, box, open }));
    document.getElementById(`${BOX_ID}-question`)?.focus();
  });
  container.append(box);
}

function confirmForm({ wording, question, send, box, open }) {
  const form = document.createElement("form");
  form.id = `${BOX_ID}-form`;
  form.className = "handoff-form";
  form.noValidate = true;
  form.setAttribute("aria-labelledby", `${BOX_ID}-title`);

  const title = document.createElement("h3");
  title.id = `${BOX_ID}-title`;
  title.className = "small-title";
  title.textContent = wording.title;
  const intro = document.createElement("p");
  intro.className = "muted small";
  intro.id = `${BOX_ID}-intro`;
  intro.textContent = wording.intro;

  const label = document.createElement("label");
  label.htmlFor = `${BOX_ID}-question`;
  label.textContent = wording.label;
  const text = document.createElement("textarea");
  text.id = `${BOX_ID}-question`;
  text.rows = 3;
  text.maxLength = wording.maxLength ?? 1000;
  text.value = question ?? "";
  text.setAttribute("aria-describedby", `${BOX_ID}-intro`);

  const submit = document.createElement("button");
  submit.type = "submit";
  submit.className = "btn btn-primary";
  submit.textContent = wording.submit;
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "btn btn-quiet";
  cancel.textContent = wording.cancel;
  const buttons = document.createElement("div");
  buttons.className = "handoff-buttons";
  buttons.append(submit, cancel);

  const status = document.createElement("p");
  status.id = `${BOX_ID}-status`;
  status.className = "feedback-status";
  status.setAttribute("role", "status");

  form.append(title, intro, label, text, buttons, status);
  cancel.addEventListener("click", () => {
    form.remove();
    open.hidden = false;
    open.setAttribute("aria-expanded", "false");
    open.focus();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      status.textContent = wording.missing;
      text.focus();
      return;
    }
    submit.disabled = true;
    cancel.disabled = true;
    try {
      const message = await send(text.value);
      const done = document.createElement("p");
      done.className = "feedback-status";
      done.id = `${BOX_ID}-done`;
      done.setAttribute("role", "status");
      done.textContent = message;
      box.replaceChildren(done);
    } catch (err) {
      status.textContent = err.message;
      submit.disabled = false;
      cancel.disabled = false;
    }
  });
  return form;
}
