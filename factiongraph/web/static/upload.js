// The upload page: read the chosen file (or take the URL) and post it with the token the user
// typed in; on success open the page that lists what was extracted. Text goes in with textContent.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  var status = document.getElementById("upload-status");
  var problems = document.getElementById("upload-problems");
  function say(text, lines) {
    status.textContent = text;
    problems.replaceChildren();
    (lines || []).forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      problems.appendChild(li);
    });
  }
  function post(body) {
    say("Ingesting…");
    return fetch("/api/documents", { method: "POST", headers: { "Content-Type": "application/json",
      Authorization: "Bearer " + document.getElementById("upload-token").value }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
      .then(function (res) {
        if (!res.ok) { say("Refused: " + res.json.error); return; }
        if (res.json.result_url && res.json.result_url.indexOf("/upload/") === 0) {
          window.location.assign(res.json.result_url + (res.json.stored ? "" : "?already=1"));
          return;
        }
        say("Not stored.", res.json.rejections);
      })
      .catch(function (err) { say("Failed: " + err); });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = document.getElementById("upload-file").files[0];
    var url = document.getElementById("upload-url").value.trim();
    if (file && url) { say("Choose a file or a URL, not both."); return; }
    if (url) { post({ url: url }); return; }
    if (!file) { say("Choose a file or give a URL."); return; }
    var reader = new FileReader();
    reader.onload = function () {
      var html = /\.html?$/i.test(file.name);
      post({ text: String(reader.result), filename: file.name.replace(/[^\w .,()'-]/g, "_"),
             media_type: html ? "text/html" : "text/plain" });
    };
    reader.onerror = function () { say("Cannot read " + file.name); };
    reader.readAsText(file);
  });
})();
