/* dcc.Graph loads plotly.js from window._dashPlotlyJSURL, which the Dash renderer points at the full
   bundle (4.8 MB: maps, 3D, finance ...). Every figure here is a cartesian trace (bar, scatter, heatmap,
   box; tests/test_plotly_bundle.py keeps it so), so graphs load plotly.js's cartesian partial bundle of
   the same version instead (1.5 MB, assets/vendor/, not auto-loaded), which the browser fetches and
   parses in about a third of the time on a page's first view. */
(function () {
  var me = (document.currentScript && document.currentScript.src) || "";
  var url = me.replace(/plotly_bundle\.js.*$/, "vendor/plotly-cartesian-4.1.1.min.js");
  Object.defineProperty(window, "_dashPlotlyJSURL", {
    get: function () { return url; },
    set: function () { /* the renderer's full-bundle URL is not used */ },
    configurable: true
  });
})();
