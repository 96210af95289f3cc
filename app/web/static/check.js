// Check page: refuse files over the limit before uploading; link the findings list and the text.
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  if (form) {
    var input = form.querySelector("input[type=file]");
    var msg = document.getElementById("draft-size-error");
    var max = parseInt(form.dataset.maxBytes, 10);
    var tooBig = function () { return input && input.files && input.files[0] && input.files[0].size > max; };
    var show = function () {
      if (tooBig()) { msg.textContent = form.dataset.tooLarge; msg.hidden = false; input.setAttribute("aria-invalid", "true"); input.setAttribute("aria-describedby", "draft-hint draft-size-error"); }
      else { msg.hidden = true; input.removeAttribute("aria-invalid"); input.setAttribute("aria-describedby", "draft-hint"); }
    };
    if (input) input.addEventListener("change", show);
    form.addEventListener("submit", function (e) { if (tooBig()) { e.preventDefault(); show(); input.focus(); } });
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.goto");
    if (!a) return;
    var id = a.getAttribute("data-finding");
    var mark = document.getElementById("m-" + id);
    if (!mark) return;
    e.preventDefault();
    if (mark.tagName !== "MARK") mark = mark.previousElementSibling || mark;
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    mark.focus({ preventScroll: true });
    mark.classList.remove("flash"); void mark.offsetWidth; mark.classList.add("flash");
  });
  // LanguageTool's findings arrive after ours (the page never waits for its server)
  var doc = document.getElementById("doc-text"), ltBox = document.getElementById("lt-findings");
  if (doc && ltBox && doc.dataset.languagetool && window.fetch) {
    fetch(doc.dataset.languagetool, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (res) {
        if (!res || !res.findings.length) return;
        var list = document.getElementById("lt-list");
        res.findings.forEach(function (f) {
          var li = document.createElement("li"); li.className = "finding sev-" + f.severity;
          var q = document.createElement("p"); q.className = "where"; q.textContent = ltBox.dataset.lineLabel + " " + f.line + (f.text ? " · «" + f.text.slice(0, 60) + "»" : "");
          var m = document.createElement("p"); m.className = "msg"; m.textContent = f.message;
          li.appendChild(q); li.appendChild(m);
          if (f.suggestions.length) { var s = document.createElement("p"); s.className = "sugg"; s.textContent = "→ " + f.suggestions.slice(0, 3).join(" · "); li.appendChild(s); }
          var id = document.createElement("p"); id.className = "rule-id"; id.textContent = f.rule; li.appendChild(id);
          list.appendChild(li);
        });
        document.getElementById("lt-count").textContent = res.findings.length;
        ltBox.hidden = false;
      })
      .catch(function () {});
  }
  document.addEventListener("focusin", function (e) {
    var m = e.target.closest && e.target.closest("mark[data-finding]");
    document.querySelectorAll(".finding.current").forEach(function (li) { li.classList.remove("current"); });
    if (!m) return;
    m.getAttribute("data-finding").split(" ").forEach(function (i) {
      var li = document.getElementById("f-" + i); if (li) li.classList.add("current");
    });
  });
})();
