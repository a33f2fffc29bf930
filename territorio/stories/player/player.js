/* Territorio offline story player. Hand-written for this project (MIT); uses only Leaflet's public API.
   Every text from the data is set with textContent; the sources list is the one HTML fragment, built and
   escaped by the exporter (http/https links only). */
(function () {
  "use strict";
  var story = JSON.parse(document.getElementById("story-data").textContent);
  var base = story.base, text = story.text, keys = story.keys;
  var $ = function (id) { return document.getElementById(id); };
  var CAPTION_MAX = 30, CAPTION_MIN = 20;     // px
  var current = -1, notesWindow = null;

  function textNode(s) { var el = document.createElement("div"); el.textContent = s; return el; }

  var map = L.map("map", {
    keyboard: false, zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 9, maxZoom: 18,
    maxBounds: base.maxBounds, attributionControl: true
  });
  window.storyMap = map;
  map.getContainer().style.background = base.style.background;
  map.attributionControl.setPrefix("Leaflet").addAttribution(text.attribution);
  map.createPane("outlines").style.zIndex = 420;
  map.createPane("incidents").style.zIndex = 450;
  map.getPane("outlines").style.pointerEvents = "none";

  L.geoJSON(base.parishes, {
    style: function () { return withClass(L.extend({}, base.style.parish), "parish"); },
    onEachFeature: function (f, layer) {
      layer.bindTooltip(textNode(f.properties.name + " · " + f.properties.municipality), { sticky: true });
    }
  }).addTo(map);
  L.geoJSON(base.municipalities, { style: function () { return base.style.municipality; }, pane: "outlines", interactive: false }).addTo(map);

  var sceneLayer = L.layerGroup().addTo(map);
  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () { this._div = this._div || L.DomUtil.create("div", "legend"); return this._div; };
  legend.addTo(map);

  function withClass(options, cls) { options.className = cls; return options; }

  function drawAreas(collection, styleOf, cls, tooltip) {
    if (!collection || !collection.features.length) { return; }
    L.geoJSON(collection, {
      style: function (f) { return withClass(styleOf(f.properties), cls); },
      onEachFeature: function (f, layer) { if (tooltip) { layer.bindTooltip(textNode(tooltip(f.properties)), { sticky: true }); } }
    }).addTo(sceneLayer);
  }

  function drawIncidents(collection) {
    if (!collection) { return; }
    collection.features.forEach(function (f) {
      var p = f.properties, c = f.geometry.coordinates;
      var marker = L.circleMarker([c[1], c[0]], {
        radius: p.radius, color: p.unknown ? p.color : "#222222", weight: p.unknown ? 3 : 1.5,
        fillColor: p.color, fillOpacity: p.unknown ? 0.1 : 0.85, pane: "incidents", className: "incident"
      });
      var box = document.createElement("div");
      [p.title, p.when + " · " + p.type, p.toll].forEach(function (line, k) {
        var row = document.createElement(k ? "div" : "b"); row.textContent = line; box.appendChild(row);
      });
      marker.bindTooltip(box).addTo(sceneLayer);
    });
  }

  function drawLegend(items) {
    var div = legend._div;
    div.textContent = "";
    var h = document.createElement("h3"); h.textContent = text.legend; div.appendChild(h);
    items.forEach(function (it) {
      var row = document.createElement("div"), sw = document.createElement("i"), label = document.createElement("span");
      sw.className = it.kind;
      if (it.kind === "line" || it.kind === "dashed") { sw.style.borderTopColor = it.color; } else { sw.style.background = it.color; }
      label.textContent = it.label;
      row.appendChild(sw); row.appendChild(label); div.appendChild(row);
    });
  }

  function drawScene(s) {
    sceneLayer.clearLayers();
    drawAreas(s.choropleth, function (p) {
      return p.color ? { color: "#7a7a7a", weight: 1, fillColor: p.color, fillOpacity: 0.75 } : { color: "#7a7a7a", weight: 1, fillOpacity: 0 };
    }, "choropleth", function (p) { return p.name + " · " + p.label; });
    drawAreas(s.control, function (p) {
      return { color: p.color, weight: 1, fillColor: p.color, fillOpacity: p.opacity };
    }, "control", function (p) { return p.label; });
    drawAreas(s.zones, function (p) {
      return { color: p.color, weight: 2.5, dashArray: p.dashed ? "6 4" : null, fillColor: p.color, fillOpacity: 0.25 };
    }, "zone", function (p) { return p.label; });
    if (s.sectors) {
      drawAreas(base.sectors, function () { return base.style.sector; }, "sector", function (p) { return p.name; });
    }
    drawIncidents(s.incidents);
    drawAreas(s.highlightAreas, function () { return L.extend({ pane: "outlines" }, base.style.highlight); }, "highlight");
    s.highlightPoints.forEach(function (pt) {
      L.circleMarker(pt, { radius: 22, color: "#000000", weight: 4, fill: false, pane: "incidents", interactive: false, className: "highlight" }).addTo(sceneLayer);
    });
    drawLegend(s.legend);
    map.setView([s.view.lat, s.view.lon], s.view.zoom, { animate: false });
    placeLegend();
  }

  // The legend goes to the first corner where it hides nothing the scene highlights.
  function placeLegend() {
    var corners = ["bottomleft", "bottomright", "topright"];
    var marks = Array.prototype.map.call(document.querySelectorAll("#map .highlight"), function (el) {
      return el.getBoundingClientRect();
    });
    var clear = function (r) {
      return !marks.some(function (m) { return r.left < m.right && m.left < r.right && r.top < m.bottom && m.top < r.bottom; });
    };
    for (var k = 0; k < corners.length; k++) {
      legend.setPosition(corners[k]);
      if (clear(legend._div.getBoundingClientRect())) { return; }
    }
    legend.setPosition(corners[0]);
  }

  function setText(id, value) { var el = $(id); el.textContent = value || ""; el.hidden = !value; }

  function show(i) {
    if (i < 0 || i >= story.scenes.length || i === current) { return; }
    current = i;
    var s = story.scenes[i];
    $("counter").textContent = text.counter.replace("{n}", i + 1).replace("{total}", story.scenes.length);
    $("caption").textContent = s.caption;
    setText("outside", s.outside);
    $("window").textContent = s.window;
    setText("not-mapped", s.notMapped);
    var count = s.sourcesHtml ? (s.sourcesHtml.match(/<li>/g) || []).length : 0;
    $("sources-title").textContent = count ? text.sources_count.replace("{n}", count) : text.brief_no_sources;
    if (s.sourcesHtml) { $("sources-list").innerHTML = s.sourcesHtml; } else { $("sources-list").textContent = ""; }
    $("prev").disabled = i === 0;
    $("next").disabled = i === story.scenes.length - 1;
    drawScene(s);
    fitCaption();
    writeNotes();
    if (history.replaceState) { history.replaceState(null, "", "#" + (i + 1)); }
  }

  // The caption's type steps down until the side panel needs no scrolling (a clicker cannot scroll).
  function fitCaption() {
    var side = $("side"), caption = $("caption"), size = CAPTION_MAX;
    caption.style.fontSize = "";
    if (window.innerWidth <= 700) { return; }       // a phone scrolls; its type is set by the stylesheet
    caption.style.fontSize = size + "px";
    var end = $("sources"), bottom = function () { return side.getBoundingClientRect().bottom; };
    while (size > CAPTION_MIN && end.getBoundingClientRect().bottom > bottom()) {
      size -= 1;
      caption.style.fontSize = size + "px";
    }
  }

  // Speaker notes live in their own window (the presenter's screen), never in the room's view.
  function writeNotes() {
    if (!notesWindow || notesWindow.closed) { return; }
    var d = notesWindow.document, s = story.scenes[current], next = story.scenes[current + 1];
    d.title = text.brief_notes_title + " · " + story.title;
    d.body.textContent = "";
    d.body.style.cssText = "font-family: system-ui, sans-serif; margin: 16px 22px; color: #111;";
    [["h1", text.counter.replace("{n}", current + 1).replace("{total}", story.scenes.length), "22px"],
     ["p", s.caption, "20px"], ["h2", text.brief_notes_title, "22px"], ["p", s.notes || text.brief_no_notes, "28px"],
     ["p", next ? text.next_up.replace("{caption}", next.caption) : text.last_scene, "18px"],
     ["p", text.brief_keys, "15px"]].forEach(function (part) {
      var el = d.createElement(part[0]);
      el.textContent = part[1];
      el.style.fontSize = part[2];
      d.body.appendChild(el);
    });
  }

  function openNotes() {
    notesWindow = window.open("", "territorio-notes", "width=760,height=620");
    if (!notesWindow) { return; }
    notesWindow.document.documentElement.lang = story.lang;
    notesWindow.document.addEventListener("keydown", onKey);     // the clicker works from either window
    writeNotes();
  }

  function step(delta) { show(Math.min(Math.max(current + delta, 0), story.scenes.length - 1)); }

  $("prev").textContent = text.brief_prev;
  $("next").textContent = text.brief_next;
  $("notes-toggle").textContent = text.brief_notes_title + " \u2197";
  $("notes-toggle").title = text.notes_window;
  $("keys").textContent = text.brief_keys;
  $("offline").textContent = text.offline;
  $("prev").addEventListener("click", function () { step(-1); });
  $("next").addEventListener("click", function () { step(1); });
  $("notes-toggle").addEventListener("click", openNotes);
  function onKey(e) {
    var action = keys[e.key];
    if (!action || e.altKey || e.ctrlKey || e.metaKey) { return; }
    e.preventDefault();
    if (e.repeat) { return; }
    if (action === "sources") { $("sources").open = !$("sources").open; fitCaption(); return; }
    step(action === "next" ? 1 : -1);
  }
  document.addEventListener("keydown", onKey);
  window.addEventListener("resize", fitCaption);

  var start = parseInt((location.hash || "#1").slice(1), 10);
  show(isNaN(start) ? 0 : Math.min(Math.max(start - 1, 0), story.scenes.length - 1));
})();
