// The sandbox page: chats side by side, acting as the office's people.
// Plain JavaScript, no build step. The server sends messages as safe HTML drawn from
// Telegram's text and entities (sandbox/render.py); everything else is set as text.
"use strict";

const S = {
  lang: localStorage.getItem("sandbox-lang") || "id",
  texts: {},
  people: new Map(),   // id -> {id, name, role, unit, unit_label, started}
  chats: new Map(),    // id -> {id, type, title, members, unit}
  messages: new Map(), // chat id -> Map(message id -> message)
  loaded: new Set(),   // chat ids whose history was fetched
  panes: [],           // {chat, as, replyTo, root, list, nodes}
  places: [],
  scenario: {},
  bot: {},
};

// ------------------------------------------------------------------------- helpers

function T(key, values = {}) {
  let text = S.texts[key] ?? key;
  for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, value);
  return text;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, body) {
  const options = body === undefined ? {} : body instanceof FormData
    ? { method: "POST", body }
    : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(path, options);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

function roleLabel(person) {
  if (!person) return "";
  return T(`role.${person.role}`, { unit: person.unit_label || person.unit || "" });
}

function personTitle(id) {
  const person = S.people.get(id);
  return person ? `${person.name} — ${roleLabel(person)}` : String(id);
}

function chatMessages(chatId) {
  let chat = S.messages.get(chatId);
  if (!chat) { chat = new Map(); S.messages.set(chatId, chat); }
  return chat;
}

function upsert(message) {
  const chat = chatMessages(message.chat);
  const old = chat.get(message.id);
  if (old && old.version > message.version) return false;
  chat.set(message.id, message);
  return true;
}

function showError(error) {
  banner(T("error.failed", { error: error.message || error }), "error");
}

function banner(text, kind = "info") {
  const node = document.getElementById("banner");
  node.textContent = text;
  node.className = `banner ${kind}`;
  node.hidden = !text;
}

// --------------------------------------------------------------------------- state

// Fetch people, chats, clock and scenario; ``full`` redraws the panes too (first load,
// language switch), otherwise only their headers change (typed text and replies stay).
async function loadState(full = false) {
  const state = await api(`/api/state?lang=${S.lang}`);
  S.texts = state.texts;
  S.bot = state.bot;
  S.places = state.places;
  S.scenario = state.scenario;
  S.people = new Map(state.people.map((p) => [p.id, p]));
  S.chats = new Map(state.chats.map((c) => [c.id, c]));
  if (!S.panes.length) {
    for (const spec of state.panes) S.panes.push({ chat: spec.chat, as: spec.as, replyTo: null });
  }
  drawChrome(state);
  drawExercises();
  setRejected(state.rejected);
  for (const pane of S.panes) {
    if (full || !pane.root) drawPane(pane);
    else drawHeader(pane);
  }
}

async function loadChat(chatId) {
  if (S.loaded.has(chatId)) return;
  S.loaded.add(chatId);
  const data = await api(`/api/chats/${chatId}`);
  for (const message of data.messages) upsert(message);
  for (const pane of S.panes) if (pane.chat === chatId) drawMessages(pane);
}

function drawChrome(state) {
  document.documentElement.lang = S.lang;
  document.title = T("page.title");
  document.getElementById("title").textContent = T("page.title");
  document.getElementById("offline").textContent = T("page.offline");
  document.getElementById("clock-label").textContent = T("clock.label");
  setClock(state.clock);
  for (const button of document.querySelectorAll("[data-step]")) {
    button.textContent = T(`clock.${button.dataset.step}`);
  }
  document.getElementById("add-pane").textContent = T("pane.add");
  document.getElementById("language").textContent = T("page.language");
}

function setClock(clock) {
  const node = document.getElementById("clock-now");
  node.textContent = clock.label + (clock.day_off ? ` (${clock.day_off})` : "");
  node.dataset.iso = clock.iso;
}

function setRejected(n) {
  const node = document.getElementById("rejected");
  node.textContent = n ? T("rejected", { n }) : "";
  node.dataset.count = n;
}

function drawExercises() {
  const box = document.getElementById("exercises");
  const exercises = S.scenario.exercises;
  box.hidden = !exercises;
  if (!exercises) return;
  box.replaceChildren(el("h2", {}, T("exercises.title")));
  const list = el("ol");
  for (const item of exercises) {
    list.append(el("li", { class: item.done ? "done" : "", "data-exercise": item.key },
      el("span", { class: "check" }, item.done ? "✅" : "⬜"), " ",
      el("span", { class: "what" }, T(`${item.key}.title`, item.values)),
      el("small", {}, T("exercises.hint", { hint: T(`${item.key}.hint`, item.values) }))));
  }
  box.append(list);
  if (exercises.every((item) => item.done)) box.append(el("p", { class: "all-done" }, T("exercises.done")));
}

// --------------------------------------------------------------------------- panes

function addPane(spec) {
  S.panes.push({ chat: spec.chat, as: spec.as, replyTo: null });
  drawPane(S.panes[S.panes.length - 1]);
}

function drawPane(pane) {
  const index = S.panes.indexOf(pane);
  if (!pane.root) {
    pane.root = el("section", { class: "pane", "data-testid": "pane" });
    document.getElementById("panes").append(pane.root);
  }
  pane.root.dataset.pane = index;
  pane.root.dataset.chat = pane.chat;
  pane.head = el("header", { class: "pane-head" });
  pane.list = el("div", { class: "messages", "data-testid": "messages" });
  pane.nodes = new Map();
  pane.root.replaceChildren(pane.head, pane.list, composer(pane));
  drawHeader(pane);
  drawMessages(pane);
  loadChat(pane.chat).catch(showError);
}

function drawHeader(pane) {
  const chat = S.chats.get(pane.chat);
  pane.head.replaceChildren(...[
    chatSelect(pane), chat && chat.type === "group" ? actorSelect(pane, chat) : null,
    el("button", { type: "button", class: "close", title: T("pane.close"), "aria-label": T("pane.close"),
      onclick: () => closePane(pane) }, "×")].filter(Boolean));
}

function closePane(pane) {
  S.panes.splice(S.panes.indexOf(pane), 1);
  pane.root.remove();
  S.panes.forEach((p, i) => { p.root.dataset.pane = i; });
}

function chatSelect(pane) {
  const select = el("select", { class: "chat-select", "aria-label": T("pane.chat"), "data-testid": "chat-select" });
  const privates = el("optgroup", { label: T("chats.private") });
  const groups = el("optgroup", { label: T("chats.groups") });
  for (const chat of S.chats.values()) {
    const label = chat.type === "private" ? personTitle(chat.id) : chat.title;
    (chat.type === "private" ? privates : groups).append(
      el("option", { value: chat.id, selected: chat.id === pane.chat }, label));
  }
  select.append(privates, groups, el("option", { value: "new" }, T("chats.new_citizen")));
  select.addEventListener("change", async () => {
    if (select.value === "new") {
      try {
        const person = await api("/api/citizens", {});
        await loadState(false);
        switchChat(pane, person.id, person.id);
      } catch (error) { showError(error); }
      return;
    }
    const chatId = Number(select.value);
    const chat = S.chats.get(chatId);
    const as = chat.type === "private" ? chatId
      : chat.members.includes(pane.as) ? pane.as : chat.members.find((id) => id !== adminId()) ?? chat.members[0];
    switchChat(pane, chatId, as);
  });
  return select;
}

function adminId() {
  return [...S.people.values()].find((p) => p.role === "admin")?.id;
}

function actorSelect(pane, chat) {
  const select = el("select", { class: "as-select", "aria-label": T("pane.as"), "data-testid": "as-select" });
  for (const id of chat.members) {
    select.append(el("option", { value: id, selected: id === pane.as }, personTitle(id)));
  }
  select.addEventListener("change", () => { pane.as = Number(select.value); drawPane(pane); });
  return el("label", { class: "as" }, T("pane.as"), " ", select);
}

function switchChat(pane, chatId, as) {
  pane.chat = chatId;
  pane.as = as;
  pane.replyTo = null;
  drawPane(pane);
}

// ------------------------------------------------------------------------ messages

function drawMessages(pane) {
  const messages = [...chatMessages(pane.chat).values()]
    .filter((m) => !m.deleted).sort((a, b) => a.id - b.id);
  pane.nodes = new Map();
  const nodes = messages.map((m) => { const node = messageNode(pane, m); pane.nodes.set(m.id, node); return node; });
  const chat = S.chats.get(pane.chat);
  if (!messages.length && chat && chat.type === "private") {
    nodes.push(el("div", { class: "empty" }, el("p", {}, T("chat.empty")),
      el("button", { type: "button", class: "start", onclick: () => sendText(pane, "/start") }, T("chat.start"))));
  }
  pane.list.replaceChildren(...nodes);
  pane.list.scrollTop = pane.list.scrollHeight;
  const prompt = [...messages].reverse().find((m) => m.from_bot);
  if (prompt && promptsMe(pane, prompt)) setReply(pane, prompt.id);
  else drawReplyBar(pane);
}

function updateMessage(pane, message) {
  const atBottom = pane.list.scrollHeight - pane.list.scrollTop - pane.list.clientHeight < 60;
  const old = pane.nodes.get(message.id);
  if (message.deleted) {
    if (old) { old.remove(); pane.nodes.delete(message.id); }
    return;
  }
  const node = messageNode(pane, message);
  if (old) old.replaceWith(node);
  else {
    const later = [...pane.nodes.keys()].filter((id) => id > message.id).sort((a, b) => a - b)[0];
    if (later !== undefined) pane.nodes.get(later).before(node);
    else {
      pane.list.querySelector(".empty")?.remove();
      pane.list.append(node);
    }
  }
  pane.nodes.set(message.id, node);
  if (atBottom || !old) pane.list.scrollTop = pane.list.scrollHeight;
  if (!old && promptsMe(pane, message)) setReply(pane, message.id);
  else if (!old && message.sender === pane.as && message.reply_to?.id === pane.replyTo) clearReply(pane);
}

// A picture that finishes loading makes its message taller: stay at the newest message
// when that is where the reader was.
function keepAtBottom(pane, image) {
  const list = pane.list;
  if (list.scrollHeight - list.scrollTop - list.clientHeight - image.height < 60) list.scrollTop = list.scrollHeight;
}

function promptsMe(pane, message) {
  if (!message.force_reply) return false;
  const chat = S.chats.get(pane.chat);
  return chat && (chat.type === "private" || (message.mentions || []).includes(pane.as));
}

function messageNode(pane, m) {
  const chat = S.chats.get(pane.chat);
  const mine = !m.from_bot && m.sender === pane.as;
  const node = el("div", { class: `msg ${m.from_bot ? "bot" : mine ? "me" : "other"}`, "data-msg-id": m.id });
  if (m.service) {
    node.className = "msg service";
    node.append(T("message.service", { what: `${m.sender_name}: ${m.service.join(", ")}` }));
    return node;
  }
  if (chat && chat.type === "group" && !mine) node.append(el("div", { class: "sender" }, m.sender_name));
  if (m.reply_to) {
    node.append(el("div", { class: "quote", onclick: () => pane.nodes.get(m.reply_to.id)?.scrollIntoView({ block: "center" }) },
      el("b", {}, m.reply_to.name), " ", m.reply_to.snippet));
  }
  if (m.photo) {
    const image = el("img", { class: "photo", src: m.photo, alt: "" });
    image.addEventListener("load", () => keepAtBottom(pane, image));
    node.append(el("a", { href: m.photo, target: "_blank", rel: "noopener" }, image));
  }
  if (m.document) {
    const size = m.document.size ? ` (${Math.max(1, Math.round(m.document.size / 1024))} KB)` : "";
    node.append(el("a", { class: "doc", href: m.document.url, download: m.document.name }, `📄 ${m.document.name}${size}`));
  }
  if (m.location) {
    const { latitude, longitude } = m.location;
    node.append(el("div", { class: "location" }, `📍 ${T("message.location")}: ${latitude.toFixed(5)}, ${longitude.toFixed(5)}`));
  }
  if (m.html) {
    const text = el("div", { class: "text" });
    text.innerHTML = m.html; // safe: built by the server from escaped text and a tag allowlist
    wireText(pane, text);
    node.append(text);
  }
  node.append(el("div", { class: "meta" },
    m.time, m.edited ? ` · ${T("message.edited")}` : "",
    el("button", { type: "button", class: "reply", title: T("message.reply"), onclick: () => setReply(pane, m.id) }, `↩ ${T("message.reply")}`)));
  if (m.buttons.length) {
    const keyboard = el("div", { class: "keyboard" });
    for (const row of m.buttons) {
      keyboard.append(el("div", { class: "row" }, row.map((button) =>
        el("button", { type: "button", class: "kb", onclick: (event) => pressButton(pane, m, button, event.currentTarget) }, button.text))));
    }
    node.append(keyboard);
  }
  return node;
}

function wireText(pane, text) {
  for (const command of text.querySelectorAll(".command")) {
    command.addEventListener("click", () => sendText(pane, command.dataset.command));
  }
  for (const link of text.querySelectorAll("a[href]")) {
    const start = botStart(link.getAttribute("href"));
    if (start !== null) link.addEventListener("click", (event) => { event.preventDefault(); openBotLink(pane, start); });
  }
}

function botStart(href) {
  try {
    const url = new URL(href);
    if (url.hostname !== "t.me" || url.pathname.slice(1).toLowerCase() !== S.bot.username.toLowerCase()) return null;
    return url.searchParams.get("start") ?? "";
  } catch { return null; }
}

function openBotLink(pane, start) {
  const chat = S.chats.get(pane.chat);
  const text = start ? `/start ${start}` : "/start";
  if (chat.type === "private") sendText(pane, text);
  else switchAndSend(pane, text);
}

async function switchAndSend(pane, text) {
  switchChat(pane, pane.as, pane.as);
  await sendText(pane, text);
}

// ------------------------------------------------------------------------- acting

function actingBody(pane, extra) {
  return { as: pane.as, ...extra };
}

async function sendText(pane, text) {
  const body = actingBody(pane, { text, reply_to: pane.replyTo });
  clearReply(pane);
  try { await api(`/api/chats/${pane.chat}/send`, body); } catch (error) { showError(error); }
}

async function pressButton(pane, message, button, node) {
  if (button.url) {
    const start = botStart(button.url);
    if (start !== null) openBotLink(pane, start);
    else window.open(button.url, "_blank", "noopener");
    return;
  }
  node.classList.add("pressed");
  try {
    const answer = await api(`/api/chats/${pane.chat}/press`, actingBody(pane, { message_id: message.id, data: button.data }));
    if (answer.text) toast(pane, answer.text, answer.show_alert);
  } catch (error) {
    showError(error);
  } finally {
    node.classList.remove("pressed");
  }
}

async function sendLocation(pane, place) {
  try { await api(`/api/chats/${pane.chat}/location`, actingBody(pane, { place })); } catch (error) { showError(error); }
}

async function upload(pane, kind, file) {
  const form = new FormData();
  form.append("as", pane.as);
  form.append("kind", kind);
  form.append("file", file, file.name);
  const caption = pane.input.value.trim();
  if (caption) form.append("caption", caption);
  if (pane.replyTo) form.append("reply_to", pane.replyTo);
  pane.input.value = "";
  clearReply(pane);
  try { await api(`/api/chats/${pane.chat}/upload`, form); } catch (error) { showError(error); }
}

function toast(pane, text, alert) {
  const node = el("div", { class: alert ? "toast alert" : "toast", role: "alert" }, text);
  if (alert) node.append(el("button", { type: "button", onclick: () => node.remove() }, "OK"));
  pane.root.append(node);
  if (!alert) setTimeout(() => node.remove(), 3500);
}

// ----------------------------------------------------------------------- composer

function composer(pane) {
  pane.input = el("textarea", { rows: 1, placeholder: T("composer.placeholder"), "data-testid": "composer-text", "aria-label": T("composer.placeholder") });
  pane.replyBar = el("div", { class: "reply-bar", hidden: true });
  const photo = el("input", { type: "file", accept: "image/png,image/jpeg,image/gif,image/webp", hidden: true, "data-testid": "photo-input" });
  const doc = el("input", { type: "file", hidden: true, "data-testid": "document-input" });
  photo.addEventListener("change", () => { if (photo.files[0]) upload(pane, "photo", photo.files[0]); photo.value = ""; });
  doc.addEventListener("change", () => { if (doc.files[0]) upload(pane, "document", doc.files[0]); doc.value = ""; });
  const places = el("div", { class: "places", hidden: true },
    S.places.map((p) => el("button", { type: "button", onclick: () => { places.hidden = true; sendLocation(pane, p.key); } }, `📍 ${p.name}`)));
  const form = el("form", { class: "composer" },
    el("button", { type: "button", class: "tool", title: T("composer.photo"), "aria-label": T("composer.photo"), onclick: () => photo.click() }, "🖼"),
    el("button", { type: "button", class: "tool", title: T("composer.document"), "aria-label": T("composer.document"), onclick: () => doc.click() }, "📎"),
    el("button", { type: "button", class: "tool", title: T("composer.location"), "aria-label": T("composer.location"), onclick: () => { places.hidden = !places.hidden; } }, "📍"),
    pane.input,
    el("button", { type: "submit", class: "send" }, T("composer.send")),
    photo, doc);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = pane.input.value.trim();
    if (!text) return;
    pane.input.value = "";
    sendText(pane, text);
  });
  pane.input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  return el("div", { class: "bottom" }, places, pane.replyBar, form);
}

function setReply(pane, messageId) {
  pane.replyTo = messageId;
  drawReplyBar(pane);
  pane.input?.focus({ preventScroll: true });
}

function clearReply(pane) {
  pane.replyTo = null;
  drawReplyBar(pane);
}

function drawReplyBar(pane) {
  if (!pane.replyBar) return;
  const message = pane.replyTo && chatMessages(pane.chat).get(pane.replyTo);
  pane.replyBar.hidden = !message;
  if (!message) return;
  const snippet = (message.html ? new DOMParser().parseFromString(message.html, "text/html").body.textContent : "").slice(0, 80);
  pane.replyBar.replaceChildren(
    el("span", {}, el("b", {}, T("composer.replying", { name: message.sender_name })), " ", snippet),
    el("button", { type: "button", title: T("composer.cancel_reply"), "aria-label": T("composer.cancel_reply"), onclick: () => clearReply(pane) }, "×"));
}

// ------------------------------------------------------------------------- events

function listen() {
  const events = new EventSource("/api/events");
  const connection = document.getElementById("connection");
  events.addEventListener("hello", () => {
    connection.textContent = "";
    S.loaded.clear(); // whatever happened while away is fetched again
    for (const pane of S.panes) loadChat(pane.chat).catch(showError);
  });
  events.onerror = () => { connection.textContent = T("error.connection"); };
  events.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    if (!upsert(message)) return;
    for (const pane of S.panes) if (pane.chat === message.chat) updateMessage(pane, message);
    if (!S.chats.has(message.chat)) loadState().catch(showError);
  });
  events.addEventListener("people", () => loadState().catch(showError));
  events.addEventListener("clock", () => loadState().catch(showError));
  events.addEventListener("exercises", (event) => { S.scenario.exercises = JSON.parse(event.data); drawExercises(); });
  events.addEventListener("narration", (event) => {
    const { key, values } = JSON.parse(event.data);
    banner(`${T("story.title")}: ${T(key, values || {})}`);
  });
  events.addEventListener("panes", (event) => focusPanes(JSON.parse(event.data)));
  events.addEventListener("failure", (event) => banner(JSON.parse(event.data), "error"));
  events.addEventListener("rejected", (event) => setRejected(JSON.parse(event.data).n));
  events.addEventListener("reload", () => location.reload());
}

function focusPanes(specs) {
  specs.forEach((spec, index) => {
    const pane = S.panes[index];
    if (!pane) addPane(spec);
    else if (pane.chat !== spec.chat || pane.as !== spec.as) switchChat(pane, spec.chat, spec.as);
  });
}

async function moveClock(step) {
  const buttons = document.querySelectorAll("[data-step]");
  buttons.forEach((b) => { b.disabled = true; });
  const now = document.getElementById("clock-now");
  const before = now.textContent;
  now.textContent = T("clock.moving");
  try {
    setClock(await api("/api/clock", { step, lang: S.lang }));
  } catch (error) {
    now.textContent = before;
    showError(error);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  for (const button of document.querySelectorAll("[data-step]")) {
    button.addEventListener("click", () => moveClock(button.dataset.step));
  }
  document.getElementById("add-pane").addEventListener("click", () => {
    const last = S.panes[S.panes.length - 1];
    addPane(last ? { chat: last.chat, as: last.as } : { chat: adminId(), as: adminId() });
  });
  document.getElementById("language").addEventListener("click", async () => {
    S.lang = S.lang === "id" ? "en" : "id";
    localStorage.setItem("sandbox-lang", S.lang);
    await loadState(true).catch(showError);
  });
  try { await loadState(true); } catch (error) { showError(error); }
  listen();
});
