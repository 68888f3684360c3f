/* Map functions of the map explorer (/map), referenced from Python as {"variable": "hueMapExplorer.…"}.
   The area layer's hideout (callbacks/maps_explorer.py) carries each area's class, the palette and the
   hover labels, so a new indicator, month or class method restyles the map without resending outlines.
   The palettes match the legend swatches in assets/map_explorer.css. */
window.hueMapExplorer = {
  palettes: {
    "sequential": ["#f3ecf9", "#d9c6ec", "#b48fd6", "#8a5bb8", "#5b2a86"],
    /* around a target: brown on the wrong side, teal on the good side (never red/green: statuses) */
    "target-up": ["#8c510a", "#d8b365", "#f5f5f5", "#5ab4ac", "#01665e"],
    "target-down": ["#01665e", "#5ab4ac", "#f5f5f5", "#d8b365", "#8c510a"],
  },
  noData: "#d4d4d8",
  areaStyle: function (feature, context) {
    var h = (context && context.hideout) || {};
    var code = feature.properties.code;
    var cls = (h.classes || {})[code];
    var colours = window.hueMapExplorer.palettes[h.palette] || window.hueMapExplorer.palettes.sequential;
    var known = cls !== undefined && cls !== "none";
    var selected = h.selected === code;
    return {
      color: selected ? "#1f2430" : "#5b2a86",
      weight: selected ? 3 : feature.properties.level === "district" ? 1.4 : 0.7,
      dashArray: feature.properties.approximate ? "3 2" : null,
      fillColor: known ? colours[Number(cls)] : window.hueMapExplorer.noData,
      fillOpacity: known ? 0.8 : 0.6,
    };
  },
  /* Tooltip read when it opens, so it shows the current indicator and month. */
  areaTooltip: function (feature, layer, context) {
    layer.bindTooltip(function () {
      var h = (context && context.hideout) || {};
      return (h.labels || {})[feature.properties.code] || feature.properties.tooltip;
    }, { sticky: true });
  },
  /* A point of a layer: a small disc in the layer's colour, or a disc sized by its report count. */
  point: function (feature, latlng) {
    var p = feature.properties;
    var colours = { feedback: "#c8912b", schools: "#3b6fb6", sensors: "#17808a", crashes: "#1f2430",
                    visitors: "#b8487a" };
    var radius = p.count ? Math.min(3 + 0.5 * Math.sqrt(p.count), 12) : 5;
    var marker = L.circleMarker(latlng, {
      radius: radius, color: "#ffffff", weight: 1, fillColor: colours[p.kind] || "#5c6370", fillOpacity: 0.85,
      className: "map-point map-point-" + p.kind,
    });
    marker.bindTooltip(p.tooltip);
    return marker;
  },
};

/* Keep the URL in step with the view without re-rendering the page (a copied link reopens it). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  hueMapExplorer: {
    writeUrl: function (indicator, level, monthIndex, months, method, layers, area, center, zoom, state) {
      var lang = state && state.lang;
      var month = months && monthIndex !== null && monthIndex !== undefined ? months[monthIndex] : null;
      var params = new URLSearchParams();
      if (lang && lang !== "vi") { params.set("lang", lang); }
      if (indicator) { params.set("indicator", indicator); }
      if (level) { params.set("level", level); }
      if (month) { params.set("month", month); }
      if (method) { params.set("method", method); }
      if (layers && layers.length) { params.set("layers", layers.join(",")); }
      if (area) { params.set("area", area); }
      if (center) {
        var c = Array.isArray(center) ? center : [center.lat, center.lng];
        params.set("center", Number(c[0]).toFixed(4) + "," + Number(c[1]).toFixed(4));
      }
      if (zoom !== null && zoom !== undefined) { params.set("zoom", String(Math.round(zoom * 4) / 4)); }
      var query = params.toString();
      window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : ""));
      return query;
    },
  },
});
