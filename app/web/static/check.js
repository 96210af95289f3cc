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

// The editor (issue 14): the draft edited in place, fixes applied with a click, the checks run again,
// the corrected file downloaded. The text is kept in sessionStorage: a reload loses nothing.
(function () {
  "use strict";
  var box = document.getElementById("doc-edit");
  if (!box || !window.fetch) return;
  var $ = function (id) { return document.getElementById(id); };
  var L = box.dataset, ta = $("editor-text"), csrf = (document.querySelector("meta[name=csrf-token]") || {}).content || "";
  var original = ta.value, key = L.key, findings = [], undoStack = [], timer = null, run = 0, typed = false;
  var state = { ignored: [], rules_off: [] }, serverSummary = null;
  function load() { try { return JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { return null; } }
  function store() {
    try { sessionStorage.setItem(key, JSON.stringify({ text: ta.value, ignored: state.ignored, rules_off: state.rules_off, editing: true })); } catch (e) {}
  }
  function say(t) { var r = $("live-announce"); if (!r) return; r.textContent = ""; setTimeout(function () { r.textContent = t; }, 30); }
  function status(t) { $("edit-status").textContent = t || ""; }
  function button(text, cls, fn, title) {
    var b = document.createElement("button"); b.type = "button"; b.className = "btn btn-small " + (cls || "");
    b.textContent = text; if (title) b.title = title; b.addEventListener("click", fn); return b;
  }
  function visible(f) { return state.ignored.indexOf(f.id) < 0 && state.rules_off.indexOf(f.rule) < 0; }
  function actions(f) {
    var d = document.createElement("div"); d.className = "finding-actions";
    (f.suggestions || []).slice(0, 3).forEach(function (sg) {
      if (f.end <= f.start && sg === "") return;
      var t = sg === "" ? L.remove + " «" + f.text + "»" : L.apply + " «" + (sg.length > 60 ? sg.slice(0, 57) + "…" : sg) + "»";
      d.appendChild(button(t, "btn-apply", function () { apply(f, sg); }));
    });
    d.appendChild(button(L.ignore, "btn-quiet btn-ignore", function () { state.ignored.push(f.id); store(); show(); say(L.ignored); }));
    d.appendChild(button(L.ruleoff, "btn-quiet btn-ruleoff", function () { state.rules_off.push(f.rule); store(); show(); say(L.ruleoffDone + " " + f.rule); }, f.rule));
    if (/^spelling\./.test(f.rule) && f.text) d.appendChild(button(L.adddict + " «" + f.text + "»", "btn-quiet btn-dict", function () { addWord(f.text); }));
    return d;
  }
  function select(a, b) { ta.focus(); try { ta.setSelectionRange(a, b); } catch (e) {} }
  function apply(f, sg) {
    var v = ta.value;
    if (v.slice(f.start, f.end) !== f.text) { say(L.stale); check(); return false; }
    undoStack.push({ value: v, a: f.start, b: f.end });
    ta.value = v.slice(0, f.start) + sg + v.slice(f.end);
    select(f.start, f.start + sg.length);
    $("undo-btn").disabled = false; say(L.applied); changed(true);
    return true;
  }
  function fixAll() {
    var v = ta.value, last = Infinity, before = v;
    findings.filter(function (f) { return f.safe && visible(f); }).sort(function (x, y) { return y.start - x.start || y.end - x.end; })
      .forEach(function (f) { if (f.end <= last && v.slice(f.start, f.end) === f.text) { v = v.slice(0, f.start) + f.fix + v.slice(f.end); last = f.start; } });
    if (v === before) return;
    undoStack.push({ value: before }); ta.value = v; $("undo-btn").disabled = false; say(L.applied); changed(true);
  }
  function undo() {
    var u = undoStack.pop(); if (!u) return false;
    ta.value = u.value; if (u.a != null) select(u.a, u.b);
    $("undo-btn").disabled = !undoStack.length; say(L.undone); changed(true);
    return true;
  }
  function addWord(w) {
    var fd = new FormData(); fd.append("word", w); fd.append("csrf_token", csrf);
    fetch(L.dictionary, { method: "POST", body: fd, headers: { "X-CSRFToken": csrf, "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); }).then(function (j) { say(j.message || j.error); status(j.message || j.error); check(); });
  }
  // ----- underlines: an overlay mirrors the textarea (same font, padding, wrapping and scroll) -----
  var ov = document.createElement("div"); ov.className = "overlay"; ov.setAttribute("aria-hidden", "true");
  ta.parentNode.insertBefore(ov, ta);
  var COPY = ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "paddingTop", "paddingRight", "paddingBottom",
              "paddingLeft", "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "boxSizing", "wordSpacing", "tabSize"];
  function place() {
    var cs = getComputedStyle(ta);
    COPY.forEach(function (k) { ov.style[k] = cs[k]; });
    ov.style.borderStyle = "solid"; ov.style.borderColor = "transparent"; ov.style.whiteSpace = "pre-wrap";
    ov.style.top = ta.offsetTop + "px"; ov.style.left = ta.offsetLeft + "px"; ov.style.width = ta.offsetWidth + "px"; ov.style.height = ta.offsetHeight + "px";
    var sb = ta.offsetWidth - ta.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
    if (sb > 0) ov.style.paddingRight = (parseFloat(cs.paddingRight) + sb) + "px";
  }
  function draw(list) {
    place();
    var v = ta.value, pos = 0; ov.innerHTML = "";
    list.filter(function (f) { return f.end > f.start; }).sort(function (a, b) { return a.start - b.start; }).forEach(function (f) {
      if (f.start < pos || f.end > v.length) return;
      ov.appendChild(document.createTextNode(v.slice(pos, f.start)));
      var m = document.createElement("mark"); m.className = "ul sev-" + f.severity; m.textContent = v.slice(f.start, f.end);
      m.dataset.idx = findings.indexOf(f); ov.appendChild(m); pos = f.end;
    });
    ov.appendChild(document.createTextNode(v.slice(pos) + "\n"));
    ov.scrollTop = ta.scrollTop;
  }
  ta.addEventListener("scroll", function () { ov.scrollTop = ta.scrollTop; });
  var card = document.createElement("div"); card.className = "ul-card"; card.id = "ul-card"; card.hidden = true;
  card.setAttribute("role", "dialog"); card.setAttribute("aria-label", L.info);
  ta.parentNode.appendChild(card);
  var cardFor = null;
  function showCard(f) {
    if (cardFor === f && !card.hidden) return;
    cardFor = f; card.innerHTML = "";
    var p = document.createElement("p"); p.className = "msg";
    var s = document.createElement("span"); s.className = "sev sev-" + f.severity; s.textContent = L[f.severity] || f.severity;
    p.appendChild(s); p.appendChild(document.createTextNode(" " + f.message)); card.appendChild(p); card.appendChild(actions(f));
    var m = ov.querySelector('mark.ul[data-idx="' + findings.indexOf(f) + '"]'), wrap = ta.parentNode.getBoundingClientRect();
    card.style.top = (m ? Math.min(m.getBoundingClientRect().bottom, wrap.bottom) - wrap.top + 4 : 0) + "px";
    card.hidden = false;
  }
  function hideCard() { card.hidden = true; cardFor = null; }
  function at(c) { return findings.filter(function (f) { return visible(f) && f.end > f.start && c >= f.start && c <= f.end; })[0]; }
  ta.addEventListener("mousemove", function (e) {
    var hit = null;
    ov.querySelectorAll("mark.ul").forEach(function (m) {
      Array.prototype.forEach.call(m.getClientRects(), function (r) { if (e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top - 2 && e.clientY <= r.bottom + 2) hit = m; });
    });
    if (hit) showCard(findings[+hit.dataset.idx]);
  });
  function caret() { var f = at(ta.selectionStart); if (f) showCard(f); else hideCard(); }
  ta.addEventListener("keyup", function (e) { if (e.key !== "Escape") caret(); });
  ta.addEventListener("click", caret);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !card.hidden) { hideCard(); ta.focus(); }
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key && e.key.toLowerCase() === "z" && undoStack.length && !typed &&
        !box.hidden && (document.activeElement === ta || !/^(INPUT|TEXTAREA)$/.test((document.activeElement || {}).tagName))) {
      e.preventDefault(); undo();
    }
  });
  // ----- the list -----
  function show() {
    var list = $("edit-list"); list.innerHTML = "";
    var shown = findings.filter(visible), sum = { error: 0, warning: 0, info: 0 };
    shown.forEach(function (f) {
      sum[f.severity]++;
      var li = document.createElement("li"); li.className = "finding sev-" + f.severity; li.dataset.rule = f.rule;
      var a = document.createElement("a"); a.href = "#editor-text"; a.className = "edit-goto";
      var sev = document.createElement("span"); sev.className = "sev sev-" + f.severity; sev.textContent = L[f.severity] || f.severity;
      var w = document.createElement("span"); w.className = "where"; w.textContent = " " + L.line + " " + f.line + (f.text ? " · «" + (f.text.length > 60 ? f.text.slice(0, 57) + "…" : f.text) + "»" : "");
      a.appendChild(sev); a.appendChild(w);
      a.addEventListener("click", function (e) { e.preventDefault(); select(f.start, f.end); if (f.end > f.start) showCard(f); });
      var m = document.createElement("p"); m.className = "msg"; m.textContent = f.message;
      li.appendChild(a); li.appendChild(m);
      if (f.suggestions && f.suggestions.filter(Boolean).length) {
        var s = document.createElement("p"); s.className = "sugg"; s.textContent = "→ " + f.suggestions.filter(Boolean).slice(0, 3).join(" · "); li.appendChild(s);
      }
      li.appendChild(actions(f));
      var id = document.createElement("p"); id.className = "rule-id"; id.textContent = f.rule; li.appendChild(id);
      list.appendChild(li);
    });
    var safe = shown.filter(function (f) { return f.safe; }).length;
    $("fix-all").hidden = !safe; $("fix-all").textContent = L.fixall + " (" + safe + ")";
    $("edit-ok").hidden = shown.length > 0;
    var st = serverSummary && serverSummary.counts, same = st && st.error === sum.error && st.warning === sum.warning && st.info === sum.info;
    // the server words the counts with the UI language's plural forms; after an ignore: "error: 3"
    $("edit-summary").textContent = ["error", "warning", "info"].map(function (k) { return same ? serverSummary.text[k] : L[k] + ": " + sum[k]; }).join(" · ");
    draw(shown);
  }
  function check() {
    var me = ++run, fd = new FormData(), started = performance.now();
    fd.append("text", ta.value); fd.append("csrf_token", csrf);
    fetch(L.live, { method: "POST", body: fd, headers: { "X-CSRFToken": csrf, "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (me !== run) return;
        if (res.error) { status(res.error); return; }
        if (res.text != null && res.text !== ta.value) {  // the DOCX cannot hold this change: show what it holds
          ta.value = res.text; store(); status(L.skipped + " " + res.skipped.join("; "));
        } else status(res.notice || "");
        findings = res.findings; serverSummary = { counts: res.summary, text: res.summary_text }; show();
        window.__pressroomCheckMs = performance.now() - started;
      })
      .catch(function () {});
  }
  function changed(now) {
    store(); clearTimeout(timer);
    ov.innerHTML = "";
    if (now) check(); else timer = setTimeout(check, 500);
  }
  ta.addEventListener("input", function () { typed = true; undoStack = []; $("undo-btn").disabled = true; changed(false); });
  ta.addEventListener("keydown", function (e) { if (!(e.ctrlKey || e.metaKey)) typed = false; });
  $("undo-btn").addEventListener("click", undo);
  $("fix-all").addEventListener("click", fixAll);
  $("corrected-form").addEventListener("submit", function () { $("corrected-text").value = ta.value; });
  $("edit-reset").addEventListener("click", function () {
    undoStack.push({ value: ta.value }); $("undo-btn").disabled = false;
    ta.value = original; state = { ignored: [], rules_off: [] }; changed(true);
  });
  window.addEventListener("resize", function () { draw(findings.filter(visible)); });
  function start() {
    document.querySelector(".doc-view").hidden = true;
    document.querySelectorAll(".findings > .sev-group, .findings > .alert").forEach(function (s) { s.hidden = true; });
    box.hidden = false; $("edit-findings").hidden = false; $("edit-btn").hidden = true;
    document.querySelector(".result").classList.add("editing");
    check();
  }
  var edit = $("edit-btn"); edit.hidden = false;
  edit.addEventListener("click", function () { store(); start(); ta.focus(); });
  var saved = load();
  if (saved && typeof saved.text === "string") {
    ta.value = saved.text; state.ignored = saved.ignored || []; state.rules_off = saved.rules_off || [];
    start(); if (saved.text !== original) status(L.restored);
  }
})();
