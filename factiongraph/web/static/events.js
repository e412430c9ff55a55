// The events page: a Leaflet map drawn over country boundaries from the world-atlas package
// (no tiles from the internet), one marker per located event; a click opens the event.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || typeof L === "undefined" || typeof topojson === "undefined") { return; }
  var map = L.map(box, { worldCopyJump: true, attributionControl: false }).setView([33.3, 44.4], 5);
  fetch("/vendor/countries-50m.json").then(function (r) { return r.json(); }).then(function (world) {
    L.geoJSON(topojson.feature(world, world.objects.countries), {
      style: { color: "#7a8699", weight: 1, fillColor: "#f4f1e8", fillOpacity: 1 }
    }).addTo(map).bringToBack();
  });
  var url = box.dataset.api + (box.dataset.api.indexOf("?") >= 0 ? "&" : "?") + "limit=500";
  fetch(url, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }).then(function (data) {
    var bounds = [];
    data.items.forEach(function (e) {
      if (e.lat === null || e.lon === null) { return; }
      var marker = L.circleMarker([e.lat, e.lon], { radius: 6 + Math.min(e.sources, 6), color: "#b03a2e",
        fillColor: "#e74c3c", fillOpacity: 0.7, weight: 1 }).addTo(map);
      // Built from DOM nodes and textContent: names and labels are never parsed as HTML.
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = e.url;
      link.textContent = e.label;
      var when = document.createElement("div");
      when.textContent = (e.date_start || "date unknown") + (e.location_name ? " · " + e.location_name : "");
      popup.appendChild(link);
      popup.appendChild(when);
      marker.bindPopup(popup);
      marker.on("dblclick", function () { window.location.assign(e.url); });
      bounds.push([e.lat, e.lon]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [40, 40], maxZoom: 6 }); }
    box.dataset.ready = String(bounds.length);
  });
})();
