// Preview page: after a 👎 the answer asks why, with the same reasons as Slack's modal and the Teams card
// (wording from the server: messages.feedbackReasons and messages.feedbackReason). The choice and the optional
// explanation go to POST /preview/api/feedback with the 👎, which updates the user's feedback row.

const FORM_ID = "feedback-reason";

/** Removes the form (a new answer is shown). */
export function hideReasonForm() {
  document.getElementById(FORM_ID)?.remove();
}

/**
 * Shows the reason form under the feedback buttons. `send(reason, comment)` posts it and resolves with the
 * server's answer ({message, handoff}); errors are shown in the form. `onSent(answer)` runs after the thank-you.
 */
export function showReasonForm({ container, messages, send, onSent }) {
  hideReasonForm();
  const wording = messages.feedbackReason ?? {};
  const reasons = messages.feedbackReasons ?? [];
  if (!reasons.length) return;

  const form = document.createElement("form");
  form.id = FORM_ID;
  form.className = "feedback-reason";
  form.noValidate = true;

  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = wording.title ?? "";
  fieldset.append(legend);
  reasons.forEach((r, i) => {
    const label = document.createElement("label");
    label.className = "feedback-reason-choice";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "reason";
    input.value = r.value;
    input.id = `${FORM_ID}-${i + 1}`;
    label.append(input, document.createTextNode(` ${r.label}`));
    fieldset.append(label);
  });

  const textLabel = document.createElement("label");
  textLabel.htmlFor = `${FORM_ID}-text`;
  textLabel.textContent = wording.textLabel ?? "";
  const text = document.createElement("textarea");
  text.id = `${FORM_ID}-text`;
  text.rows = 2;
  text.maxLength = wording.maxLength ?? 500;
  text.placeholder = wording.placeholder ?? "";

  const submit = document.createElement("button");
  submit.type = "submit";
  submit.className = "btn";
  submit.textContent = wording.submit ?? "";

  const status = document.createElement("p");
  status.id = `${FORM_ID}-status`;
  status.className = "feedback-status";
  status.setAttribute("role", "status");

  form.append(fieldset, textLabel, text, submit, status);
  fieldset.addEventListener("change", () => {
    status.textContent = "";
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = form.querySelector("input[name=reason]:checked");
    if (!chosen) {
      status.textContent = wording.missing ?? "";
      form.querySelector("input[name=reason]")?.focus();
      return;
    }
    submit.disabled = true;
    try {
      const result = await send(chosen.value, text.value);
      const done = document.createElement("p");
      done.className = "feedback-status";
      done.id = `${FORM_ID}-done`;
      done.setAttribute("role", "status");
      done.textContent = result.message;
      form.replaceWith(done);
      onSent?.(result);
    } catch (err) {
      status.textContent = err.message;
      submit.disabled = false;
    }
  });
  container.append(form);
  form.querySelector("input[name=reason]")?.focus();
}
