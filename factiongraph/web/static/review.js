// The review queue: send a judgement (or its undo) with the token the reviewer typed in.
(function () {
  "use strict";
  var status = document.getElementById("review-status");
  function send(method, url, body) {
    var token = document.getElementById("review-token").value;
    return fetch(url, { method: method, headers: { "Content-Type": "application/json",
      Authorization: "Bearer " + token }, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
      .then(function (res) {
        status.textContent = res.ok ? "Saved." : "Refused: " + res.json.error;
        if (res.ok) { window.location.reload(); }
      });
  }
  document.querySelectorAll("button.judge").forEach(function (b) {
    b.addEventListener("click", function () {
      send("POST", "/api/review/judgements", { left_id: b.dataset.left, right_id: b.dataset.right,
        verdict: b.dataset.verdict, reviewer: document.getElementById("review-name").value || "reviewer" });
    });
  });
  document.querySelectorAll("button.undo").forEach(function (b) {
    b.addEventListener("click", function () {
      send("DELETE", "/api/review/judgements/" + encodeURIComponent(b.dataset.judgement));
    });
  });
})();
