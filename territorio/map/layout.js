/* Territorio: the map's layout and keyboard access, inside the map's frame (territorio.map.layout).
   Hand-written for this project (MIT); Leaflet 1.9 and Leaflet.markercluster 1.4 APIs.
   - the legend sits in the corner farthest from what the view is about, folded to a button on phones and
     whenever it would cover more than a fifth of the map (a reader's own fold or unfold wins);
   - popups fit the map (width and height capped, panned clear of the zoom buttons and the legend);
   - a cluster click zooms only as far as its points separate, and points on one place spread out;
   - Tab reaches the zoom buttons first, then the incidents and clusters (areas are not tab stops); Enter or
     Space opens a cluster or an incident's popup. */
(function (map, opts) {
  "use strict";
  var box = map.getContainer(), L_ = window.L;
  var userFolded = null;            // the reader's own choice, kept while the page lives

  // --- keyboard order and names ------------------------------------------------------------------
  var controls = box.querySelector(".leaflet-control-container");
  if (controls) { box.insertBefore(controls, box.firstChild); }   // zoom buttons before the map's panes
  box.setAttribute("aria-label", opts.text.map);

  function plain(html) { var d = document.createElement("div"); d.innerHTML = html || ""; return d.textContent; }

  function tooltipText(layer) {
    var tip = layer.getTooltip && layer.getTooltip();
    var content = tip && tip.getContent();
    var s = typeof content === "string" ? plain(content) : (content && content.textContent) || "";
    return s.replace(/\s+/g, " ").trim();
  }

  function prepare(layer) {
    var path = layer._path, icon = layer._icon;
    if (path) {
      var incident = layer.getPopup && layer.getPopup() && /\bincident|\bupload/.test(path.getAttribute("class"));
      if (incident) {
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-label", tooltipText(layer) || opts.text.incident);
      } else {
        path.setAttribute("tabindex", "-1");    // areas: hover names; the sidebar's filters choose them
      }
    } else if (icon && layer.getChildCount) {
      icon.setAttribute("role", "button");
      icon.setAttribute("aria-label", opts.text.cluster.replace("{n}", layer.getChildCount()));
    }
  }
  map.on("layeradd", function (e) { prepare(e.layer); });
  map.eachLayer(prepare);

  function openByKey(e) {
    if (e.key !== "Enter" && e.key !== " ") { return; }
    var layer = map._targets && map._targets[L_.Util.stamp(e.target)];
    if (!layer || layer === map) { return; }
    e.preventDefault();
    e.stopPropagation();
    var at = layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
    layer.fire("click", {latlng: at, layerPoint: map.latLngToLayerPoint(at),
                         containerPoint: map.latLngToContainerPoint(at), originalEvent: e}, true);
  }
  box.addEventListener("keydown", openByKey, true);

  // --- the legend --------------------------------------------------------------------------------
  var CORNERS = ["bl", "br", "tr", "tl"];

  function rectIn(el) {
    var r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
    return {left: r.left - b.left, top: r.top - b.top, right: r.right - b.left, bottom: r.bottom - b.top};
  }
  function overlap(a, b) { return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }

  function focusRects() {       // what the view is about: its highlights, else its middle and its incidents
    var s = map.getSize(), inside = function (r) {
      return r.right > r.left && r.bottom > r.top && r.right > 0 && r.bottom > 0 && r.left < s.x && r.top < s.y;
    };
    var marked = Array.prototype.map.call(box.querySelectorAll(".highlight"), rectIn).filter(inside);
    if (map.territorioFocus) {         // the chosen areas (FitToArea)
      var b = L_.latLngBounds(map.territorioFocus), nw = map.latLngToContainerPoint(b.getNorthWest()),
        se = map.latLngToContainerPoint(b.getSouthEast());
      marked.push({left: nw.x, top: nw.y, right: se.x, bottom: se.y});
    }
    if (marked.length) { return marked; }
    var points = Array.prototype.map.call(box.querySelectorAll(
      ".leaflet-incidents-pane path, .marker-cluster"), rectIn).filter(inside);
    return [{left: s.x * 0.3, top: s.y * 0.3, right: s.x * 0.7, bottom: s.y * 0.7}].concat(points.slice(0, 200));
  }

  function legendParts() {
    var legend = box.querySelector(".territorio-legend");
    return legend ? {legend: legend, details: legend.querySelector("details")} : null;
  }

  function setFold(parts, folded) {
    if (parts.details) { parts.details.open = !folded; }
  }

  function place() {
    var parts = legendParts();
    if (!parts) { return; }
    var size = map.getSize(), legend = parts.legend;
    setFold(parts, false);                       // measure it open
    var focus = focusRects(), chosen = null;
    for (var i = 0; i < CORNERS.length && !chosen; i++) {
      legend.setAttribute("data-corner", CORNERS[i]);
      var r = rectIn(legend);
      if (!focus.some(function (f) { return overlap(r, f); })) { chosen = CORNERS[i]; }
    }
    var open = rectIn(legend);
    var share = ((open.right - open.left) * (open.bottom - open.top)) / (size.x * size.y);
    var fold = userFolded !== null ? userFolded : (size.x < opts.phoneWidth || share > opts.maxShare || !chosen);
    legend.setAttribute("data-corner", chosen || "bl");
    var popup = map._popup;
    if (!fold && popup && popup._container && map.hasLayer(popup) &&
        overlap(rectIn(legend), rectIn(popup._container))) { fold = true; }    // the popup the reader opened
    setFold(parts, fold);
  }

  function watchToggle() {         // a click on the summary (or Enter / Space on it) is the reader's choice
    var parts = legendParts(), summary = parts && parts.legend.querySelector("summary");
    if (!summary || summary._territorioWatched) { return; }
    summary._territorioWatched = true;
    summary.addEventListener("click", function () { userFolded = parts.details.open; });
  }

  var pending = null;
  function placeSoon() {
    if (pending) { return; }
    pending = setTimeout(function () { pending = null; watchToggle(); place(); }, 60);
  }
  map.on("legendadd moveend zoomend resize overlayadd layeradd", placeSoon);
  placeSoon();

  // --- popups: inside the map, clear of the zoom buttons and the legend --------------------------------
  function clearOf(el) { return el ? rectIn(el) : null; }

  var clearTries = 0;
  function keepClear() {             // after any move: an open popup never lies under the zoom buttons
    var popup = map._popup, zoomEl = box.querySelector(".leaflet-control-zoom");
    if (!popup || !zoomEl || !popup._container || !map.hasLayer(popup) || clearTries >= 3) { return; }
    var z = rectIn(zoomEl), p = rectIn(popup._container);
    if (!overlap(z, p)) { return; }
    clearTries += 1;                 // Leaflet's own pan can be undone by a move in flight: a few tries, no loop
    var dx = Math.ceil(z.right) + 8 - p.left, dy = Math.ceil(z.bottom) + 8 - p.top;
    map.panBy(dx > 0 && (dy <= 0 || dx <= dy) ? [-dx, 0] : [0, -dy], {animate: false});
  }
  map.on("moveend", keepClear);

  map.on("popupopen", function (e) {
    clearTries = 0;
    var popup = e.popup, size = map.getSize(), o = popup.options;
    var zoom = clearOf(box.querySelector(".leaflet-control-zoom"));
    var top = zoom ? Math.ceil(zoom.bottom) + 8 : 12, left = zoom ? Math.ceil(zoom.right) + 8 : 12;
    o.autoPanPaddingTopLeft = L_.point(left, top);
    o.autoPanPaddingBottomRight = L_.point(12, 12);
    // the content's width; the popup's frame adds 45 px (Leaflet's margins and border)
    o.maxWidth = Math.max(140, Math.min(o.maxWidth || 300, size.x - left - 12 - 45));
    o.minWidth = Math.min(o.minWidth || 50, o.maxWidth);
    o.maxHeight = Math.max(120, size.y - top - 12 - 60);
    popup._autopanning = false;        // Leaflet skips the pan after its own first one: pan again, with these
    popup.update();
    if (map._animatingZoom) {          // a zoom's end resets the view, and the pan with it: pan once it is over
      map.once("zoomend", function () { if (map.hasLayer(popup)) { popup._autopanning = false; popup.update(); } });
    }
    var parts = legendParts();
    if (parts && parts.details && parts.details.open && popup._container &&
        overlap(rectIn(popup._container), rectIn(parts.legend))) {
      setFold(parts, true);                      // the popup is what the reader asked for
    }
    setTimeout(keepClear, 0);                    // when Leaflet made no move of its own
  });

  // --- clusters: zoom as far as the points separate; spread points that share a place ----------------
  function splitZoom(cluster) {
    var c = cluster, z = cluster._zoom;
    while (c._childClusters.length === 1 && c._markers.length === 0) { c = c._childClusters[0]; z += 1; }
    return {zoom: z + 1, cluster: c};
  }

  function focusOn(layer) {          // a keyboard reader goes on from the first incident the cluster held
    var el = layer && (layer._icon || layer._path);
    if (el && el.focus) { el.focus({preventScroll: true}); }
  }

  function onClusterClick(e) {
    var cluster = e.layer, group = this, found = splitZoom(cluster), keyed = e.originalEvent &&
      e.originalEvent.type === "keydown", first = cluster.getAllChildMarkers()[0];
    if (found.zoom > map.getMaxZoom()) {         // they share one place: spread them where they are
      if (keyed) { group.once("spiderfied", function () { focusOn(first); }); }
      cluster.spiderfy();
      return;
    }
    if (keyed) { map.once("moveend", function () { setTimeout(function () { focusOn(group.getVisibleParent(first)); }, 350); }); }
    var pad = L_.point(48, 48);
    map.fitBounds(found.cluster.getBounds(), {paddingTopLeft: pad, paddingBottomRight: pad,
                                             maxZoom: Math.max(found.zoom, map.getZoom() + 1)});
  }

  if (L_.MarkerClusterGroup) {
    L_.MarkerClusterGroup.addInitHook(function () {
      this.options.zoomToBoundsOnClick = false;    // both handled here (their own handler zooms to 17)
      this.options.spiderfyOnMaxZoom = false;
      this.on("clusterclick", onClusterClick, this);
    });
  }
})(__MAP__, __OPTIONS__);
