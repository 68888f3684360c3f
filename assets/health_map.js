/* Map functions of the health-records page (/health), used by dash-leaflet's GeoJSON layer.
   Colours and tooltips arrive in the layer's hideout (callbacks/maps_health.py), so a change of month or
   measure restyles the outlines without sending them again. */
window.hueHealthMap = {
  style: function (feature, context) {
    var hideout = (context && context.hideout) || {};
    var code = feature.properties.code;
    var selected = code === hideout.selected;
    return {
      fillColor: (hideout.fills || {})[code] || hideout.noData || "#dee2e6",
      fillOpacity: 0.85,
      color: selected ? "#1f2430" : "#ffffff",
      weight: selected ? 3 : 1,
    };
  },
  hover: function () {
    return { weight: 3, color: "#c8912b" };
  },
  bindTooltip: function (feature, layer, context) {
    var hideout = (context && context.hideout) || {};
    var tip = (hideout.tips || {})[feature.properties.code];
    if (tip) {
      layer.bindTooltip(tip, { sticky: true });
    }
  },
};
