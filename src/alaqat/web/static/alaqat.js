// Alaqat: a few lines of our own for clicks. Data is only ever written with textContent, never as HTML.
"use strict";

function factIds(el) {
  return (el.getAttribute("data-facts") || "").split(" ").filter(Boolean);
}

function activate(ids, scrollTo) {
  document.querySelectorAll("mark.ev.active, .fact-card.active").forEach((el) => el.classList.remove("active"));
  let firstMark = null;
  let firstCard = null;
  document.querySelectorAll("mark.ev").forEach((mark) => {
    if (factIds(mark).some((id) => ids.includes(id))) {
      mark.classList.add("active");
      firstMark = firstMark || mark;
    }
  });
  ids.forEach((id) => {
    const card = document.getElementById("fact-" + id);
    if (card) {
      card.classList.add("active");
      firstCard = firstCard || card;
    }
  });
  if (scrollTo === "text" && firstMark) firstMark.scrollIntoView({ block: "center" });
  if (scrollTo === "facts" && firstCard) firstCard.scrollIntoView({ block: "nearest" });
}

function initArticle() {
  const text = document.getElementById("article-text");
  if (!text) return;
  text.addEventListener("click", (e) => {
    const mark = e.target.closest("mark.ev");
    if (mark) activate(factIds(mark), "facts");
  });
  text.addEventListener("keydown", (e) => {
    const mark = e.target.closest("mark.ev");
    if (mark && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      activate(factIds(mark), "facts");
    }
  });
  document.querySelectorAll("a.show[data-fact]").forEach((link) => {
    link.addEventListener("click", (e) => {
      e.preventDefault();
      const id = link.getAttribute("data-fact");
      history.replaceState(null, "", "#ev-" + id);
      activate([id], "text");
    });
  });
  const m = /^#ev-(\d+)$/.exec(location.hash);
  if (m) activate([m[1]], "text");
}

function logLine(list, cls, text) {
  const li = document.createElement("li");
  li.className = cls;
  li.textContent = text;
  list.appendChild(li);
}

async function send(body, token) {
  const response = await fetch("/api/v1/ingest", {
    method: "POST", body: body, headers: { Authorization: "Bearer " + token },
  });
  let data = {};
  try { data = await response.json(); } catch (err) { data = { message: response.statusText }; }
  return { ok: response.ok, status: response.status, data: data };
}

function report(list, labels, result) {
  const d = result.data;
  if (!result.ok && !d.refused) {
    logLine(list, "refused", labels.refused + " (" + result.status + "): " + (d.message || ""));
    return;
  }
  (d.stored || []).forEach((doc) => logLine(list, "ok", labels.stored + ": " + doc));
  (d.updated || []).forEach((doc) => logLine(list, "ok", labels.updated + ": " + doc));
  (d.unchanged || []).forEach((doc) => logLine(list, "", labels.unchanged + ": " + doc));
  (d.refused || []).forEach((r) => logLine(list, "refused", labels.refused + ": " + r.source + ": " + r.reason));
}

function initIngest() {
  const form = document.getElementById("ingest-form");
  if (!form) return;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const labels = document.getElementById("labels").dataset;
    const token = document.getElementById("token").value;
    const files = Array.from(document.getElementById("files").files);
    const text = document.getElementById("text").value;
    const title = document.getElementById("title").value;
    const status = document.getElementById("ingest-status");
    const bar = document.getElementById("ingest-progress");
    const list = document.getElementById("ingest-log");
    const jobs = files.map((f) => { const b = new FormData(); b.append("files", f, f.name); return b; });
    if (text.trim()) { const b = new FormData(); b.append("text", text); b.append("title", title); jobs.push(b); }
    status.hidden = false;
    list.textContent = "";
    bar.max = Math.max(jobs.length, 1);
    bar.value = 0;
    if (!jobs.length) { logLine(list, "refused", labels.refused + ": —"); return; }
    for (const body of jobs) {
      try { report(list, labels, await send(body, token)); }
      catch (err) { logLine(list, "refused", labels.refused + ": " + err); }
      bar.value += 1;
    }
    form.dataset.done = "1";
  });
}

document.addEventListener("DOMContentLoaded", () => { initArticle(); initIngest(); });
