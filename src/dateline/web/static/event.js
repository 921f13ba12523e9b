// Review actions on an event page: POST to the API with the operator's token, then reload the page.
"use strict";
(function () {
  const root = document.getElementById("event");
  if (!root || document.body.dataset.reviewEnabled !== "true") return;
  const id = root.dataset.eventId;
  const who = document.getElementById("who");
  const token = document.getElementById("token");
  const msg = document.getElementById("review-message");
  who.value = localStorage.getItem("dateline.who") || "";
  token.value = sessionStorage.getItem("dateline.token") || "";

  function body(action) {
    const b = { action, who: who.value.trim() };
    if (action === "correct") {
      b.field = document.getElementById("correct-field").value;
      b.value = document.getElementById("correct-value").value;
    } else if (action === "merge") {
      b.others = document.getElementById("merge-other").value.split(/[\s,]+/).filter(Boolean);
    } else if (action === "split") {
      const text = document.getElementById("split-parts").value.trim();
      b.parts = text ? text.split("|").map(p => p.split(",").map(s => s.trim()).filter(Boolean).map(Number)) : null;
    }
    return b;
  }

  async function send(action) {
    localStorage.setItem("dateline.who", who.value.trim());
    sessionStorage.setItem("dateline.token", token.value);
    msg.className = ""; msg.textContent = "saving…";
    const r = await fetch(`/api/events/${encodeURIComponent(id)}/review`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token.value },
      body: JSON.stringify(body(action)),
    });
    const data = await r.json();
    if (!r.ok) { msg.className = "error"; msg.textContent = data.error ? data.error.message : r.statusText; return; }
    msg.className = "ok"; msg.textContent = `recorded: ${action}`;
    location.reload();
  }

  for (const b of document.querySelectorAll("button[data-action]")) {
    b.addEventListener("click", () => send(b.dataset.action).catch(e => { msg.className = "error"; msg.textContent = e.message; }));
  }
})();
