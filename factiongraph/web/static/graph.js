// The network page: fetch the filtered graph from the API and draw it with cytoscape.
// Node size follows betweenness centrality; colour follows entity type or community.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape === "undefined") { return; }
  var TYPE_COLOURS = { armed_group: "#c0392b", person: "#2471a3", place: "#1e8449", country: "#1e8449",
    state_body: "#7d3c98", party: "#7d3c98", international_body: "#b9770e", media_outlet: "#5d6d7e" };
  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf"];
  function colour(node, by) {
    if (by === "community") { return PALETTE[node.community % PALETTE.length]; }
    return TYPE_COLOURS[node.type] || "#7f8c8d";
  }
  fetch(box.dataset.api, { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var maxB = Math.max.apply(null, data.nodes.map(function (n) { return n.betweenness; }).concat([0.0001]));
      var elements = [];
      data.nodes.forEach(function (n) {
        elements.push({ group: "nodes", data: { id: n.id, label: n.name, url: n.url, type: n.type,
          community: n.community, size: 14 + 46 * (n.betweenness / maxB), colour: colour(n, "type") } });
      });
      data.edges.forEach(function (e, i) {
        elements.push({ group: "edges", data: { id: "e" + i, source: e.source, target: e.target,
          label: e.predicates.join(", "), weight: Math.min(1 + e.evidence, 8) } });
      });
      var cy = cytoscape({
        container: box, elements: elements, wheelSensitivity: 0.3,
        style: [
          { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
            label: "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3 } },
          { selector: "edge", style: { width: "data(weight)", "line-color": "#b8c2d3", "curve-style": "bezier",
            opacity: 0.8 } },
          { selector: "edge:selected", style: { label: "data(label)", "font-size": 9, "line-color": "#2f5fb3" } }
        ],
        layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90 }
      });
      cy.on("tap", "node", function (evt) { window.location.assign(evt.target.data("url")); });
      box.dataset.ready = String(data.nodes.length);
      window.factiongraphCy = cy;
      var select = document.getElementById("colour-by");
      if (select) {
        select.addEventListener("change", function () {
          data.nodes.forEach(function (n) { cy.getElementById(n.id).data("colour", colour(n, select.value)); });
        });
      }
    })
    .catch(function (err) { box.textContent = "Could not load the graph: " + err; });
})();
