// IotActors dashboard: REST for snapshots, Server-Sent Events for live changes.
// The token lives in localStorage; fetch sends it as a bearer header. EventSource cannot send headers, so
// POST /api/session trades the token for an HttpOnly cookie that only GET /api/events accepts.
"use strict";
(function () {
  const TOKEN_KEY = "iotactors.token";
  const MAX_POINTS = 300;
  const ROLES = { viewer: 1, operator: 2, admin: 3 };
  const state = { token: localStorage.getItem(TOKEN_KEY), role: null, devices: new Map(), series: new Map(), selected: null, events: null };
  const $ = sel => document.querySelector(sel);

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children) node.append(child);
    return node;
  }

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.headers.Authorization = "Bearer " + state.token;
    if (opts.body && typeof opts.body !== "string") { opts.body = JSON.stringify(opts.body); opts.headers["Content-Type"] = "application/json"; }
    const response = await fetch(path, opts);
    if (response.status === 401) { showLogin("The token was refused: " + await detail(response)); throw new Error("unauthorized"); }
    if (!response.ok) throw new Error(await detail(response));
    return response.status === 204 ? null : response.json();
  }

  async function detail(response) {
    try { const p = await response.json(); return p.detail || p.title || response.statusText; } catch { return response.statusText; }
  }

  function showLogin(message) {
    if (state.events) { state.events.close(); state.events = null; }
    $("#main").hidden = true; $("#login").hidden = false; $("#logout").hidden = true;
    $("#login-error").textContent = message || "";
    setConn(false);
  }

  function setConn(live) { const c = $("#conn"); c.textContent = live ? "live" : "offline"; c.className = "badge " + (live ? "on" : "off"); }

  function log(text) {
    const list = $("#log");
    list.prepend(el("li", { textContent: new Date().toLocaleTimeString() + "  " + text }));
    while (list.children.length > 200) list.lastChild.remove();
  }

  // ---- devices ----
  function fmtValue(value, unit) { return (Math.round(value * 10) / 10) + (unit ? " " + unit : ""); }

  // One value per metric (e.g. a DHT22's humidity and temperature), else the primary metric's.
  function fmt(d) {
    if (d.kind === "actuator") return d.active ? "ACTIVE" : "idle";
    if (d.metrics && d.metrics.length > 1) return d.metrics.map(m => fmtValue(m.value, m.unit)).join(" · ");
    return d.value === null || d.value === undefined ? "–" : fmtValue(d.value, d.unit);
  }

  function card(d) {
    let node = document.getElementById("device-" + d.id);
    if (!node) {
      node = el("div", { className: "card", id: "device-" + d.id },
        el("div", { className: "id", textContent: d.id }),
        el("div", { className: "value" }),
        el("div", { className: "meta" }, el("span", { className: "kind" }), el("span", { className: "badge health" }), el("span", { className: "badge state" })));
      if (d.kind === "actuator") {
        const button = el("button", { className: "toggle", type: "button" });
        button.hidden = (ROLES[state.role] || 0) < ROLES.operator;
        button.addEventListener("click", e => { e.stopPropagation(); command(d.id); });
        node.append(button);
      } else {
        node.append(el("canvas", { className: "spark" }));
      }
      node.addEventListener("click", () => select(d.id));
      $("#devices").append(node);
    }
    node.querySelector(".value").textContent = fmt(d);
    node.querySelector(".kind").textContent = d.kind + (d.metric ? " · " + d.metric : "");
    const health = node.querySelector(".health"); health.textContent = d.health; health.className = "badge health " + d.health;
    const st = node.querySelector(".state");
    st.hidden = d.kind !== "actuator";
    st.textContent = d.active ? "active" : "idle"; st.className = "badge state " + (d.active ? "on" : "");
    const button = node.querySelector(".toggle");
    if (button) { button.textContent = d.active ? "Turn off" : "Turn on"; button.disabled = false; }
    const spark = node.querySelector(".spark");
    if (spark) IotChart.draw(spark, state.series.get(d.id) || [], { small: true });
  }

  async function command(id) {
    const d = state.devices.get(id);
    const button = document.querySelector("#device-" + CSS.escape(id) + " .toggle");
    button.disabled = true;
    try {
      const result = await api("/api/devices/" + encodeURIComponent(id) + "/commands", { method: "POST", body: { active: !d.active } });
      if (result.device) { state.devices.set(id, result.device); card(result.device); }
      log("command " + id + " → " + (d.active ? "idle" : "active") + ": " + result.detail);
    } catch (e) { log("command " + id + " failed: " + e.message); button.disabled = false; }
  }

  async function select(id) {
    state.selected = id;
    document.querySelectorAll(".card.selected").forEach(c => c.classList.remove("selected"));
    const node = document.getElementById("device-" + id); if (node) node.classList.add("selected");
    const d = state.devices.get(id);
    $("#chart-title").textContent = id + (d && d.metric ? " · " + d.metric : "");
    drawMain();
  }

  function drawMain() {
    if (!state.selected) return;
    const d = state.devices.get(state.selected);
    IotChart.draw($("#chart"), state.series.get(state.selected) || [], { unit: d && d.unit });
  }

  function push(id, t, v) {
    const s = state.series.get(id) || [];
    s.push({ t, v });
    if (s.length > MAX_POINTS) s.splice(0, s.length - MAX_POINTS);
    state.series.set(id, s);
  }

  async function loadHistory(d) {
    if (d.kind === "actuator" || !d.metric) return;
    try {
      const h = await api("/api/devices/" + encodeURIComponent(d.id) + "/history?points=60&metric=" + encodeURIComponent(d.metric));
      const older = h.points.map(p => ({ t: (Date.parse(p.start) + Date.parse(p.end)) / 2, v: p.avg }));
      const newer = (state.series.get(d.id) || []).filter(p => !older.length || p.t > older[older.length - 1].t);
      state.series.set(d.id, older.concat(newer));
      card(state.devices.get(d.id));
      if (state.selected === d.id) drawMain();
    } catch (e) { log("history of " + d.id + ": " + e.message); }
  }

  async function loadDevices() {
    const list = await api("/api/devices");
    for (const d of list) { state.devices.set(d.id, d); card(d); }
    if (!state.selected) { const first = list.find(d => d.kind !== "actuator") || list[0]; if (first) select(first.id); }
    list.forEach(loadHistory);
  }

  // ---- cluster, site, rules ----
  async function loadCluster() {
    const c = await api("/api/cluster");
    const body = $("#cluster tbody"); body.replaceChildren();
    for (const m of c.members) {
      const name = m.address + (m.address === c.leader ? " (leader)" : "") + (m.address === c.self ? " · this node" : "");
      body.append(el("tr", {}, el("td", { textContent: name }), el("td", {}, el("span", { className: "badge " + m.status, textContent: m.status })),
        el("td", { textContent: m.roles.join(", ") }), el("td", {}, el("span", { className: "badge " + (m.reachable ? "yes" : "no"), textContent: m.reachable ? "yes" : "no" }))));
    }
  }

  async function loadSite() {
    const s = await api("/api/site");
    $("#summary").textContent = s.devices + " devices · " + s.online + " online · " + s.activeActuators + "/" + s.actuators + " active · " + s.rules + " rules";
  }

  async function loadRules() {
    const r = await api("/api/rules");
    $("#rules-version").textContent = "version " + r.version;
    const admin = (ROLES[state.role] || 0) >= ROLES.admin;
    const body = $("#rules tbody"); body.replaceChildren();
    for (const rule of r.rules) {
      const actions = el("td");
      if (admin) {
        const edit = el("button", { className: "secondary", type: "button", textContent: "Edit" });
        edit.addEventListener("click", () => fillRule(rule));
        const del = el("button", { className: "secondary", type: "button", textContent: "Delete" });
        del.addEventListener("click", () => removeRule(rule.id));
        actions.append(edit, " ", del);
      }
      body.append(el("tr", {}, el("td", { textContent: rule.id }), el("td", { textContent: rule.actuator }), el("td", { textContent: rule.sensors.join(", ") }),
        el("td", { textContent: String(rule.onAbove) }), el("td", { textContent: String(rule.offBelow) }), actions));
    }
    $("#rule-form").hidden = !admin;
  }

  function fillRule(rule) {
    const f = $("#rule-form");
    for (const key of ["id", "actuator", "metric", "aggregate", "onAbove", "offBelow", "onConsecutive"]) f.elements[key].value = rule[key];
    f.elements.sensors.value = rule.sensors.join(", ");
  }

  async function saveRule(e) {
    e.preventDefault();
    const f = e.target;
    const rule = {
      id: f.elements.id.value.trim(), actuator: f.elements.actuator.value.trim(), metric: f.elements.metric.value.trim(), aggregate: f.elements.aggregate.value,
      sensors: f.elements.sensors.value.split(",").map(s => s.trim()).filter(Boolean),
      onAbove: Number(f.elements.onAbove.value), offBelow: Number(f.elements.offBelow.value), onConsecutive: Number(f.elements.onConsecutive.value || 1),
    };
    $("#rule-error").textContent = "";
    try {
      const exists = [...document.querySelectorAll("#rules tbody tr td:first-child")].some(td => td.textContent === rule.id);
      await api(exists ? "/api/rules/" + encodeURIComponent(rule.id) : "/api/rules", { method: exists ? "PUT" : "POST", body: rule });
      log("rule " + rule.id + " saved");
      await loadRules();
    } catch (err) { $("#rule-error").textContent = err.message; }
  }

  async function removeRule(id) {
    try { await api("/api/rules/" + encodeURIComponent(id), { method: "DELETE" }); log("rule " + id + " removed"); await loadRules(); }
    catch (err) { $("#rule-error").textContent = err.message; }
  }

  // ---- live stream ----
  function openEvents() {
    if (state.events) state.events.close();
    const es = new EventSource("/api/events");
    state.events = es;
    es.onopen = () => setConn(true);
    es.onerror = () => {
      setConn(false);
      if (es.readyState === EventSource.CLOSED) setTimeout(() => api("/api/session", { method: "POST" }).then(openEvents).catch(() => {}), 3000);
    };
    es.addEventListener("reading", e => {
      const r = JSON.parse(e.data);
      const d = state.devices.get(r.deviceId) || { id: r.deviceId, kind: "sensor", active: null, metrics: [] };
      d.health = "online";
      d.metrics = (d.metrics || []).filter(m => m.metric !== r.metric).concat([{ metric: r.metric, unit: r.unit, value: r.value, time: r.time }])
        .sort((a, b) => a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0);
      state.devices.set(r.deviceId, d);
      if (d.metric && d.metric !== r.metric) { card(d); return; } // the chart follows the primary metric only
      Object.assign(d, { metric: r.metric, unit: r.unit, value: r.value, time: r.time });
      push(r.deviceId, Date.parse(r.time), r.value);
      card(d);
      if (state.selected === r.deviceId) drawMain();
    });
    es.addEventListener("state", e => {
      const s = JSON.parse(e.data);
      const d = state.devices.get(s.deviceId);
      if (d) { d.active = s.active; card(d); }
      loadSite().catch(() => {});
      log(s.deviceId + " is now " + (s.active ? "active" : "idle") + " (" + s.reason + ")");
    });
    es.addEventListener("member", e => {
      const m = JSON.parse(e.data);
      log("member " + m.member.address + " " + m.kind);
      loadCluster().catch(() => {});
    });
    es.addEventListener("dropped", e => log("this browser fell behind; " + JSON.parse(e.data).dropped + " live events were skipped"));
  }

  async function start() {
    if (!state.token) { showLogin(""); return; }
    try {
      const me = await api("/api/session", { method: "POST" });
      state.role = me.role;
      $("#who").textContent = me.name + " (" + me.role + ")";
      $("#login").hidden = true; $("#main").hidden = false; $("#logout").hidden = false;
      openEvents();
      await Promise.all([loadDevices(), loadCluster(), loadSite(), loadRules()]);
    } catch (e) { if (e.message !== "unauthorized") showLogin(e.message); }
  }

  $("#login").addEventListener("submit", e => {
    e.preventDefault();
    state.token = $("#token").value.trim();
    localStorage.setItem(TOKEN_KEY, state.token);
    $("#token").value = "";
    start();
  });
  $("#logout").addEventListener("click", async () => {
    await api("/api/session", { method: "DELETE" }).catch(() => {});
    localStorage.removeItem(TOKEN_KEY); state.token = null; showLogin("");
  });
  $("#rule-form").addEventListener("submit", saveRule);
  window.addEventListener("resize", () => { drawMain(); state.devices.forEach(card); });
  setInterval(() => { if (!$("#main").hidden) { loadSite().catch(() => {}); loadCluster().catch(() => {}); } }, 10000);
  start();
})();
