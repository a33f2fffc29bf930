/* Territorio's published explorer. Hand-written for this project (MIT); uses only Leaflet's and
   Leaflet.markercluster's public API. Every text from the data is set with textContent or as a DOM text node;
   links only for http(s) addresses (checked when published and again here).

   The rules it applies are the domain's, ported and tested against it (tests/e2e/test_publish.py):
   the filter mask (territorio/selection/filters.py), the counting sentence (selection/describe.py),
   what held on a day (catalog/asof.py: periods precomputed by territorio/publish/payload.py), playback steps
   (selection/playback.py), hexagon counts (map/density.py) and colour classes (map/styles.py). */
(function () {
  "use strict";
  var D = window.territorioData;
  var T = D.tables, I = D.incidents, NONE = -1, DAY_MS = 86400000;
  var kind = document.body.getAttribute("data-kind");
  var $ = function (id) { return document.getElementById(id); };

  // --- the incidents, decoded once into typed columns ------------------------------------------------
  var N = I.lo.length;
  var lo = Int32Array.from(I.lo), hi = new Int32Array(N), lat = new Float64Array(N), lon = new Float64Array(N);
  var fmin = Int32Array.from(I.fmin), fmax = new Int32Array(N), type = Int16Array.from(I.type);
  var pcode = Int32Array.from(I.pcode), sector = Int32Array.from(I.sector), place = new Int32Array(N);
  var actors = Int32Array.from(I.actors), mapped = new Uint8Array(N);
  for (var i = 0; i < N; i++) {
    hi[i] = lo[i] + I.span[i];
    place[i] = pcode[i] >= 0 ? T.placeOf[sector[i] + "," + pcode[i]] : NONE;
    fmax[i] = I.fmax[i] === NONE ? NONE : I.fmax[i] + Math.max(fmin[i], 0);
    mapped[i] = I.y[i] !== NONE ? 1 : 0;
    lat[i] = mapped[i] ? I.origin[0] + I.y[i] / I.scale : NaN;
    lon[i] = mapped[i] ? I.origin[1] + I.x[i] / I.scale : NaN;
  }
  var ids = (function () {
    if (I.ids.list) { return I.ids.list; }
    var out = new Array(N), n = 0;
    for (var k = 0; k < N; k++) { n += I.ids.steps[k]; out[k] = I.ids.prefix + String(n).padStart(I.ids.width, "0"); }
    return out;
  })();
  var areaIndex = {}, typeIndex = {}, actorIndex = {};
  T.areaIds.forEach(function (a, k) { areaIndex[a] = k; });
  T.typeKeys.forEach(function (a, k) { typeIndex[a] = k; });
  T.actorIds.forEach(function (a, k) { actorIndex[a] = k; });

  // --- texts -------------------------------------------------------------------------------------------
  function startState() {           // what the page shows before its address says otherwise
    return {
      lang: D.lang, from: D.start.window[0], to: D.start.window[1], unit: D.start.unit, min: D.start.min,
      areas: D.start.areas.slice(), types: D.start.types.slice(), actors: D.start.actors.slice(), view: null
    };
  }
  var state = startState();
  function tr(key, values) {
    var text = D.text[state.lang][key];
    if (text === undefined) { text = D.text.en[key]; }
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }
  function fmtInt(n) {
    var s = String(Math.abs(Math.trunc(n))), sep = D.separators[state.lang][0], out = "";
    while (s.length > 3) { out = sep + s.slice(-3) + out; s = s.slice(0, -3); }
    return (n < 0 ? "-" : "") + s + out;
  }
  function fmtRange(a, b) { return a === b ? fmtInt(a) : fmtInt(a) + "-" + fmtInt(b); }
  function plural(key, n) { return tr(key + (n === 1 ? "_one" : "_other"), { n: fmtInt(n) }); }
  function joinWords(items) {
    if (items.length <= 1) { return items.join(""); }
    return items.slice(0, -1).join(", ") + " " + tr("and") + " " + items[items.length - 1];
  }
  function ymd(d) { var x = new Date(d * DAY_MS); return [x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate()]; }
  function iso(d) { return new Date(d * DAY_MS).toISOString().slice(0, 10); }
  function fromIso(s) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s || "")) { return null; }
    var t = Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
    return isNaN(t) || iso(t / DAY_MS) !== s ? null : t / DAY_MS;
  }
  function formatRange(a, b) {        // dates.format_range
    var m = D.months[state.lang] || D.months.en, s = ymd(a), e = ymd(b);
    if (a === b) { return e[2] + " " + m[e[1]] + " " + e[0]; }
    if (s[0] === e[0] && s[1] === e[1]) { return s[2] + "–" + e[2] + " " + m[e[1]] + " " + e[0]; }
    if (s[0] === e[0]) { return s[2] + " " + m[s[1]] + " – " + e[2] + " " + m[e[1]] + " " + e[0]; }
    return s[2] + " " + m[s[1]] + " " + s[0] + " – " + e[2] + " " + m[e[1]] + " " + e[0];
  }

  // --- the filter mask and the summary (filters.apply, describe.summarise) -------------------------------
  function select() {
    var wantedArea = new Uint8Array(T.areaIds.length), anyArea = false;
    state.areas.forEach(function (a) { if (a in areaIndex) { wantedArea[areaIndex[a]] = 1; anyArea = true; } });
    var wantedType = new Uint8Array(T.typeKeys.length), anyType = state.types.length > 0;
    state.types.forEach(function (k) { if (k in typeIndex) { wantedType[typeIndex[k]] = 1; } });
    var listHit = null;
    if (state.actors.length) {
      var family = {};
      state.actors.forEach(function (a) {
        if (a in actorIndex) { T.actors[actorIndex[a]].family.forEach(function (f) { family[f] = 1; }); }
      });
      listHit = new Uint8Array(T.actorLists.length);
      T.actorLists.forEach(function (list, k) { listHit[k] = list.some(function (a) { return family[a]; }) ? 1 : 0; });
    }
    var from = state.from, to = state.to, min = state.min;
    var mask = new Uint8Array(N), uncertain = 0;
    for (var k = 0; k < N; k++) {
      if (lo[k] > to || hi[k] < from) { continue; }
      if (anyArea && !((pcode[k] >= 0 && wantedArea[pcode[k]]) || (sector[k] >= 0 && wantedArea[sector[k]]))) { continue; }
      if (anyType && !(type[k] >= 0 && wantedType[type[k]])) { continue; }
      if (listHit && !listHit[actors[k]]) { continue; }
      if (min > 0 && !(fmax[k] >= min)) { continue; }
      mask[k] = 1;
      if (lo[k] < from || hi[k] > to) { uncertain++; }
    }
    return { mask: mask, uncertain: uncertain };
  }

  function summarise(sel) {
    var s = { incidents: 0, killedLo: 0, killedHi: 0, noFigure: 0, notMapped: 0, uncertain: sel.uncertain,
              places: [], parishes: 0, mapped: [] };
    var counts = {}, order = [], parishes = {};
    for (var k = 0; k < N; k++) {
      if (!sel.mask[k]) { continue; }
      s.incidents++;
      if (fmin[k] >= 0) { s.killedLo += fmin[k]; }
      if (fmax[k] >= 0) { s.killedHi += fmax[k]; } else { s.noFigure++; }
      if (mapped[k]) { s.mapped.push(k); } else { s.notMapped++; }
      if (pcode[k] >= 0) {
        parishes[pcode[k]] = 1;
        if (!(place[k] in counts)) { counts[place[k]] = 0; order.push(place[k]); }
        counts[place[k]]++;
      }
    }
    s.parishes = Object.keys(parishes).length;
    s.places = order.map(function (p, k) { return [counts[p], k, p]; })
      .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
      .map(function (x) { return T.places[x[2]]; });
    return s;
  }

  function areaLabel(a) { return a in areaIndex ? T.areas[areaIndex[a]].label : a; }
  function typeLabel(k) { return k in typeIndex ? T.types[typeIndex[k]].label[state.lang] : k; }
  function actorLabel(a) { return a in actorIndex ? T.actors[actorIndex[a]].label[state.lang] : a; }
  function capitalize(s) { return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(); }   // str.capitalize

  function sentence(s) {           // describe.sentence
    var what = [plural("n_incidents", s.incidents)];
    if (state.types.length) { what.push("(" + joinWords(state.types.map(function (k) { return typeLabel(k).toLowerCase(); })) + ")"); }
    if (state.actors.length) { what.push(tr("involving", { actors: joinWords(state.actors.map(actorLabel)) })); }
    if (state.min) { what.push(tr("at_least_killed", { n: fmtInt(state.min) })); }
    var where = "";
    if (s.places.length && s.places.length <= D.maxPlaces) { where = tr("in_places", { places: joinWords(s.places) }); }
    else if (state.areas.length) { where = tr("in_places", { places: joinWords(state.areas.map(areaLabel)) }); }
    else if (s.parishes) { where = plural("in_parishes", s.parishes); }
    var head = [what.join(" "), tr("killed", { n: fmtRange(s.killedLo, s.killedHi) || "0" }), where,
                formatRange(state.from, state.to)];
    var tail = [["not_mapped", s.notMapped], ["date_uncertain", s.uncertain], ["no_toll", s.noFigure]]
      .filter(function (p) { return p[1]; }).map(function (p) { return plural(p[0], p[1]); });
    var text = head.filter(Boolean).join(", ") + ".";
    return text + (tail.length ? " " + capitalize(tail.join("; ")) + "." : "");
  }

  // --- what held on the window's last day (asof.zones_as_of / control_as_of) -------------------------
  function holding(periods, d) {
    var held = periods.filter(function (p) { return p.lo <= d && d <= p.hi; });
    var values = {};
    held.forEach(function (p) { (values[p.key] = values[p.key] || {})[p.value] = 1; });
    return held.map(function (p) {
      return { p: p, tentative: p.always || d <= p.startHi, conflict: Object.keys(values[p.key]).length > 1 };
    });
  }

  // --- playback (playback.step, first_window, start) ------------------------------------------------------
  function add(d, unit, times) {
    times = times === undefined ? 1 : times;
    if (unit === "week") { return d + 7 * times; }
    var x = ymd(d), months = unit === "month" ? times : 12 * times;
    var y = x[0] + Math.floor((x[1] + months) / 12), m = ((x[1] + months) % 12 + 12) % 12;
    var last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return Date.UTC(y, m, Math.min(x[2], last)) / DAY_MS;
  }
  function wholeUnits(w, unit) {
    var after = w[1] + 1;
    for (var n = 1; n < 200; n++) {
      var probe = add(w[0], unit, n);
      if (probe === after) { return true; }
      if (probe > after) { return false; }
    }
    return false;
  }
  function stepWindow(w, span, unit) {
    if (w[1] >= span[1]) { return null; }
    var start = add(w[0], unit), end = Math.min(span[1], start + (w[1] - w[0]));
    if (wholeUnits(w, unit)) { end = Math.min(span[1], add(w[1] + 1, unit) - 1); }
    return [start, end];
  }
  function playStart(w, span, unit) {
    if (w[0] <= span[0] && w[1] >= span[1]) { return [span[0], Math.min(span[1], add(span[0], unit) - 1)]; }
    return w;
  }

  // --- the map ----------------------------------------------------------------------------------------------
  var base = D.base;
  var map = L.map("map", { zoomSnap: 0.25, minZoom: 9, maxZoom: 18, maxBounds: base.maxBounds, preferCanvas: false });
  map.createPane("incidents").style.zIndex = 450;
  var canvas = L.canvas({ padding: 0.3, pane: "incidents" });
  map.getContainer().style.background = base.style.background;
  map.attributionControl.setPrefix("Leaflet").addAttribution(D.attribution);
  map.createPane("areas").style.zIndex = 410;
  map.createPane("outlines").style.zIndex = 420;
  map.getPane("outlines").style.pointerEvents = "none";
  function textNode(s) { var el = document.createElement("div"); el.textContent = s; return el; }
  var geometry = {};
  L.geoJSON(base.parishes, {
    style: function () { var o = L.extend({}, base.style.parish); o.className = "parish"; return o; },
    onEachFeature: function (f, layer) {
      geometry["parish:" + f.properties.pcode] = f;
      layer.bindTooltip(textNode(f.properties.name + " · " + f.properties.municipality), { sticky: true });
    }
  }).addTo(map);
  base.sectors.features.forEach(function (f) { geometry["sector:" + f.properties.sector_id] = f; });
  L.geoJSON(base.municipalities, { style: function () { return base.style.municipality; }, pane: "outlines", interactive: false }).addTo(map);
  var areaLayer = L.layerGroup().addTo(map), incidentLayer = L.layerGroup().addTo(map);
  L.geoJSON(base.sectors, { style: function () { return L.extend({ className: "sector" }, base.style.sector); }, pane: "outlines", interactive: false }).addTo(map);
  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    this._div = L.DomUtil.create("div", "legend");
    L.DomEvent.disableScrollPropagation(this._div);
    L.DomEvent.disableClickPropagation(this._div);
    return this._div;
  };
  var legendFolded = window.matchMedia && window.matchMedia("(max-width: 700px)").matches;   // a phone: the map first
  legend.addTo(map);

  function radius(k) { return 6 + 3 * Math.sqrt(fmax[k] > 0 ? fmax[k] : 0); }   // styles.incident_radius
  function colorOf(k) { return type[k] >= 0 ? T.types[type[k]].color : T.otherColor; }
  function circle(k, renderer) {
    var unknown = fmax[k] < 0, c = colorOf(k);
    var options = { radius: radius(k), color: unknown ? c : "#222222", weight: unknown ? 3 : 1.5, fillColor: c,
                    fillOpacity: unknown ? 0.1 : 0.85, className: "incident", pane: "incidents" };
    if (renderer) { options.renderer = renderer; }
    var m = L.circleMarker([lat[k], lon[k]], options);
    m.bindPopup(function () { return popup(k); }, { maxWidth: 340 });
    return m;
  }

  function popup(k) {              // popups.incident_popup, as DOM
    var d = T.details[I.detail[k]], off = state.lang === "es" ? 3 : 0;
    var fill = function (s) { return s.split("{id}").join(ids[k]); };
    var box = document.createElement("div"), add_ = function (tag, text, cls) {
      var el = document.createElement(tag); el.textContent = text; if (cls) { el.className = cls; } box.appendChild(el); return el;
    };
    box.className = "incident-popup";
    add_("b", fill(d[off]));
    var when = T.whens[I.when[k]][state.lang === "es" ? 1 : 0];
    var precision = I.precision[k] >= 0 ? tr("precision_" + ["day", "month", "year"][I.precision[k]]) : "";
    add_("div", when + (precision ? " (" + precision + ")" : "") + " · " + (type[k] >= 0 ? T.types[type[k]].label[state.lang] : ""));
    var toll = fmin[k] < 0 && fmax[k] < 0 ? tr("fatalities_unknown") : (fmin[k] === fmax[k] ? String(fmin[k]) : Math.max(fmin[k], 0) + "-" + fmax[k]);
    add_("div", tr("fatalities") + ": " + toll);
    add_("div", tr("actors") + ": " + fill(d[off + 1]));
    add_("p", fill(d[off + 2]) + (state.lang === "es" && d[6] ? " (" + tr("translated") + ")" : ""));
    var loc = I.location[k] >= 0 ? T.locations[I.location[k]] : "";
    if (loc) { add_("div", tr("location") + ": " + (T.locationLabels[state.lang][loc] || loc), "precision"); }
    var list = T.sourceLists[I.sources[k]];
    if (I.single[k]) { add_("div", tr("single_source"), "single-source"); }
    add_("div", tr("sources") + ":");
    if (!list.length) { add_("div", tr("publish_no_sources")); }
    var ul = document.createElement("ul");
    list.forEach(function (ref) {
      var s = T.sources[ref], li = document.createElement("li");
      var label = s[0] + (s[1] ? " (" + tr("mirror_copy") + " " + s[1] + ")" : "");
      if (/^https?:\/\//i.test(s[2])) {
        var a = document.createElement("a");
        a.href = s[2]; a.target = "_blank"; a.rel = "noopener noreferrer"; a.textContent = label; li.appendChild(a);
      } else { li.textContent = label; }
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }

  // hexagons (density.hex_cells, styles.class_breaks)
  function hexRadius(zoom) {
    var z = Math.min(Math.max(zoom, 9), 17);
    return D.limits.hexKmAtZoom12 * Math.pow(2, D.limits.defaultZoom - Math.round(z)) / D.limits.kmPerDegLat;
  }
  function classBreaks(max) {
    var classes = T.hexColors.length, out = [];
    if (max <= classes) { for (var b = 1; b <= Math.max(max, 1); b++) { out.push(b); } return out; }
    var step = max / classes, nice = Infinity;
    for (var e = 0; e < 7; e++) { [1, 2, 5].forEach(function (m) { var v = m * Math.pow(10, e); if (v >= step && v < nice) { nice = v; } }); }
    out.push(1);
    for (var k = 1; k < classes; k++) { if (nice * k <= max) { out.push(nice * k); } }
    return out;
  }
  function hexCells(list, r) {
    var c0 = Math.cos(D.limits.gridLat0 * Math.PI / 180), cells = {}, keys = [];
    for (var n = 0; n < list.length; n++) {
      var k = list[n], x = lon[k] * c0, y = lat[k];
      var q = (Math.sqrt(3) / 3 * x - y / 3) / r, rr = (2 / 3 * y) / r, s = -q - rr;
      var rq = Math.round(q), rr2 = Math.round(rr), rs = Math.round(s);
      var dq = Math.abs(rq - q), dr = Math.abs(rr2 - rr), ds = Math.abs(rs - s);
      if (dq > dr && dq > ds) { rq = -rr2 - rs; } else if (dr > ds) { rr2 = -rq - rs; }
      var key = rq + "," + rr2;
      if (!(key in cells)) { cells[key] = [rq, rr2, 0]; keys.push(key); }
      cells[key][2]++;
    }
    return keys.map(function (key) { return cells[key]; });
  }
  function drawHexagons(list) {
    var r = hexRadius(map.getZoom()), c0 = Math.cos(D.limits.gridLat0 * Math.PI / 180);
    var cells = hexCells(list, r), max = 0, view = map.getBounds().pad(0.5);
    cells.forEach(function (c) { if (c[2] > max) { max = c[2]; } });
    var breaks = classBreaks(max);
    cells.forEach(function (c) {
      var cx = r * Math.sqrt(3) * (c[0] + c[1] / 2), cy = r * 1.5 * c[1];
      if (!view.contains([cy, cx / c0])) { return; }
      var ring = [];
      for (var v = 0; v < 6; v++) {
        var a = Math.PI / 180 * (60 * v - 30);
        ring.push([cy + r * Math.sin(a), (cx + r * Math.cos(a)) / c0]);
      }
      var cls = 0;
      for (var b = 0; b < breaks.length; b++) { if (c[2] >= breaks[b]) { cls = b; } }
      L.polygon(ring, { renderer: canvas, pane: "incidents", color: "#555555", weight: 0.5, fillColor: T.hexColors[cls], fillOpacity: 0.8, className: "hexagon" })
        .bindTooltip(textNode(c[2] === 1 ? tr("agg_tip_one") : tr("agg_tip", { n: fmtInt(c[2]) }))).addTo(incidentLayer);
    });
    return { mode: "hexagons", breaks: breaks };
  }

  var drawn = { mode: "", count: 0 };
  function drawIncidents(s) {
    map.closePopup();                   // a popup of an incident the new selection may no longer hold
    incidentLayer.clearLayers();
    var list = s.mapped;
    if (list.length <= D.limits.points) {
      var cluster = L.markerClusterGroup({ maxClusterRadius: 30, spiderfyOnMaxZoom: true, showCoverageOnHover: false });
      cluster.addLayers(list.map(function (k) { return circle(k); }));
      incidentLayer.addLayer(cluster);
      drawn = { mode: "clustered", count: list.length };
      return;
    }
    var b = map.getBounds(), inView = list.filter(function (k) { return b.contains([lat[k], lon[k]]); });
    if (inView.length <= D.limits.points) {
      inView.forEach(function (k) { circle(k, canvas).addTo(incidentLayer); });
      drawn = { mode: "points", count: inView.length, of: list.length };
      return;
    }
    drawn = drawHexagons(list);
    drawn.count = list.length;
  }

  function drawAreas(zones, control) {
    areaLayer.clearLayers();
    control.forEach(function (h) {
      var f = geometry[h.p.area], color = T.groupColors[h.p.value] || T.otherColor;
      if (!f) { return; }
      L.geoJSON(f, { pane: "areas", style: { color: color, weight: 1, fillColor: color, fillOpacity: T.confidenceOpacity[h.p.confidence] || 0.2, className: "control" } })
        .bindTooltip(textNode(actorLabel(h.p.value) + " · " + tr("confidence_" + h.p.confidence) + marks(h)), { sticky: true })
        .addTo(areaLayer);
    });
    zones.forEach(function (h) {
      var f = geometry[h.p.area], st = T.zoneStyles[h.p.value] || T.zoneStyles.disputed;
      if (!f) { return; }
      L.geoJSON(f, { pane: "areas", style: { color: st.color, weight: 2.5, dashArray: st.dashed ? "6 4" : null, fillColor: st.color, fillOpacity: 0.25, className: "zone" } })
        .bindTooltip(textNode(h.p.name[state.lang] + " · " + tr("zone_" + h.p.value) + marks(h) + " · " + h.p.period[state.lang]), { sticky: true })
        .addTo(areaLayer);
    });
  }
  function marks(h) {
    return (h.tentative ? " (" + tr("tentative") + ")" : "") + (h.conflict ? " (" + tr("conflicting_reports") + ")" : "");
  }

  function legendRow(div, color, label, cls) {
    var row = document.createElement("div"), sw = document.createElement("i"), text = document.createElement("span");
    sw.className = cls;
    if (cls === "line" || cls === "dashed") { sw.style.borderTopColor = color; } else { sw.style.background = color; }
    text.textContent = label;
    row.appendChild(sw); row.appendChild(text); div.appendChild(row);
  }
  function legendHead(div, text, tag) { var h = document.createElement(tag || "h3"); h.textContent = text; div.appendChild(h); }

  function drawLegend(s, zones, control) {        // styles.type_colour_rows and the app's legend sections
    var div = legend._div, present = {};
    div.textContent = "";
    legendHead(div, tr("legend"), "h2");
    div.classList.toggle("folded", legendFolded);
    div.firstChild.setAttribute("role", "button");
    div.firstChild.setAttribute("tabindex", "0");
    div.firstChild.setAttribute("aria-expanded", String(!legendFolded));
    var fold = function () { legendFolded = !legendFolded; drawLegend(s, zones, control); div.firstChild.focus(); };
    div.firstChild.addEventListener("click", fold);
    div.firstChild.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); fold(); }
    });
    s.mapped.forEach(function (k) { present[type[k]] = 1; });
    if (drawn.mode === "hexagons") {
      legendHead(div, tr("agg_title"));
      drawn.breaks.forEach(function (b, k) {
        var next = drawn.breaks[k + 1];
        legendRow(div, T.hexColors[k], next === undefined ? fmtInt(b) + (k ? "+" : "") : (b === next - 1 ? fmtInt(b) : fmtInt(b) + "–" + fmtInt(next - 1)), "fill");
      });
    } else if (s.mapped.length) {
      legendHead(div, tr("layer_incidents"));
      var byColor = {}, colors = [];
      T.typeOrder.forEach(function (k) {
        if (!present[k]) { return; }
        var c = T.types[k].color;
        if (!(c in byColor)) { byColor[c] = []; colors.push(c); }
        byColor[c].push(T.types[k].label[state.lang]);
      });
      colors.forEach(function (c) { legendRow(div, c, byColor[c].join(" / "), "circle"); });
      legendRow(div, "#ffffff", tr("legend_size"), "circle");
      if (drawn.mode === "clustered") { legendRow(div, "#b5e28c", tr("legend_cluster"), "circle"); }
      if (drawn.mode === "points" && drawn.count < drawn.of) { legendHead(div, tr("points_in_view_note", { shown: fmtInt(drawn.count), n: fmtInt(drawn.of) }), "p"); }
    }
    var day = formatRange(state.to, state.to);
    legendHead(div, tr("legend_zones", { day: day }));
    var statuses = {};
    zones.forEach(function (h) { statuses[h.p.value] = 1; });
    Object.keys(T.zoneStyles).forEach(function (st) { if (statuses[st]) { legendRow(div, T.zoneStyles[st].color, tr("zone_" + st), "fill"); } });
    if (!zones.length) { legendHead(div, tr("legend_none_on_day"), "p"); }
    legendHead(div, tr("legend_control", { day: day }));
    var groups = [];
    control.forEach(function (h) { if (groups.indexOf(h.p.value) < 0) { groups.push(h.p.value); } });
    groups.forEach(function (g) { legendRow(div, T.groupColors[g] || T.otherColor, actorLabel(g), "fill"); });
    if (!control.length) { legendHead(div, tr("legend_none_on_day"), "p"); }
    legendRow(div, base.style.sector.color, tr("legend_sector"), "dashed");
    legendRow(div, base.style.municipality.color, tr("legend_municipality"), "line");
    legendHead(div, tr("legend_choro_note"), "p");
  }

  // --- controls, the URL hash and redrawing -----------------------------------------------------------
  var last = null;
  function redraw() {
    var sel = select(), s = summarise(sel);
    var zones = holding(D.zones, state.to), control = holding(D.control, state.to);
    drawIncidents(s);
    drawAreas(zones, control);
    drawLegend(s, zones, control);
    $("sentence").textContent = sentence(s);
    last = { summary: s, zones: zones, control: control };
    syncControls();
    writeHash();
  }

  function writeHash() {
    var c = map.getCenter(), p = [["lang", state.lang], ["from", iso(state.from)], ["to", iso(state.to)]];
    if (state.areas.length) { p.push(["area", state.areas.join(",")]); }
    if (state.types.length) { p.push(["type", state.types.join(",")]); }
    if (state.actors.length) { p.push(["actor", state.actors.join(",")]); }
    if (state.min) { p.push(["min", state.min]); }
    p.push(["unit", state.unit], ["lat", c.lat.toFixed(5)], ["lon", c.lng.toFixed(5)], ["zoom", map.getZoom()]);
    var hash = "#" + p.map(function (kv) { return kv[0] + "=" + encodeURIComponent(kv[1]); }).join("&");
    if (location.hash !== hash && history.replaceState) { history.replaceState(null, "", hash); }
    var full = $("open-full");
    full.href = "index.html" + hash;
  }

  function readHash() {
    var q = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) { try { q[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); } catch (e) { /* a broken value is ignored */ } }
    });
    var list = function (v, known) { return (v || "").split(",").filter(function (x) { return x in known; }); };
    if (q.lang === "en" || q.lang === "es") { state.lang = q.lang; }
    var f = fromIso(q.from), t = fromIso(q.to);
    if (f !== null) { state.from = Math.min(Math.max(f, D.span[0]), D.span[1]); }
    if (t !== null) { state.to = Math.min(Math.max(t, D.span[0]), D.span[1]); }
    if (state.to < state.from) { state.to = state.from; }
    if ("area" in q) { state.areas = list(q.area, areaIndex); }
    if ("type" in q) { state.types = list(q.type, typeIndex); }
    if ("actor" in q) { state.actors = list(q.actor, actorIndex); }
    if (/^\d{1,6}$/.test(q.min || "")) { state.min = parseInt(q.min, 10); }
    if (q.unit === "week" || q.unit === "month" || q.unit === "year") { state.unit = q.unit; }
    var la = parseFloat(q.lat), ln = parseFloat(q.lon), z = parseFloat(q.zoom);
    if (isFinite(la) && isFinite(ln) && isFinite(z)) { state.view = [la, ln, Math.min(Math.max(z, 9), 18)]; }
  }

  function fillSelect(el, items, chosen) {
    el.textContent = "";
    items.forEach(function (it) {
      var o = document.createElement("option");
      o.value = it[0]; o.textContent = it[1]; o.selected = chosen.indexOf(it[0]) >= 0;
      el.appendChild(o);
    });
  }
  function chosen(el) { return Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; }); }

  function renderTexts() {
    document.documentElement.lang = state.lang;
    var title = $("title");
    if (!D.title) { title.textContent = tr("map_title"); document.title = tr("map_title"); }
    $("lang").textContent = state.lang === "en" ? "Español" : "English";
    $("lang").setAttribute("aria-label", tr("language"));
    $("filters-title").textContent = tr("filters");
    $("from-label").textContent = tr("publish_from");
    $("to-label").textContent = tr("publish_to");
    $("unit-label").textContent = tr("play_unit");
    $("step").textContent = tr("step");
    $("area-label").textContent = tr("filter_area");
    $("type-label").textContent = tr("filter_type");
    $("actor-label").textContent = tr("filter_actor");
    $("actor").title = tr("filter_actor_help");
    $("min-label").textContent = tr("filter_min_fatalities");
    $("min").title = tr("filter_min_fatalities_help");
    $("slider").setAttribute("aria-label", tr("window"));
    $("note").textContent = tr("legend_choro_note");
    $("credit").textContent = tr("render_credit") + " " + tr("attribution") + " " + tr("data_version", { version: D.version }) + ". " + tr("licence");
    $("offline").textContent = tr("publish_offline", { version: D.version }) + (kind === "embed" ? "" : " " + tr("publish_embed_note"));
    $("open-full").textContent = tr("publish_open_full");
    $("open-full").hidden = kind !== "embed";
    $("synthetic").textContent = tr("publish_synthetic");
    $("synthetic").hidden = !D.synthetic;
    fillSelect($("unit"), ["week", "month", "year"].map(function (u) { return [u, tr("unit_" + u)]; }), [state.unit]);
    fillSelect($("area"), T.areas.map(function (a) { return [a.id, a.label + (a.sector ? " (" + tr("sector") + ")" : "")]; }), state.areas);
    fillSelect($("type"), T.typeOrder.filter(function (k) { return T.types[k].present; }).map(function (k) { return [T.typeKeys[k], T.types[k].label[state.lang]]; }), state.types);
    fillSelect($("actor"), T.actors.map(function (a) { return [a.id, a.label[state.lang]]; }), state.actors);
  }

  function syncControls() {
    var length = state.to - state.from;
    $("from").value = iso(state.from); $("to").value = iso(state.to);
    $("from").min = $("to").min = iso(D.span[0]); $("from").max = $("to").max = iso(D.span[1]);
    $("slider").min = D.span[0]; $("slider").max = Math.max(D.span[0], D.span[1] - length); $("slider").value = state.from;
    $("min").value = state.min;
    $("play").textContent = timer ? tr("pause") : tr("play");
    $("play").setAttribute("aria-pressed", String(!!timer));
  }

  var timer = null, PLAY_DELAY_MS = 1200;
  function stepOnce() {
    var next = stepWindow([state.from, state.to], D.span, state.unit);
    if (!next) { stop(); return false; }
    state.from = next[0]; state.to = next[1];
    redraw();
    return true;
  }
  function stop() { if (timer) { clearInterval(timer); timer = null; } syncControls(); }
  function play() {
    if (timer) { stop(); return; }
    var w = playStart([state.from, state.to], D.span, state.unit);
    state.from = w[0]; state.to = w[1];
    timer = setInterval(stepOnce, PLAY_DELAY_MS);
    redraw();
  }

  $("play").addEventListener("click", play);
  $("step").addEventListener("click", function () { stop(); stepOnce(); });
  $("unit").addEventListener("change", function () { state.unit = this.value; redraw(); });
  $("slider").addEventListener("input", function () {
    var length = state.to - state.from;
    state.from = parseInt(this.value, 10); state.to = Math.min(D.span[1], state.from + length); redraw();
  });
  $("from").addEventListener("change", function () {
    var d = fromIso(this.value); if (d === null) { return; }
    state.from = Math.min(Math.max(d, D.span[0]), state.to); redraw();
  });
  $("to").addEventListener("change", function () {
    var d = fromIso(this.value); if (d === null) { return; }
    state.to = Math.max(Math.min(d, D.span[1]), state.from); redraw();
  });
  [["area", "areas"], ["type", "types"], ["actor", "actors"]].forEach(function (pair) {
    $(pair[0]).addEventListener("change", function () { state[pair[1]] = chosen(this); redraw(); });
  });
  $("min").addEventListener("change", function () { var v = parseInt(this.value, 10); state.min = isFinite(v) && v > 0 ? v : 0; redraw(); });
  $("lang").addEventListener("click", function () { state.lang = state.lang === "en" ? "es" : "en"; renderTexts(); redraw(); });
  map.on("moveend", function () { if (last && drawn.mode !== "clustered") { redraw(); } else { writeHash(); } });
  window.addEventListener("hashchange", function () {      // an address edited or followed in the same page
    state = startState();                                      // a followed link shows what it says, nothing left over
    readHash();
    if (state.view) { map.setView([state.view[0], state.view[1]], state.view[2], { animate: false }); }
    renderTexts();
    redraw();
  });

  // --- start ------------------------------------------------------------------------------------------------
  readHash();
  if (kind === "embed") { $("panel").open = false; }
  function fit() {
    if (state.view) { map.setView([state.view[0], state.view[1]], state.view[2], { animate: false }); }
    else { map.fitBounds(L.geoJSON(base.parishes).getBounds(), { animate: false }); }
  }
  fit();
  renderTexts();
  redraw();
  map.invalidateSize({ animate: false });      // the sentence and texts, now filled, may have changed the map's size
  fit();
  // For the tests and `territorio bench --publish`: the page's own numbers, read-only, and one step.
  window.territorioExplorer = {
    count: function () { return last.summary.incidents; },
    sentence: function () { return $("sentence").textContent; },
    standing: function (d) {
      var pick = function (h) { return [h.p.key, h.p.value, h.tentative, h.conflict]; };
      return { zones: holding(D.zones, d).map(pick), control: holding(D.control, d).map(pick) };
    },
    drawn: function () { return drawn; },
    step: stepOnce,
    set: function (values) { Object.keys(values).forEach(function (k) { state[k] = values[k]; }); renderTexts(); redraw(); },
    readyAt: performance.now()
  };
  document.documentElement.setAttribute("data-ready", "1");
})();
