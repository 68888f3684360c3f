/* Lazy sections (pages/_parts.lazy, callbacks/lazy.py): a section below the fold asks for its data and
   draws its charts only when it comes near the viewport, as Grafana does for panels. A long page
   (feedback: eleven charts, a map, two tables) then draws what the reader sees first instead of every
   chart before the first. Each marked element names the store to set true once it has been near.

   Watching starts once the page's first answers have been drawn (nothing marked as loading for a
   moment): before that the cards above are still empty, and every section would look near the top.

   A filter change draws the page anew from its URL. Sections the reader has already seen on this page
   are drawn again at once, so the page keeps its length and the reader's place (a commune clicked on
   the map leaves the map in view), instead of collapsing to empty sections below the fold. */
(function () {
  var MARGIN = "0px 0px 200px 0px";
  var LONGEST_WAIT_MS = 3000;
  var QUIET_CHECKS = 3;
  var watched = new WeakSet();
  var waiting = [];
  var firstSeen = 0;
  // The sections seen on the page at this path; forgotten when the reader goes to another page.
  var seenHere = new Set();
  var seenPath = window.location.pathname;

  function markSeen(element) {
    var store = element.getAttribute("data-lazy-store");
    seenHere.add(store);
    var clientside = window.dash_clientside;
    if (clientside && clientside.set_props) {
      clientside.set_props(store, { data: true });
    }
  }

  var observer = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          observer.unobserve(entry.target);
          markSeen(entry.target);
        });
      }, { rootMargin: MARGIN })
    : null;

  function pageDrawn() {
    return !document.querySelector('._dash-loading, [data-dash-is-loading="true"]');
  }

  // Callbacks arrive in waves (the page, its state, its cards) with short gaps between them: the page
  // counts as drawn once nothing has been loading for QUIET_CHECKS checks in a row.
  var quietChecks = 0;
  function startWatching() {
    if (!waiting.length) return;
    quietChecks = pageDrawn() ? quietChecks + 1 : 0;
    if (quietChecks < QUIET_CHECKS && performance.now() - firstSeen < LONGEST_WAIT_MS) {
      window.setTimeout(startWatching, 100);
      return;
    }
    quietChecks = 0;
    waiting.splice(0).forEach(function (element) {
      if (observer) observer.observe(element); else markSeen(element);
    });
  }

  var pending = false;
  function findNew() {
    pending = false;
    if (window.location.pathname !== seenPath) {
      seenHere = new Set();
      seenPath = window.location.pathname;
    }
    var found = false;
    document.querySelectorAll("[data-lazy-store]").forEach(function (element) {
      if (watched.has(element)) return;
      watched.add(element);
      if (seenHere.has(element.getAttribute("data-lazy-store"))) {
        markSeen(element);  // the same page drawn anew: keep what the reader had
        return;
      }
      waiting.push(element);
      found = true;
    });
    if (found) {
      firstSeen = performance.now();
      window.setTimeout(startWatching, 100);
    }
  }

  // Pages are swapped in by Dash without a reload: look for new sections once per frame of DOM changes.
  new MutationObserver(function () {
    if (!pending) { pending = true; window.requestAnimationFrame(findNew); }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
