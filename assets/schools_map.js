/* Map functions of the schools page (/schools), referenced from Python as {"variable": "hueSchoolsMap.…"}.
   Colours come from CSS classes in assets/schools.css; the Python side only names the class. */
window.hueSchoolsMap = {
  /* One school: a dot in its level's colour; a smart school is a star, so it differs by shape too. */
  schoolMarker: function (feature, latlng) {
    var p = feature.properties;
    var smart = p.smart === true;
    var icon = L.divIcon({
      className: "school-marker school-level-" + p.level_index + (smart ? " school-smart" : ""),
      html: smart ? "<span aria-hidden='true'>★</span>" : "",
      iconSize: smart ? [22, 22] : [14, 14],
    });
    return L.marker(latlng, { icon: icon, title: p.name, alt: p.name, keyboard: true, riseOnHover: true });
  },
  /* A group of nearby schools when zoomed out: a disc with the count. */
  clusterMarker: function (feature, latlng) {
    var count = feature.properties.point_count;
    var size = count < 10 ? 30 : count < 100 ? 38 : 46;
    var icon = L.divIcon({
      className: "school-cluster",
      html: "<span>" + count + "</span>",
      iconSize: L.point(size, size),
    });
    return L.marker(latlng, { icon: icon, title: String(count) });
  },
  /* District or commune shading: Python put each area in one of the legend's bins (CSS class). */
  areaStyle: function (feature) {
    return { className: "schools-area schools-bin-" + feature.properties.bin, weight: 1 };
  },
};
