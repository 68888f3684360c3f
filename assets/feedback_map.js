/* Map functions of the citizen-feedback page (/feedback), referenced from Python as
   {"variable": "hueFeedbackMap.…"}. The commune layer's hideout (callbacks/maps_feedback.py) carries
   each commune's colour bin and tooltip, so new filters restyle the map without resending outlines. */
window.hueFeedbackMap = {
  /* A commune: filled by its bin when zoomed out, an outline when zoomed in; the chosen one outlined. */
  communeStyle: function (feature, context) {
    var h = (context && context.hideout) || {};
    var code = feature.properties.code;
    var bin = (h.bins || {})[code];
    var filled = bin !== undefined && !h.outline;
    var selected = h.selected === code;
    return {
      color: selected ? "#1f2430" : "#8a7f99",
      weight: selected ? 3 : 0.6,
      fillColor: filled ? h.colours[bin] : "#ffffff",
      fillOpacity: filled ? 0.75 : h.outline ? 0 : 0.25,
    };
  },
  /* Tooltip read when it opens, so it always shows the current filters' figures. */
  communeTooltip: function (feature, layer, context) {
    layer.bindTooltip(function () {
      var h = (context && context.hideout) || {};
      var text = (h.labels || {})[feature.properties.code];
      return text || feature.properties.name + ": " + (h.none || "0");
    }, { sticky: true });
  },
  districtStyle: function () {
    return { color: "#5b2a86", weight: 1.6, opacity: 0.8, fill: false };
  },
  /* A ~100 m cell: a gold disc growing with its report count. */
  cell: function (feature, latlng) {
    var n = feature.properties.n;
    var marker = L.circleMarker(latlng, {
      radius: Math.min(3 + 1.2 * Math.sqrt(n), 14),
      color: "#38185a",
      weight: 1,
      fillColor: "#c8912b",
      fillOpacity: 0.8,
    });
    marker.bindTooltip(feature.properties.tooltip);
    return marker;
  },
};
