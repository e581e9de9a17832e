/* The interactive view of alliances, inlined into every page that alliances.to_html writes.
 *
 * It draws the data that Python embedded in <script id="alliances-data" type="application/json">
 * with Cytoscape.js and computes nothing of its own: positions, colours, widths, camp areas, risk
 * numbers and legend entries all come from that data. Text from the scenario is only ever set
 * with textContent (or drawn on the canvas by Cytoscape.js), never parsed as HTML; links are
 * made only for http(s) addresses.
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("alliances-data").textContent);
  const byId = (id) => document.getElementById(id);
  const actors = data.actors;
  const frames = data.frames;
  const STANCES = ["ally", "friendly", "neutral", "ambivalent", "rival", "enemy"];
  // where an actor's name goes, as chosen in Python (clear of the other names and markers)
  const SIDES = {
    top: { valign: "top", halign: "center", mx: 0, my: -4 },
    bottom: { valign: "bottom", halign: "center", mx: 0, my: 4 },
    right: { valign: "center", halign: "right", mx: 4, my: 0 },
    left: { valign: "center", halign: "left", mx: -4, my: 0 },
  };
  const state = {
    frame: frames.length - 1,
    layers: {},
    stances: {},
    minConfidence: 0,
    chosen: null, // index of the clicked actor
    pinned: null, // the clicked edge
    playing: null,
  };
  ["ties", "implied", "camps", "risk"].forEach((l) => { state.layers[l] = data.layers.indexOf(l) >= 0; });
  STANCES.forEach((s) => { state.stances[s] = true; });
  if (data.timeline) state.frame = 0;

  // -- small DOM helpers: text only --------------------------------------------
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function add(parent, ...children) {
    children.forEach((c) => { if (c) parent.appendChild(c); });
    return parent;
  }
  function fmt(x, digits) {
    if (x === null || x === undefined) return "";
    const text = Number(x).toFixed(digits === undefined ? 2 : digits);
    return text.indexOf(".") >= 0 ? text.replace(/\.?0+$/, "") : text;
  }
  function pairName(p) {
    const [a, b] = data.pairs[p];
    return actors[a].label + " \u2013 " + actors[b].label;
  }
  function safeLink(url, text) {
    if (typeof url === "string" && /^https?:\/\//i.test(url)) {
      const a = el("a", text || url);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      return a;
    }
    return el("span", text || url || "");
  }

  // -- the drawing -----------------------------------------------------------------
  const elements = [];
  actors.forEach((a, i) => {
    elements.push({
      group: "nodes",
      data: { id: "n" + i, actor: i, label: a.label, shape: a.shape, size: 14, colour: data.style.no_camp,
        valign: "top", halign: "center", mx: 0, my: -4 },
      position: { x: data.positions[i][0], y: data.positions[i][1] },
      classes: "actor",
    });
  });
  const tied = new Set();
  const implied = new Set();
  const risky = new Set();
  frames.forEach((f) => {
    f.ties.forEach((t) => tied.add(t.pair));
    f.implied.forEach((r) => implied.add(r.pair));
    if (f.risk) f.risk.bands.forEach((r) => risky.add(r.pair));
  });
  data.pairs.forEach((p, k) => {
    // every style mapping has its data from the start; refresh() sets the current frame's
    const ends = { source: "n" + p[0], target: "n" + p[1], pair: k, colour: data.style.ink };
    const tie = { id: "t" + k, width: 1, alpha: 1, dash: null, z: 1 };
    if (tied.has(k)) elements.push({ group: "edges", data: Object.assign(tie, ends), classes: "tie hidden" });
    if (implied.has(k)) elements.push({ group: "edges", data: Object.assign({ id: "i" + k }, ends), classes: "implied hidden" });
    if (!risky.has(k)) return;
    elements.push({ group: "edges", data: Object.assign({ id: "r" + k }, ends), classes: "risk hidden" });
    // the band's P(clash) in a small box over the lines, where Python placed it
    elements.push({ group: "nodes", data: { id: "v" + k, pair: k, label: "" }, position: { x: 0, y: 0 },
      classes: "value hidden" });
  });
  // a camp's area: one polygon per piece, as Python traced it (a piece with holes: its fill with the holes
  // joined in by zero-width cuts, unstroked, and its outline and holes stroked on their own)
  function polygon(id, fi, colour, corners, kind) {
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const w = Math.max(x1 - x0, 1), h = Math.max(y1 - y0, 1);
    const points = corners.map((p) => [(2 * (p[0] - x0)) / w - 1, (2 * (p[1] - y0)) / h - 1]).flat();
    elements.push({
      group: "nodes",
      data: { id: id, frame: fi, colour: colour, w: w, h: h, points: points },
      position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 },
      classes: "hull " + kind,
    });
  }
  frames.forEach((f, fi) => {
    f.camps.forEach((c, ci) => {
      c.pieces.forEach((p, pi) => {
        const id = "h" + fi + "_" + ci + "_" + pi;
        if (!p.fill) {
          polygon(id, fi, c.colour, p.outline, "area");
          return;
        }
        polygon(id, fi, c.colour, p.fill, "area-fill");
        [p.outline].concat(p.holes).forEach((ring, ri) => polygon(id + "_" + ri, fi, c.colour, ring, "area-line"));
      });
    });
  });

  const ink = data.style.ink;
  const font = data.font;
  const cy = cytoscape({
    container: byId("cy"),
    elements: elements,
    layout: { name: "preset" }, // the positions computed in Python
    autoungrabify: true, // the layout is the static diagram's: actors stay where it puts them
    boxSelectionEnabled: false,
    minZoom: 0.05,
    maxZoom: 8,
    style: [
      { selector: "node.actor", style: {
        shape: "data(shape)", width: "data(size)", height: "data(size)",
        "background-color": "data(colour)", "border-width": 1.1, "border-color": ink,
        label: "data(label)", "font-size": font, "font-family": "DejaVu Sans, Verdana, sans-serif", color: ink,
        "text-valign": "data(valign)", "text-halign": "data(halign)", "text-margin-x": "data(mx)",
        "text-margin-y": "data(my)",
        "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-shape": "round-rectangle",
        "text-background-padding": 1.5, "min-zoomed-font-size": 5, "z-index": 10,
      } },
      { selector: "node.hull", style: {
        shape: "polygon", "shape-polygon-points": "data(points)", width: "data(w)", height: "data(h)",
        "background-color": "data(colour)", "background-opacity": 0.22, "border-width": 1,
        "border-color": "data(colour)", "border-opacity": 0.9, events: "no", "z-compound-depth": "bottom", "z-index": 0,
      } },
      { selector: "node.hull.area-fill", style: { "border-width": 0 } },
      { selector: "node.hull.area-line", style: { "background-opacity": 0 } },
      { selector: "edge", style: { "curve-style": "straight", "line-cap": "butt" } },
      { selector: "edge.tie", style: {
        "line-color": "data(colour)", width: "data(width)", "line-opacity": "data(alpha)", "z-index": "data(z)",
        "line-style": (e) => (e.data("dash") ? "dashed" : "solid"),
        "line-dash-pattern": (e) => e.data("dash") || [6, 3],
      } },
      { selector: "edge.implied", style: {
        "line-color": "data(colour)", width: 1.6, "line-opacity": 0.8, "line-style": "dashed",
        "line-dash-pattern": data.style.implied_dash, "z-index": 1,
      } },
      { selector: "edge.risk", style: {
        "line-color": data.style.risk, width: 7, "line-opacity": 0.55, "line-cap": "round", "z-index": 0,
      } },
      { selector: "node.value", style: {
        shape: "round-rectangle", width: 2.6 * font, height: font + 5, "background-color": "#ffffff",
        "border-color": data.style.risk, "border-width": 1, label: "data(label)", "font-size": font, color: ink,
        "font-family": "DejaVu Sans, Verdana, sans-serif", "text-valign": "center", "text-halign": "center",
        events: "no", "z-index": 5,
      } },
      { selector: ".hidden", style: { display: "none" } },
      { selector: ".faded", style: { opacity: 0.12 } },
      { selector: "node.actor.chosen", style: { "border-width": 3.5 } },
      { selector: "node.actor.match", style: { "border-width": 3.5, "border-color": data.style.risk } },
      { selector: "edge.pinned", style: { "underlay-color": "#888888", "underlay-opacity": 0.25, "underlay-padding": 4 } },
    ],
  });

  // -- what each element means in the current frame -----------------------------------
  let tieOf = new Map(), impliedOf = new Map(), bandOf = new Map(), nodeOf = new Map(), campOf = new Map();
  function index(f) {
    tieOf = new Map(f.ties.map((t) => [t.pair, t]));
    impliedOf = new Map(f.implied.map((r) => [r.pair, r]));
    bandOf = new Map(f.risk ? f.risk.bands.map((r) => [r.pair, r]) : []);
    nodeOf = new Map(f.nodes.map((n) => [n.actor, n]));
    campOf = new Map();
    f.camps.forEach((c) => c.members.forEach((m) => campOf.set(m, c)));
  }

  function refresh() {
    const f = frames[state.frame];
    index(f);
    cy.batch(() => {
      cy.nodes(".actor").forEach((n) => {
        const info = nodeOf.get(n.data("actor"));
        n.toggleClass("hidden", !info);
        if (info) {
          n.data(Object.assign({ size: info.size }, SIDES[info.label_at]));
          n.data("colour", state.layers.camps ? info.colour : data.style.no_camp);
        }
      });
      cy.nodes(".hull").forEach((h) => h.toggleClass("hidden", !state.layers.camps || h.data("frame") !== state.frame));
      cy.edges(".tie").forEach((e) => {
        const t = tieOf.get(e.data("pair"));
        const on = !!t && state.layers.ties && state.stances[t.stance] && t.confidence >= state.minConfidence - 1e-9;
        if (t) e.data({ colour: t.colour, width: t.width, alpha: t.alpha, dash: t.dash, z: t.z, stance: t.stance });
        e.toggleClass("hidden", !on);
      });
      cy.edges(".implied").forEach((e) => {
        const r = impliedOf.get(e.data("pair"));
        if (r) e.data({ colour: r.colour, stance: r.stance });
        e.toggleClass("hidden", !(r && state.layers.implied && state.stances[r.stance]));
      });
      cy.elements(".risk, .value").forEach((e) => {
        const r = bandOf.get(e.data("pair"));
        if (r && e.isNode()) {
          e.data("label", r.label);
          e.position({ x: r.at[0], y: r.at[1] });
        }
        e.toggleClass("hidden", !(r && state.layers.risk));
      });
    });
    highlight();
    renderFrameText(f);
    renderLegend(f);
    renderRisk(f);
    if (state.chosen !== null) showActor(state.chosen, byId("details"), true);
    if (state.pinned !== null) showPinned();
  }

  function showPinned() {
    // the clicked relation as it is in this snapshot, or word that it has none here
    const e = cy.getElementById(state.pinned), k = e.data("pair");
    const here = e.hasClass("tie") ? tieOf.has(k) : e.hasClass("implied") ? impliedOf.has(k) : bandOf.has(k);
    if (here) return show(e, byId("details"));
    byId("details").replaceChildren(el("div", pairName(k) + ": not in this snapshot", "muted"));
  }

  function highlight() {
    cy.elements().removeClass("faded chosen");
    if (state.chosen === null) return;
    const node = cy.getElementById("n" + state.chosen);
    if (node.hasClass("hidden")) return;
    const ties = node.connectedEdges().filter((e) => !e.hasClass("hidden"));
    const values = ties.filter(".risk").map((e) => cy.getElementById("v" + e.data("pair")));
    const keep = node.union(ties).union(ties.connectedNodes()).union(cy.collection(values));
    cy.elements(".actor, edge, .value").not(keep).addClass("faded");
    node.addClass("chosen");
  }

  // -- the texts: hover, details, risk, legend --------------------------------------------
  function actorTies(i) {
    const out = [];
    tieOf.forEach((t, p) => {
      const [a, b] = data.pairs[p];
      if (a === i || b === i) out.push([t.stance, actors[a === i ? b : a].label]);
    });
    out.sort((x, y) => STANCES.indexOf(x[0]) - STANCES.indexOf(y[0]) || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
    return out;
  }

  function dl(rows) {
    const list = el("dl");
    rows.forEach(([k, v]) => {
      if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) return;
      add(list, el("dt", k), typeof v === "object" && !Array.isArray(v) ? add(el("dd"), v) : el("dd", Array.isArray(v) ? v.join(", ") : v));
    });
    return list;
  }

  function showActor(i, box, full) {
    const a = actors[i];
    const camp = campOf.get(a.id);
    const ties = actorTies(i);
    const info = el("div", null, "info");
    add(info, el("h3", a.name + (a.label !== a.name ? " (" + a.label + ")" : "")));
    add(info, dl([
      ["kind", a.kind_label],
      ["also", a.aliases],
      ["theaters", a.theaters],
      ["camp", nodeOf.get(i) ? (camp ? camp.label : "in no camp") : "not in this snapshot"],
      ["notes", a.notes],
    ]));
    const shown = full ? ties : ties.slice(0, 12);
    add(info, el("div", "Ties (" + ties.length + ")", "muted"));
    const list = el("ul");
    shown.forEach(([s, name]) => add(list, el("li", s + ": " + name)));
    if (shown.length < ties.length) add(list, el("li", "and " + (ties.length - shown.length) + " more (click the actor)", "muted"));
    add(info, list);
    const f = frames[state.frame];
    if (full && f.risk) {
      const rows = f.risk.rows[String(i)] || [];
      add(info, el("div", "Highest P(clash) with " + a.label, "muted"));
      const ol = el("ol", null, "risk-row");
      rows.forEach((r) => add(ol, el("li", actors[r.other].label + ": " + fmt(r.p) + " (" + r.stance + ")")));
      add(info, ol);
    }
    box.replaceChildren(info);
    box.classList.remove("muted");
  }

  function sourceLine(id) {
    const s = data.sources[id];
    if (!s) return el("div", "source: " + id, "source");
    const line = el("div", null, "source");
    const bits = [s.publisher, s.title ? "\u201c" + s.title + "\u201d" : null, s.date].filter((x) => x);
    add(line, el("span", bits.length ? bits.join(", ") : id));
    if (s.url) add(line, document.createTextNode(" "), safeLink(s.url, "link"));
    return line;
  }

  function showTie(t, box) {
    const info = el("div", null, "info");
    add(info, el("h3", pairName(t.pair)));
    add(info, dl([
      ["stance", t.stance + (t.kind ? " (" + t.kind + ")" : "")],
      ["weight", fmt(t.weight) + (t.weight_given ? "" : " (the stance's default)")],
      ["confidence", fmt(t.confidence)],
      ["since", t.since],
      ["until", t.until],
      ["notes", t.notes],
    ]));
    if (t.background) add(info, el("div", "A relation of the scenario, not observed in this window.", "muted"));
    add(info, el("div", t.evidence.length ? "Evidence (" + t.evidence.length + ")" : "No evidence recorded", "muted"));
    t.evidence.forEach((e) => {
      add(info, el("blockquote", e.note || "(no note)", "evidence"), sourceLine(e.source));
    });
    box.replaceChildren(info);
    box.classList.remove("muted");
  }

  function showImplied(r, box) {
    const info = el("div", null, "info");
    add(info, el("h3", pairName(r.pair)));
    add(info, dl([
      ["implied", r.stance + " (not recorded)"],
      ["score", fmt(r.score, 3)],
      ["via", r.via.map((v) => actors[v].label)],
      ["conflicting", r.conflicting ? "yes: some paths point the other way" : null],
    ]));
    add(info, el("p", r.reason, "reason"));
    box.replaceChildren(info);
    box.classList.remove("muted");
  }

  function showBand(r, box) {
    const info = el("div", null, "info");
    add(info, el("h3", pairName(r.pair)));
    const rows = [["P(clash)", fmt(r.p)]];
    Object.keys(r.factors).forEach((k) => rows.push([k.replace(/_/g, " "), r.factors[k].replace(/_/g, " ")]));
    add(info, dl(rows));
    if (data.risk_model) add(info, el("div", data.risk_model.horizon, "muted small"));
    box.replaceChildren(info);
    box.classList.remove("muted");
  }

  function show(target, box) {
    if (target.isNode()) return showActor(target.data("actor"), box, box !== tooltip);
    const p = target.data("pair");
    if (target.hasClass("tie")) return showTie(tieOf.get(p), box);
    if (target.hasClass("implied")) return showImplied(impliedOf.get(p), box);
    return showBand(bandOf.get(p), box);
  }

  function renderFrameText(f) {
    byId("title").textContent = data.timeline ? data.title + " \u2013 " + f.label : data.title;
    const shown = f.ties.length;
    const bits = [f.nodes.length + " actors", shown + (shown === 1 ? " tie" : " ties") + " in force"];
    if (f.implied.length) bits.push(f.implied.length + " implied");
    if (f.inactive) bits.push(f.inactive + " recorded but not in force (not drawn)");
    byId("summary").textContent = bits.join(", ");
    byId("sources").textContent = f.source_line;
    if (data.timeline) {
      byId("frame").value = String(state.frame);
      byId("frame-label").textContent = f.label + " (" + (state.frame + 1) + "/" + frames.length + ")";
    }
  }

  function renderRisk(f) {
    const section = byId("risk-section");
    section.hidden = !f.risk;
    if (!f.risk) return;
    byId("risk-meaning").textContent = data.risk_model.horizon + ", from the " + data.risk_model.name +
      ". The highest, not already enemies:";
    const list = byId("risk-list");
    list.replaceChildren();
    f.risk.bands.forEach((r) => {
      const b = el("button", pairName(r.pair) + ": " + r.label);
      b.type = "button";
      b.addEventListener("click", () => pin(cy.getElementById("r" + r.pair)));
      add(list, add(el("li"), b));
    });
  }

  function sample(entry) {
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", "44");
    svg.setAttribute("height", "16");
    if (entry.line) {
      const l = document.createElementNS(NS, "line");
      const s = entry.line;
      [["x1", 2], ["y1", 8], ["x2", 42], ["y2", 8], ["stroke", s.colour], ["stroke-width", s.width],
        ["stroke-opacity", s.alpha]].forEach(([k, v]) => l.setAttribute(k, String(v)));
      if (s.dash) l.setAttribute("stroke-dasharray", s.dash.join(" "));
      svg.appendChild(l);
    } else if (entry.shape) {
      const shapes = { ellipse: "circle", rectangle: "M16 2h12v12h-12z", triangle: "M22 1.5l7 12.5h-14z",
        diamond: "M22 0.5l7.5 7.5-7.5 7.5-7.5-7.5z", hexagon: "M22 1l6.5 3.5v7l-6.5 3.5-6.5-3.5v-7z",
        pentagon: "M22 1l7 5-2.7 8.5h-8.6l-2.7-8.5z" };
      let m;
      if (entry.shape === "ellipse") {
        m = document.createElementNS(NS, "circle");
        m.setAttribute("cx", "22"); m.setAttribute("cy", "8"); m.setAttribute("r", "6");
      } else {
        m = document.createElementNS(NS, "path");
        m.setAttribute("d", shapes[entry.shape]);
      }
      m.setAttribute("fill", "#ffffff"); m.setAttribute("stroke", ink); m.setAttribute("stroke-width", "1.1");
      svg.appendChild(m);
    } else {
      const r = document.createElementNS(NS, entry.marker ? "circle" : "rect");
      if (entry.marker) { r.setAttribute("cx", "22"); r.setAttribute("cy", "8"); r.setAttribute("r", "6"); r.setAttribute("stroke", ink); }
      else { r.setAttribute("x", "4"); r.setAttribute("y", "2"); r.setAttribute("width", "36"); r.setAttribute("height", "12"); r.setAttribute("fill-opacity", "0.6"); }
      r.setAttribute("fill", entry.patch);
      svg.appendChild(r);
    }
    return svg;
  }

  function renderLegend(f) {
    const box = byId("legend");
    box.replaceChildren();
    data.legend.forEach((section) => {
      let entries = section.entries;
      if (section.camps) {
        if (!state.layers.camps || !f.camps.length) return;
        entries = f.camps.map((c) => ({ label: c.label, patch: c.colour }));
        if (f.no_camp) entries.push({ label: "in no camp", patch: data.style.no_camp, marker: true });
      }
      add(box, el("h3", section.heading, "legend-heading"));
      entries.forEach((entry) => {
        const row = add(el("div", null, "legend-row"), sample(entry), el("span", entry.label, "legend-label"));
        if (entry.layer && !state.layers[entry.layer]) row.classList.add("off");
        add(box, row);
      });
    });
  }

  // -- interaction -------------------------------------------------------------------
  const tooltip = byId("tooltip");
  cy.on("mouseover", "node.actor, edge", (evt) => {
    show(evt.target, tooltip);
    tooltip.hidden = false;
    place(evt.originalEvent);
  });
  cy.on("mousemove", "node.actor, edge", (evt) => place(evt.originalEvent));
  cy.on("mouseout", "node.actor, edge", () => { tooltip.hidden = true; });
  byId("cy").addEventListener("mouseleave", () => { tooltip.hidden = true; });
  function place(e) {
    if (!e) return;
    const pad = 14;
    const w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    let x = e.clientX + pad, y = e.clientY + pad;
    if (x + w > window.innerWidth) x = Math.max(0, e.clientX - pad - w);
    if (y + h > window.innerHeight) y = Math.max(0, e.clientY - pad - h);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  function choose(i) {
    state.chosen = i;
    cy.edges().removeClass("pinned");
    state.pinned = null;
    highlight();
    if (i === null) {
      byId("details").replaceChildren(document.createTextNode("Hover over an actor or a tie; click to keep it here."));
      byId("details").classList.add("muted");
    } else {
      showActor(i, byId("details"), true);
    }
  }
  function pin(edge) {
    state.chosen = null;
    highlight();
    cy.edges().removeClass("pinned");
    if (!edge || edge.empty()) return;
    edge.addClass("pinned");
    state.pinned = edge.id();
    show(edge, byId("details"));
  }
  cy.on("tap", "node.actor", (evt) => choose(evt.target.data("actor")));
  cy.on("tap", "edge", (evt) => pin(evt.target));
  cy.on("tap", (evt) => { if (evt.target === cy) choose(null); });

  // search by id, name, label or alias
  const norm = (s) => String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const haystacks = actors.map((a) => [a.id, a.name, a.label].concat(a.aliases).map(norm));
  function search(q) {
    const words = norm(q).trim();
    cy.nodes(".actor").removeClass("match");
    const list = byId("matches");
    list.replaceChildren();
    if (!words) return [];
    const found = [];
    haystacks.forEach((h, i) => {
      const exact = h.some((x) => x === words);
      if (exact || h.some((x) => x.indexOf(words) >= 0)) found.push([exact ? 0 : 1, i]);
    });
    found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const hits = found.map((x) => x[1]);
    hits.forEach((i) => cy.getElementById("n" + i).addClass("match"));
    hits.slice(0, 8).forEach((i) => {
      const b = el("button", actors[i].name + (actors[i].label !== actors[i].name ? " (" + actors[i].label + ")" : ""));
      b.type = "button";
      b.addEventListener("click", () => choose(i));
      add(list, add(el("li"), b));
    });
    if (!hits.length) add(list, el("li", "no actor matches", "muted"));
    else if (hits.length > 8) add(list, el("li", "and " + (hits.length - 8) + " more", "muted"));
    return hits;
  }
  const box = byId("search");
  box.addEventListener("input", () => search(box.value));
  box.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    const hits = search(box.value);
    if (hits.length) {
      choose(hits[0]);
      cy.animate({ center: { eles: cy.getElementById("n" + hits[0]) } }, { duration: 250 });
    }
  });

  // layers and filters
  const layerNames = { ties: "Recorded ties", implied: "Implied relations", camps: "Camps", risk: "Risk: P(clash)" };
  Object.keys(layerNames).forEach((l) => {
    if (l === "implied" && !implied.size) return;
    if (l === "risk" && !data.risk_model) return;
    const input = el("input");
    input.type = "checkbox";
    input.id = "layer-" + l;
    input.checked = state.layers[l];
    input.addEventListener("change", () => { state.layers[l] = input.checked; refresh(); });
    const label = add(el("label"), input, document.createTextNode(" " + layerNames[l]));
    if (l === "risk") label.appendChild(el("span", " (top " + data.top + ")", "muted small"));
    add(byId("layers"), label);
  });
  const present = new Set(frames.flatMap((f) => f.ties.map((t) => t.stance).concat(f.implied.map((r) => r.stance))));
  STANCES.filter((s) => present.has(s)).forEach((s) => {
    const input = el("input");
    input.type = "checkbox";
    input.id = "stance-" + s;
    input.checked = true;
    input.addEventListener("change", () => { state.stances[s] = input.checked; refresh(); });
    add(byId("stances"), add(el("label", null, "inline"), input, document.createTextNode(" " + s)));
  });
  const conf = byId("min-confidence");
  conf.addEventListener("input", () => {
    state.minConfidence = Number(conf.value);
    byId("min-confidence-value").textContent = fmt(state.minConfidence);
    refresh();
  });

  // the timeline
  function setFrame(k) {
    state.frame = Math.max(0, Math.min(frames.length - 1, k));
    refresh();
  }
  if (data.timeline) {
    const bar = byId("timeline");
    bar.hidden = false;
    const slider = byId("frame");
    slider.max = String(frames.length - 1);
    slider.addEventListener("input", () => setFrame(Number(slider.value)));
    const play = byId("play");
    play.addEventListener("click", () => {
      if (state.playing) {
        clearInterval(state.playing);
        state.playing = null;
        play.textContent = "Play";
        return;
      }
      if (state.frame === frames.length - 1) setFrame(0);
      play.textContent = "Pause";
      state.playing = setInterval(() => {
        if (state.frame >= frames.length - 1) { play.click(); return; }
        setFrame(state.frame + 1);
      }, 1200);
    });
  }

  refresh();
  cy.resize();
  cy.fit(cy.nodes(".actor, .hull").filter((x) => !x.hasClass("hidden")), 30);
  window.addEventListener("resize", () => cy.resize());
  const view = { cy: cy, data: data, state: state, refresh: refresh, setFrame: setFrame, search: search,
    choose: choose, renderedAt: null };
  cy.one("render", () => { view.renderedAt = performance.now(); document.body.setAttribute("data-rendered", "1"); });
  cy.forceRender();
  window.alliancesView = view;
})();
