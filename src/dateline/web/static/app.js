// The map, the timeline and the table: three views of one filter, read from the page's query string.
"use strict";
const params = new URLSearchParams(location.search);
if (!params.has("background")) params.set("background", "false");  // current events unless asked
let page = Math.max(1, parseInt(params.get("page") || "1", 10));
const PER_PAGE = 25;
let map, clusters;

function apiQuery(extra) {
  const q = new URLSearchParams();
  for (const [k, v] of params) if (v !== "" && k !== "page") q.set(k, v);
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q.toString();
}

function fillForm() {
  const form = document.getElementById("filters");
  for (const [k, v] of params) {
    const input = form.elements.namedItem(k);
    if (input && input.type !== "checkbox") input.value = v;
  }
  const useBbox = document.getElementById("use-bbox");
  useBbox.checked = !!params.get("bbox");
  form.addEventListener("submit", () => {
    // The box is the map's current view, taken when the form is sent.
    if (useBbox.checked && map) {
      const b = map.getBounds();
      useBbox.value = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(x => x.toFixed(3)).join(",");
    }
    // Empty fields stay out of the URL; "background" stays, since absent means "current only".
    for (const input of form.elements) {
      if (input.name && input.name !== "background" && !input.value) input.disabled = true;
    }
  });
}

async function loadFacets() {
  const f = await getJSON("/api/facets");
  const sel = document.querySelector("select[name=country]");
  for (const c of f.countries) sel.append(el("option", { value: c.code }, `${c.code} (${c.events})`));
  sel.value = params.get("country") || "";
  const list = document.getElementById("admin1-list");
  for (const a of f.admin1) list.append(el("option", { value: a.name }, `${a.country}`));
}

async function initMap(config) {
  map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([25, 30], 3);
  map.createPane("outlines").style.zIndex = 250;
  // Offline base layer: Natural Earth country outlines served by this server.
  const topo = await getJSON("/static/vendor/countries-110m.json");
  const countries = topojson.feature(topo, topo.objects.countries);
  countries.features = countries.features.filter(f => f.id !== "010");  // Antarctica: a smear at Mercator's edge
  countries.features.forEach(unwrapAntimeridian);
  L.geoJSON(countries, {
    pane: "outlines", interactive: false, style: { stroke: false, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map);
  // Borders and coasts drawn as lines, without the edges where the data cuts shapes at 180°.
  L.geoJSON(borderLines(topojson.mesh(topo, topo.objects.countries)), {
    pane: "outlines", interactive: false, style: { color: "#8795a3", weight: 0.7 },
  }).addTo(map);
  if (config.tiles_url) {
    L.tileLayer(config.tiles_url, { attribution: config.tiles_attribution || "" }).addTo(map);
  }
  clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, iconCreateFunction: clusterIcon });
  map.addLayer(clusters);
}

// A country cut at 180° (Russia, Fiji) joins its two sides with a band across the whole map unless
// its western-hemisphere points move east by 360°, where Leaflet draws them beside the rest.
function unwrapAntimeridian(feature) {
  const g = feature.geometry;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const points = polys.flat(2);
  if (!(points.some(p => p[0] > 170) && points.some(p => p[0] < -170))) return;
  for (const p of points) if (p[0] < 0) p[0] += 360;
}

function borderLines(mesh) {
  const lines = [];
  const onCut = (a, b) => Math.abs(a[0]) > 179.9 && Math.abs(b[0]) > 179.9 || Math.abs(a[0] - b[0]) > 180;
  for (const line of mesh.coordinates) {
    let part = [line[0]];
    for (let i = 1; i < line.length; i++) {
      if (onCut(line[i - 1], line[i])) { if (part.length > 1) lines.push(part); part = []; }
      part.push(line[i]);
    }
    if (part.length > 1) lines.push(part);
  }
  return { type: "MultiLineString", coordinates: lines.filter(l => l.some(p => p[1] > -60)) };
}

// A cluster is a pie of its events' types, sized by their fatalities, with the count in the middle.
function clusterIcon(cluster) {
  const counts = {};
  let dead = 0;
  for (const m of cluster.getAllChildMarkers()) {
    counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
    dead += m.options.fatalities || 0;
  }
  const n = cluster.getChildCount();
  let acc = 0;
  const stops = Object.keys(TYPE_COLORS).concat(Object.keys(counts).filter(t => !(t in TYPE_COLORS)))
    .filter(t => counts[t]).map(t => {
      const from = acc / n * 360; acc += counts[t];
      return `${typeColor(t)} ${from}deg ${acc / n * 360}deg`;
    });
  const size = Math.round(Math.min(72, 28 + 4 * Math.sqrt(dead)));
  const pie = el("div", { class: "cluster-pie", title: `${n} events, ${dead} fatalities` }, el("span", {}, String(n)));
  pie.style.background = `conic-gradient(${stops.join(", ")})`;
  pie.style.width = pie.style.height = size + "px";
  return L.divIcon({ html: pie, className: "dl-cluster", iconSize: L.point(size, size) });
}

function popupFor(p, id) {
  const box = el("div", { class: "popup" },
    el("b", {}, p.event_type || ""), el("br"), p.sub_event_type || "", el("br"),
    `${p.location || "?"} · ${p.event_date || "undated"}`, el("br"),
    `fatalities: ${p.fatalities === null || p.fatalities === undefined ? "unknown" : p.fatalities}`, el("br"),
    el("a", { href: `/events/${encodeURIComponent(id)}` }, "open event"));
  return box;
}

async function loadMap() {
  const data = await getJSON("/api/map?" + apiQuery());
  clusters.clearLayers();
  const markers = [];
  for (const f of data.features) {
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    const dead = p.fatalities || 0;
    const m = L.circleMarker([lat, lon], {
      radius: 6 + 3 * Math.sqrt(dead), color: "#222", weight: 1,
      fillColor: typeColor(p.event_type), fillOpacity: 0.85, eventType: p.event_type, fatalities: dead,
    });
    m.bindPopup(() => popupFor(p, f.id));
    markers.push(m);
  }
  clusters.addLayers(markers);
  const note = document.getElementById("map-note");
  const off = data.dateline ? data.dateline.without_coordinates : 0;
  note.textContent = `${markers.length} events on the map` + (off ? `, ${off} without coordinates` : "") +
    ". Circle colour: type; size: fatalities.";
  if (markers.length && !params.get("bbox")) map.fitBounds(clusters.getBounds().pad(0.3), { maxZoom: 7 });
  else if (params.get("bbox")) {
    const [w, s, e, n] = params.get("bbox").split(",").map(Number);
    map.fitBounds([[s, w], [n, e]]);
  }
}

function svg(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

async function loadTimeline() {
  const t = await getJSON("/api/timeline?" + apiQuery());
  document.getElementById("bucket").textContent = t.bucket;
  const box = document.getElementById("timeline");
  box.replaceChildren();
  const legend = document.getElementById("legend");
  legend.replaceChildren(...t.types.map(ty => el("span", {}, el("span", { class: "swatch", style: `background:${typeColor(ty)}` }), ty)));
  if (!t.rows.length) { box.append(el("p", { class: "hint" }, "No dated events in this view.")); return; }
  const W = 600, H = 240, left = 28, bottom = 40, top = 8;
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per " + t.bucket });
  const max = Math.max(...t.rows.map(r => r.total));
  const bw = (W - left - 4) / t.rows.length;
  const y = v => top + (H - top - bottom) * (1 - v / max);
  for (const v of [0, max]) {
    s.append(svg("line", { x1: left, x2: W, y1: y(v), y2: y(v), stroke: "#ddd" }));
    const label = svg("text", { x: left - 4, y: y(v) + 3, "text-anchor": "end" }); label.textContent = v; s.append(label);
  }
  t.rows.forEach((r, i) => {
    let acc = 0;
    for (const ty of t.types) {
      const n = r.counts[ty] || 0;
      if (!n) continue;
      const rect = svg("rect", { x: left + i * bw + 1, width: Math.max(1, bw - 2), y: y(acc + n), height: y(acc) - y(acc + n), fill: typeColor(ty), class: "bar" });
      const title = svg("title"); title.textContent = `${r.date}: ${n} ${ty}`; rect.append(title);
      s.append(rect);
      acc += n;
    }
    const every = Math.ceil(t.rows.length / 8);
    if (i % every === 0 || i === t.rows.length - 1) {
      const label = svg("text", { x: left + i * bw + bw / 2, y: H - bottom + 12, transform: `rotate(40 ${left + i * bw + bw / 2} ${H - bottom + 12})` });
      label.textContent = r.date; s.append(label);
    }
  });
  box.append(s);
  if (t.undated) box.append(el("p", { class: "hint" }, `${t.undated} undated events not drawn.`));
}

function fmtActor(a) { return a ? a.name : ""; }

async function loadTable() {
  const data = await getJSON(`/api/events?${apiQuery({ page, per_page: PER_PAGE })}`);
  document.getElementById("total").textContent = data.total;
  const body = document.querySelector("#events-table tbody");
  body.replaceChildren();
  for (const e of data.items) {
    const loc = e.location ? [e.location.name, e.location.admin1, e.location.country_code].filter(Boolean).join(", ") : "";
    const f = e.fatalities || {};
    const status = e.review ? e.review.status : "";
    body.append(el("tr", { "data-event-id": e.id },
      el("td", {}, e.date ? (e.date.start || "") : "undated"),
      el("td", {}, el("span", { class: "type-dot", style: `background:${typeColor(e.event_type)}` }),
        el("a", { href: `/events/${encodeURIComponent(e.id)}`, class: "event-link" }, e.event_type), el("br"),
        el("small", {}, e.sub_event_type + (e.background ? " · background" : ""))),
      el("td", {}, fmtActor(e.actor1)), el("td", {}, fmtActor(e.actor2)), el("td", {}, loc),
      el("td", {}, f.best === null || f.best === undefined ? "" : String(f.best)),
      el("td", {}, (e.confidence || 0).toFixed(2)), el("td", {}, (status || "").replace("_", " "))));
  }
  document.getElementById("page-info").textContent = `page ${data.page} of ${data.pages}`;
  document.getElementById("prev").disabled = data.page <= 1;
  document.getElementById("next").disabled = data.page >= data.pages;
  const links = document.getElementById("export-links");
  links.replaceChildren(...["jsonl", "csv", "geojson", "parquet"].map(fmt =>
    el("a", { href: `/api/export/${fmt}?${apiQuery()}`, download: "" }, fmt)));
}

function turnPage(delta) { page += delta; loadTable(); }

async function main() {
  fillForm();
  document.getElementById("prev").addEventListener("click", () => turnPage(-1));
  document.getElementById("next").addEventListener("click", () => turnPage(1));
  const config = await getJSON("/api/config");
  await Promise.all([loadFacets(), initMap(config)]);
  await Promise.all([loadMap(), loadTimeline(), loadTable()]);
  document.body.dataset.ready = "true";
}
main().catch(err => {
  document.body.dataset.ready = "error";
  document.body.prepend(el("p", { class: "warn" }, "Could not load the events: " + (err && err.message ? err.message : String(err))));
});
