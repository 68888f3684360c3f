/* Map functions of the traffic page (/traffic), referenced from Python as {"variable": "hueTrafficMap.…"}.
   Colours come from CSS classes in assets/traffic.css; the Python side (callbacks/maps_traffic.py) only
   names the class. Marks differ by size and shape as well as colour. */
window.hueTrafficMap = {
  /* A sensor: a square in its congestion level's colour; the one whose profile is shown is ringed. */
  sensorMarker: function (feature, latlng, context) {
    var p = feature.properties;
    var selected = context && context.hideout && context.hideout.selected === p.sensor_id;
    var icon = L.divIcon({
      className: "traffic-sensor traffic-level-" + p.level + (selected ? " traffic-sensor-selected" : ""),
      iconSize: selected ? [22, 22] : [16, 16],
    });
    return L.marker(latlng, { icon: icon, title: p.sensor_id, alt: p.sensor_id, keyboard: true,
                              riseOnHover: true, zIndexOffset: selected ? 1000 : 500 });
  },
  /* A crash: a disc growing with its severity (0 minor … 3 extremely serious; -1 unknown). */
  crashMarker: function (feature, latlng) {
    var level = feature.properties.severity;
    var size = [10, 12, 15, 18][level] || 10;
    var icon = L.divIcon({ className: "traffic-crash traffic-severity-" + level, iconSize: [size, size] });
    return L.marker(latlng, { icon: icon, keyboard: false });
  },
  /* Nearby crashes when zoomed out: a disc with their count. */
  crashCluster: function (feature, latlng) {
    var count = feature.properties.point_count;
    var size = count < 10 ? 28 : count < 50 ? 34 : 42;
    var icon = L.divIcon({ className: "traffic-cluster", html: "<span>" + count + "</span>",
                           iconSize: L.point(size, size) });
    return L.marker(latlng, { icon: icon, title: String(count) });
  },
  /* A hotspot cell: filled by its bin (CSS class). */
  hotspotStyle: function (feature) {
    return { className: "traffic-hotspot traffic-hotspot-" + feature.properties.bin, weight: 1 };
  },
  corridorStyle: function () {
    return { className: "traffic-corridor", weight: 5, opacity: 0.7 };
  },
  districtStyle: function () {
    return { color: "#5b2a86", weight: 1.2, opacity: 0.6, fill: true, fillColor: "#ffffff", fillOpacity: 0.35 };
  },
};
