// The release form: live checks, autosave (+ a backup in localStorage), repeatable entries,
// conflicts between tabs, logo uploads. Everything essential also works without this script.
(function () {
  "use strict";
  var form = document.getElementById("release-form");
  if (!form) return;
  var csrf = document.querySelector("meta[name=csrf-token]").content;
  var $ = function (id) { return document.getElementById(id); };
  var statusEl = $("save-status");
  var dirty = false, saving = null, liveTimer = null, saveTimer = null, inConflict = false, touched = {}, liveStarted = 0;
  var LIST_NAMES = ["quotes", "projects", "contacts", "logos"];

  function backupKey() { return "pressroom:release:" + ($("release_id").value || "new"); }
  function uid() { return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2); }
  // One id per browser tab (kept across reloads): a version this tab wrote is never a conflict for it.
  var client; try { client = sessionStorage.getItem("pressroom:client"); if (!client) { client = uid(); sessionStorage.setItem("pressroom:client", client); } } catch (e) { client = uid(); }
  if (!$("client_key").value) $("client_key").value = uid();
  function fieldMap() { var o = {}; fields().forEach(function (kv) { o[kv[0]] = kv[1]; }); return o; }
  var base = $("release_id").value ? fieldMap() : null;  // the fields as the server has them
  function fields() {
    var out = [];
    new FormData(form).forEach(function (v, k) { if (typeof v === "string" && k !== "csrf_token") out.push([k, v]); });
    return out;
  }
  function payloadData(extra) {
    var fd = new FormData(form);
    form.querySelectorAll("input[type=file]").forEach(function (i) { fd.delete(i.name); });
    fd.set("csrf_token", csrf);
    fd.set("client", client);
    if (base) fd.set("base", JSON.stringify(base));
    if (extra) Object.keys(extra).forEach(function (k) { fd.set(k, extra[k]); });
    return fd;
  }
  function setStatus(text, cls) { statusEl.textContent = text; statusEl.className = "save-status " + (cls || ""); }
  function writeBackup(synced) {
    try {
      localStorage.setItem(backupKey(), JSON.stringify({ at: Date.now(), synced: !!synced, version: $("version").value, client: client, fields: fields() }));
    } catch (e) { /* storage full or disabled: the server copy still exists */ }
  }

  // ----- autosave -------------------------------------------------------------------------------
  function save(kind) {
    if (inConflict) return Promise.resolve(false);
    if (saving) return saving.then(function () { return dirty ? save(kind) : true; });
    dirty = false;
    setStatus(form.dataset.msgSaving, "busy");
    var sent = fieldMap();
    saving = fetch(form.dataset.autosave, { method: "POST", body: payloadData({ kind: kind || "autosave" }),
                                            headers: { "X-CSRFToken": csrf, "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (j) { return { status: r.status, body: j }; }); })
      .then(function (res) {
        saving = null;
        if (res.status === 200 && res.body.id === null) { setStatus(res.body.message || "", ""); return false; }
        if (res.status === 200) {
          var created = !$("release_id").value;
          if (res.body.merged) { applyMerged(res.body.merged, sent); base = res.body.merged; }
          else base = sent;
          $("release_id").value = res.body.id; $("version").value = res.body.version;
          if (created) {
            form.action = res.body.edit_url;
            history.replaceState(null, "", res.body.edit_url);
            try { localStorage.removeItem("pressroom:release:new"); } catch (e) {}
            $("conflict-theirs").href = res.body.edit_url;
          }
          writeBackup(!dirty);
          var t = new Date(res.body.saved_at);
          setStatus(form.dataset.msgSaved + " " + t.toLocaleTimeString() + " · " + form.dataset.msgVersion + " " + res.body.version, "ok");
          return true;
        }
        if (res.status === 409) { showConflict(res.body); return false; }
        dirty = true; setStatus(res.body.error || form.dataset.msgOffline, "error"); return false;
      })
      .catch(function () { saving = null; dirty = true; setStatus(form.dataset.msgOffline, "error"); return false; });
    return saving;
  }
  function scheduleSave() { clearTimeout(saveTimer); saveTimer = setTimeout(function () { if (dirty) save(); }, 3000); }
  setInterval(function () { if (dirty && !saving) save(); }, 5000);
  // Pending edits are flushed when the page goes away (reload, language switch, closing the tab):
  // a keepalive fetch (or sendBeacon) outlives the page; the backup in localStorage covers the rest.
  function beacon() {
    if (!dirty || inConflict) return;
    writeBackup(false);
    var body = payloadData({ kind: "autosave" }), ok = false;
    try {
      fetch(form.dataset.autosave, { method: "POST", body: body, keepalive: true, credentials: "same-origin",
                                     headers: { "X-CSRFToken": csrf, "Accept": "application/json" } });
      ok = true;
    } catch (e) { ok = navigator.sendBeacon && navigator.sendBeacon(form.dataset.autosave, body); }
    if (ok) dirty = false;
  }
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") beacon(); });
  window.addEventListener("pagehide", beacon);
  window.addEventListener("beforeunload", beacon);
  function applyMerged(merged, sent) {
    // fields another tab changed: take them, unless this tab has typed in them since the save
    var list = [];
    Object.keys(merged).forEach(function (k) {
      var el = form.elements.namedItem(k);
      if (!el || el.value === sent[k]) list.push([k, merged[k]]);
    });
    restoreFields(list);
  }

  // ----- conflicts ------------------------------------------------------------------------------
  function showConflict(body) {
    inConflict = true;
    writeBackup(false);
    var box0 = $("conflict-fields"); box0.innerHTML = "";
    (body.conflicts || []).forEach(function (c, i) {
      var fs = document.createElement("fieldset"); fs.className = "conflict-field"; fs.dataset.field = c.field;
      var lg = document.createElement("legend"); lg.textContent = c.label; fs.appendChild(lg);
      [["mine", form.dataset.msgMine, c.mine], ["theirs", form.dataset.msgTheirs, c.theirs]].forEach(function (o) {
        var lab = document.createElement("label"); lab.className = "conflict-choice";
        var r = document.createElement("input"); r.type = "radio"; r.name = "pick-" + i; r.value = o[0]; r.checked = o[0] === "mine";
        var t = document.createElement("span"); t.className = "who"; t.textContent = o[1];
        var q = document.createElement("q"); q.textContent = o[2] || "—";
        lab.appendChild(r); lab.appendChild(t); lab.appendChild(q); fs.appendChild(lab);
      });
      box0.appendChild(fs);
    });
    $("conflict-apply").hidden = !(body.conflicts && body.conflicts.length);
    $("conflict-apply").onclick = function (e) {
      e.preventDefault();
      var list = [];
      Object.keys(body.merged || {}).forEach(function (k) { list.push([k, body.merged[k]]); });
      box0.querySelectorAll("fieldset.conflict-field").forEach(function (fs) {
        var c = (body.conflicts || []).filter(function (x) { return x.field === fs.dataset.field; })[0];
        var pick = fs.querySelector("input:checked").value;
        list.push([c.field, pick === "theirs" ? c.theirs : c.mine]);
      });
      restoreFields(list);
      base = body.theirs; $("version").value = body.current.version;
      inConflict = false; $("conflict").hidden = true; dirty = true; save("save"); runLive();
    };
    var box = $("conflict");
    $("conflict-text").textContent = body.error;
    $("conflict-headline").textContent = (body.current && body.current.title) || "—";
    $("current_version").value = body.current ? body.current.version : "";
    $("conflict-copy").hidden = false;
    box.hidden = false; box.focus();
    setStatus(form.dataset.msgConflict, "error");
  }
  $("conflict-mine").addEventListener("click", function (e) {
    e.preventDefault();
    base = null;
    $("version").value = $("current_version").value; inConflict = false; $("conflict").hidden = true; dirty = true;
    save("save");
  });
  $("conflict-copy").addEventListener("click", function () {
    $("release_id").value = ""; $("version").value = ""; inConflict = false; $("conflict").hidden = true; dirty = true;
    save("save");
  });

  // ----- backup banner --------------------------------------------------------------------------
  (function () {
    var raw; try { raw = localStorage.getItem(backupKey()); } catch (e) { return; }
    if (!raw) return;
    var b; try { b = JSON.parse(raw); } catch (e) { return; }
    if (b.synced || !b.fields) return;
    var now = JSON.stringify(fields()), then = JSON.stringify(b.fields);
    if (now === then) return;
    // This tab's own edits that had not reached the server when the page went away (a reload, a
    // language switch): put them back and save them; no question, no duplicate (same client_key).
    if (b.client === client && (String(b.version || "") === $("version").value || form.dataset.writtenBy === client)) {
      restoreFields(b.fields); dirty = true; save(); setTimeout(runLive, 0);
      return;
    }
    $("backup-banner").hidden = false;
    $("backup-restore").addEventListener("click", function () {
      restoreFields(b.fields); $("backup-banner").hidden = true; dirty = true; save(); runLive();
    });
    $("backup-discard").addEventListener("click", function () {
      $("backup-banner").hidden = true; try { localStorage.removeItem(backupKey()); } catch (e) {}
    });
  })();
  function restoreFields(list) {
    var counts = {};
    list.forEach(function (kv) { var m = /^(\w+)-(\d+)-/.exec(kv[0]); if (m) counts[m[1]] = Math.max(counts[m[1]] || 0, +m[2] + 1); });
    LIST_NAMES.forEach(function (n) { while (entries(n).length < (counts[n] || 0)) addEntry(n, true); });
    list.forEach(function (kv) {
      if (kv[0] === "release_id" || kv[0] === "version" || kv[0] === "current_version" || kv[0] === "csrf_token") return;
      var el = form.elements.namedItem(kv[0]);
      if (el && el.type !== "file") el.value = kv[1];
    });
  }

  // ----- repeatable entries ---------------------------------------------------------------------
  function entries(name) { return form.querySelectorAll(".entries[data-list=" + name + "] > fieldset.entry"); }
  function renumber(name) {
    var rx = new RegExp("^" + name + "-\\d+-");
    entries(name).forEach(function (fs, i) {
      fs.querySelectorAll("[id],[name],[for],[aria-describedby]").forEach(function (el) {
        ["id", "name", "for"].forEach(function (a) { var v = el.getAttribute(a); if (v && rx.test(v)) el.setAttribute(a, v.replace(rx, name + "-" + i + "-")); });
        var d = el.getAttribute("aria-describedby");
        if (d) el.setAttribute("aria-describedby", d.split(" ").map(function (x) { return x.replace(rx, name + "-" + i + "-"); }).join(" "));
      });
      var btn = fs.querySelector(".remove-entry"); if (btn) btn.value = "remove:" + name + ":" + i;
      var n = fs.querySelector("legend .n"); if (n) n.textContent = i + 1;
    });
  }
  function addEntry(name, quiet) {
    var tpl = $("tpl-" + name), box = form.querySelector(".entries[data-list=" + name + "]");
    var node = tpl.content.firstElementChild.cloneNode(true);
    box.appendChild(node);
    renumber(name);
    if (!quiet) { var first = node.querySelector("input:not([type=hidden]),textarea,select"); if (first) first.focus(); changed(); }
    return node;
  }
  form.addEventListener("click", function (e) {
    var add = e.target.closest(".add-entry"), rm = e.target.closest(".remove-entry");
    if (add) { e.preventDefault(); addEntry(add.dataset.list); }
    else if (rm) {
      e.preventDefault();
      var fs = rm.closest("fieldset.entry"), name = fs.dataset.list, list = entries(name), idx = Array.prototype.indexOf.call(list, fs);
      fs.remove(); renumber(name);
      var rest = entries(name);
      var target = rest[Math.min(idx, rest.length - 1)];
      (target ? target.querySelector(".remove-entry") : form.querySelector("#add-" + name)).focus();
      changed();
    }
  });

  // ----- logos ----------------------------------------------------------------------------------
  form.addEventListener("change", function (e) {
    var input = e.target;
    if (input.type !== "file" || !input.files.length) return;
    var fs = input.closest("fieldset.entry"), fd = new FormData();
    fd.append("file", input.files[0]); fd.append("csrf_token", csrf);
    var err = $(input.id + "-error");
    fetch(form.dataset.logo, { method: "POST", body: fd, headers: { "X-CSRFToken": csrf }, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        if (res.ok) {
          fs.querySelector(".logo-path").value = res.body.path;
          var p = fs.querySelector(".logo-current"); p.innerHTML = "";
          var img = document.createElement("img"); img.alt = ""; img.src = form.dataset.new.replace(/new$/, "logos/" + res.body.path); p.appendChild(img);
          err.hidden = true; err.textContent = ""; input.setAttribute("aria-invalid", "false");
          changed();
        } else { err.textContent = res.body.error; err.hidden = false; input.setAttribute("aria-invalid", "true"); }
      });
  });

  // ----- live checks ----------------------------------------------------------------------------
  var labels = $("live-labels").dataset, lastFindings = [], undoStack = [], lastAnnounced = null, liveRun = 0;
  function prefs() { try { return JSON.parse($("prefs").value) || {}; } catch (e) { return {}; } }
  function setPrefs(p) { $("prefs").value = JSON.stringify({ ignored: p.ignored || [], rules_off: p.rules_off || [] }); changed(); }
  function isSafe(f) { return f.safe && f.fix != null && f.field && f.start != null && f.start !== ""; }
  function button(text, cls, onclick, title) {
    var b = document.createElement("button"); b.type = "button"; b.className = "btn btn-small " + (cls || "");
    b.textContent = text; if (title) b.title = title; b.addEventListener("click", onclick); return b;
  }
  function findingActions(f) {
    var box = document.createElement("div"); box.className = "finding-actions";
    var el = f.field && $(f.field);
    if (el && f.start != null && f.start !== "" && f.suggestions && f.suggestions.length) {
      f.suggestions.slice(0, 3).forEach(function (sg) {
        var t = sg === "" ? labels.remove + " «" + (f.text || "") + "»" : labels.apply + " «" + (sg.length > 60 ? sg.slice(0, 57) + "…" : sg) + "»";
        box.appendChild(button(t, "btn-apply", function () { applyFix(f, sg); }));
      });
    }
    if (f.rule !== "field") {
      box.appendChild(button(labels.ignore, "btn-quiet btn-ignore", function () {
        var p = prefs(); p.ignored = (p.ignored || []).concat([f.id]); setPrefs(p); say(labels.ignored);
      }));
      box.appendChild(button(labels.ruleoff, "btn-quiet btn-ruleoff", function () {
        var p = prefs(); p.rules_off = (p.rules_off || []).concat([f.rule]); setPrefs(p); say(labels.ruleoffDone + " " + f.rule);
      }, f.rule));
    }
    if (/^spelling\./.test(f.rule) && f.text) {
      box.appendChild(button(labels.adddict + " «" + f.text + "»", "btn-quiet btn-dict", function () { addWord(f.text); }));
    }
    return box;
  }
  function setField(el, value, selStart, selEnd) {
    el.value = value;
    if (document.activeElement !== el) el.focus();
    try { el.setSelectionRange(selStart, selEnd); } catch (x) {}
    touched[el.id] = true;
  }
  function applyFix(f, sg, quiet) {
    var el = $(f.field); if (!el) return false;
    var v = el.value, a = +f.start, b = +f.end;
    if (v.slice(a, b) !== f.text && f.text != null && f.text !== "") { if (!quiet) say(labels.stale); return false; }
    undoStack.push({ field: f.field, value: v, a: a, b: b });
    setField(el, v.slice(0, a) + sg + v.slice(b), a, a + sg.length);
    $("undo-btn").disabled = false;
    if (!quiet) { say(labels.applied); changed(); }
    return true;
  }
  function fixAll() {
    var safe = lastFindings.filter(isSafe), byField = {};
    safe.forEach(function (f) { (byField[f.field] = byField[f.field] || []).push(f); });
    var batch = [];
    Object.keys(byField).forEach(function (id) {
      var el = $(id); if (!el) return;
      var v = el.value, list = byField[id].sort(function (x, y) { return y.start - x.start; }), last = Infinity;
      var before = v;
      list.forEach(function (f) { if (f.end <= last && v.slice(f.start, f.end) === f.text) { v = v.slice(0, f.start) + f.fix + v.slice(f.end); last = f.start; } });
      if (v !== before) { batch.push({ field: id, value: before }); el.value = v; touched[id] = true; }
    });
    if (batch.length) { undoStack.push({ batch: batch }); $("undo-btn").disabled = false; say(labels.applied); changed(); }
  }
  function undo() {
    var u = undoStack.pop(); if (!u) return false;
    (u.batch || [u]).forEach(function (x) { var el = $(x.field); if (el) { el.value = x.value; if (x.a != null) { el.focus(); try { el.setSelectionRange(x.a, x.b); } catch (e) {} } } });
    $("undo-btn").disabled = !undoStack.length;
    say(labels.undone); changed();
    return true;
  }
  function addWord(word) {
    var fd = new FormData(); fd.append("word", word); fd.append("csrf_token", csrf);
    fetch(form.dataset.dictionary, { method: "POST", body: fd, headers: { "X-CSRFToken": csrf, "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (j) { say(j.message || j.error); runLive(); });
  }
  function say(text) { var r = $("live-announce"); r.textContent = ""; setTimeout(function () { r.textContent = text; }, 30); }
  function announce(res) {
    var key = res.summary.error + "/" + res.summary.warning + "/" + res.summary.info;
    if (lastAnnounced !== null && key !== lastAnnounced) say($("live-summary").textContent);
    lastAnnounced = key;
  }
  // ----- underlines inside the fields: an overlay that mirrors each field's text ---------------------
  var COPY = ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "paddingTop", "paddingRight",
              "paddingBottom", "paddingLeft", "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth",
              "boxSizing", "textIndent", "wordSpacing", "tabSize"];
  function overlayFor(el) {
    var ov = el.previousElementSibling && el.previousElementSibling.classList.contains("overlay") ? el.previousElementSibling : null;
    if (!ov) {
      ov = document.createElement("div"); ov.className = "overlay"; ov.setAttribute("aria-hidden", "true");
      el.parentNode.insertBefore(ov, el);
      el.addEventListener("scroll", function () { ov.scrollTop = el.scrollTop; ov.scrollLeft = el.scrollLeft; });
      el.addEventListener("mousemove", function (e) { hoverCard(el, e.clientX, e.clientY); });
      el.addEventListener("keyup", function () { caretCard(el); });
      el.addEventListener("click", function () { caretCard(el); });
    }
    var cs = getComputedStyle(el);
    COPY.forEach(function (k) { ov.style[k] = cs[k]; });
    ov.style.borderStyle = "solid"; ov.style.borderColor = "transparent";
    ov.style.whiteSpace = el.tagName === "TEXTAREA" ? "pre-wrap" : "pre";
    ov.style.top = el.offsetTop + "px"; ov.style.left = el.offsetLeft + "px";
    ov.style.width = el.offsetWidth + "px"; ov.style.height = el.offsetHeight + "px";
    var sb = el.offsetWidth - el.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
    if (sb > 0) ov.style.paddingRight = (parseFloat(cs.paddingRight) + sb) + "px";  // the field's scrollbar
    return ov;
  }
  function drawOverlays(findings) {
    var byField = {};
    findings.forEach(function (f) { if (f.field && f.start != null && f.start !== "" && f.end > f.start) (byField[f.field] = byField[f.field] || []).push(f); });
    form.querySelectorAll(".overlay").forEach(function (ov) { if (!byField[ov.nextElementSibling && ov.nextElementSibling.id]) { ov.innerHTML = ""; } });
    Object.keys(byField).forEach(function (id) {
      var el = $(id); if (!el || !/^(TEXTAREA|INPUT)$/.test(el.tagName) || el.type === "file" || el.type === "date") return;
      var ov = overlayFor(el), v = el.value, pos = 0;
      ov.innerHTML = "";
      byField[id].sort(function (a, b) { return a.start - b.start; }).forEach(function (f) {
        if (f.start < pos || f.end > v.length) return;
        ov.appendChild(document.createTextNode(v.slice(pos, f.start)));
        var m = document.createElement("mark"); m.className = "ul sev-" + f.severity; m.textContent = v.slice(f.start, f.end);
        m.dataset.idx = findings.indexOf(f); ov.appendChild(m); pos = f.end;
      });
      ov.appendChild(document.createTextNode(v.slice(pos) + "\n"));
      ov.scrollTop = el.scrollTop;
    });
  }
  form.addEventListener("input", function (e) { var ov = e.target.previousElementSibling; if (ov && ov.classList && ov.classList.contains("overlay")) ov.innerHTML = ""; });
  var card = document.createElement("div"); card.className = "ul-card"; card.id = "ul-card"; card.hidden = true; card.setAttribute("role", "dialog");
  card.setAttribute("aria-label", labels.card || "Finding");
  var cardFor = null;
  function showCard(el, f) {
    if (cardFor === f && !card.hidden) return;
    cardFor = f; card.innerHTML = "";
    var p = document.createElement("p"); p.className = "msg";
    var sev = document.createElement("span"); sev.className = "sev sev-" + f.severity; sev.textContent = labels[f.severity] || f.severity;
    p.appendChild(sev); p.appendChild(document.createTextNode(" " + f.message)); card.appendChild(p);
    card.appendChild(findingActions(f));
    el.parentNode.insertBefore(card, el.nextSibling);
    card.hidden = false;
  }
  function hideCard() { card.hidden = true; cardFor = null; }
  function hoverCard(el, x, y) {
    var ov = el.previousElementSibling; if (!ov || !ov.classList.contains("overlay")) return;
    var hit = null;
    ov.querySelectorAll("mark.ul").forEach(function (m) {
      Array.prototype.forEach.call(m.getClientRects(), function (r) { if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 2) hit = m; });
    });
    if (hit) showCard(el, lastFindings[+hit.dataset.idx]);
  }
  function caretCard(el) {
    var c = el.selectionStart, hit = null;
    lastFindings.forEach(function (f) { if (f.field === el.id && f.start != null && c >= f.start && c <= f.end && f.end > f.start) hit = hit || f; });
    if (hit) showCard(el, hit); else if (cardFor && cardFor.field === el.id) hideCard();
  }
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !card.hidden) { var el = cardFor && $(cardFor.field); hideCard(); if (el) el.focus(); } });
  window.addEventListener("resize", function () { drawOverlays(lastFindings); });

  $("undo-btn").addEventListener("click", undo);
  $("fix-all").addEventListener("click", fixAll);
  $("sticky-count").addEventListener("click", function () {
    var live = $("live"), open = !live.classList.contains("sheet-open");
    live.classList.toggle("sheet-open", open); this.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) { var first = live.querySelector("a.live-goto"); (first || live).focus(); }
  });
  document.addEventListener("keydown", function (e) {
    var k = e.key && e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && k === "z" && undoStack.length) {
      var top = undoStack[undoStack.length - 1], el = $(top.field || (top.batch && top.batch[0].field));
      // our fix is the last change of that field: take it back (the browser cannot undo a script's edit)
      if (el && (document.activeElement === el || !/^(INPUT|TEXTAREA)$/.test((document.activeElement || {}).tagName))) { e.preventDefault(); undo(); }
    }
    // Alt+Shift+N / Alt+Shift+P: next / previous finding (also from inside a field)
    if (e.altKey && e.shiftKey && (e.code === "KeyN" || e.code === "KeyP")) {
      e.preventDefault();
      var links = Array.prototype.slice.call(document.querySelectorAll("#live-list a.live-goto"));
      if (!links.length) return;
      var i = links.indexOf(document.activeElement);
      var next = e.code === "KeyN" ? (i + 1) % links.length : (i <= 0 ? links.length - 1 : i - 1);
      links[next].focus();
    }
  });
  function runLive(strict) {
    var fd = payloadData(), run = ++liveRun;
    fd.set("touched", Object.keys(touched).join(","));
    if (strict) fd.set("strict", "1");
    liveStarted = performance.now();
    var post = { method: "POST", body: fd, headers: { "X-CSRFToken": csrf, "Accept": "application/json" }, credentials: "same-origin" };
    fetch(form.dataset.live, post)
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (res) {
        if (!res || run !== liveRun) return;
        showLive(res);
        // LanguageTool's findings join the list when its server has answered (never awaited before ours)
        if (form.dataset.liveLanguagetool) fetch(form.dataset.liveLanguagetool, post)
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (lt) { if (lt && run === liveRun) addLive(lt.findings); }).catch(function () {});
      })
      .catch(function () {});
  }
  function addLive(findings) {
    if (!findings.length) return;
    showLive({ findings: findings, append: true, problems: [], summary: null });
  }
  function showLive(res) {
    var list = $("live-list"); if (!res.append) list.innerHTML = "";
    if (!res.append) form.querySelectorAll("output.understood").forEach(function (o) { o.textContent = (res.amounts && res.amounts[o.htmlFor.value || o.getAttribute("for")]) || ""; });
    res.findings.forEach(function (f) {
      var li = document.createElement("li"); li.className = "finding sev-" + f.severity; li.dataset.rule = f.rule;
      var a = document.createElement("a"); a.className = "live-goto"; a.href = "#" + (f.field || "release-form");
      a.dataset.field = f.field || ""; a.dataset.start = f.start == null ? "" : f.start; a.dataset.end = f.end == null ? "" : f.end;
      var sev = document.createElement("span"); sev.className = "sev sev-" + f.severity; sev.textContent = labels[f.severity] || f.severity;
      var msg = document.createElement("span"); msg.className = "msg";
      if (f.label || f.path) { var c = document.createElement("span"); c.className = "where"; c.textContent = (f.label || f.path) + ":"; msg.appendChild(c); msg.appendChild(document.createTextNode(" ")); }
      msg.appendChild(document.createTextNode(f.message));
      a.appendChild(sev); a.appendChild(msg);
      if (f.suggestions && f.suggestions.filter(Boolean).length) {
        var s = document.createElement("span"); s.className = "sugg"; var t = f.suggestions.filter(Boolean).slice(0, 2).join(" · ");
        s.textContent = "→ " + (t.length > 120 ? t.slice(0, 117) + "…" : t); a.appendChild(s);
      }
      var rel = relatedPlaces(f);
      if (rel.length) {
        var rp = document.createElement("span"); rp.className = "related-names";
        rp.textContent = (labels.related || "See also:") + " " + rel.map(function (r) { return r.label || r.field; }).join("; ");
        a.appendChild(rp);
        li.dataset.related = rel.map(function (r) { return r.field; }).join(" ");
        ["mouseenter", "focusin"].forEach(function (ev) { li.addEventListener(ev, function () { markRelated(f); }); });
        li.addEventListener("mouseleave", function () { if (!li.contains(document.activeElement)) markRelated(null); });
        a.addEventListener("click", function () { setTimeout(function () { markRelated(f); }, 0); });
      }
      li.appendChild(a);
      li.appendChild(findingActions(f));
      list.appendChild(li);
    });
    if (res.append) { lastFindings = lastFindings.concat(res.findings); drawOverlays(lastFindings); $("live-ok").hidden = true; return; }
    lastFindings = res.findings;
    var safe = res.findings.filter(isSafe).length;
    $("fix-all").hidden = safe === 0;
    $("fix-all").textContent = labels.fixall + " (" + safe + ")";
    var n = res.summary.error + res.summary.warning + res.summary.info;
    $("sticky-count").textContent = n ? ((res.summary_text && [res.summary_text.error, res.summary_text.warning].join(" · ")) || n) : labels.none;
    $("sticky-count").className = "sticky-count" + (res.summary.error ? " has-errors" : "");
    var pend = $("live-pending");
    pend.hidden = !res.pending; pend.textContent = res.pending ? (labels.pending + " " + res.pending) : "";
    announce(res);
    drawOverlays(res.findings);
    if (typeof hideCard === "function" && !card.hidden) { var cf = cardFor && $(cardFor.field); hideCard(); if (cf && document.activeElement === cf) caretCard(cf); }
    if (liveStarted) { window.__pressroomLiveMs = performance.now() - liveStarted; liveStarted = 0; }
    var sum = res.summary, el = $("live-summary"); el.innerHTML = "";
    ["error", "warning", "info"].forEach(function (k, i) {
      if (i) el.appendChild(document.createTextNode(" · "));
      var s = document.createElement("span"); s.className = "count sev-" + k; s.dataset.sev = k;
      // the server words the counts with the UI language's plural forms (2 ошибки, 5 ошибок, 21 ошибка)
      s.textContent = (res.summary_text && res.summary_text[k]) || (sum[k] + " " + labels[k]); el.appendChild(s);
    });
    $("live-ok").hidden = res.findings.length > 0;
    var dl = $("download-btn"); dl.textContent = sum.error ? dl.dataset.labelDraft : dl.dataset.labelFinal;
    // field-level messages for fields the user has worked on
    var byField = {};
    res.problems.forEach(function (p) { if (p.field) (byField[p.field] = byField[p.field] || []).push(p.message); });
    form.querySelectorAll("[aria-invalid]").forEach(function (inp) {
      var id = inp.id, msgs = byField[id], err = $(id + "-error");
      if (!err || inp.type === "file") return;
      if (msgs && (touched[id] || inp.getAttribute("aria-invalid") === "true")) {
        err.innerHTML = ""; msgs.forEach(function (m) { var li = document.createElement("li"); li.textContent = m; err.appendChild(li); });
        err.hidden = false; inp.setAttribute("aria-invalid", "true");
      } else if (!msgs) { err.hidden = true; err.innerHTML = ""; inp.setAttribute("aria-invalid", "false"); }
    });
  }
  // cross-field findings (a budget note, a figure that contradicts others): every related place, in its field
  function relatedPlaces(f) {
    var seen = {};
    return (f.related || []).filter(function (r) {
      if (!r || typeof r !== "object" || !r.field || !$(r.field) || r.field === f.field) return false;
      var k = r.field + ":" + r.start; if (seen[k]) return false; seen[k] = true; return true;
    });
  }
  function markRelated(f) {
    form.querySelectorAll(".rel-place").forEach(function (el) { el.classList.remove("rel-place"); });
    form.querySelectorAll(".overlay mark.rel").forEach(function (m) { m.replaceWith(document.createTextNode(m.textContent)); });
    if (!f) return;
    relatedPlaces(f).forEach(function (r) {
      var el = $(r.field); el.classList.add("rel-place");
      if (r.start == null || r.end <= r.start) return;
      var ov = el.previousElementSibling && el.previousElementSibling.classList.contains("overlay") ? el.previousElementSibling : overlayFor(el);
      if (!ov.childNodes.length) ov.appendChild(document.createTextNode(el.value + "\n"));
      // wrap [start, end) of the overlay's text in a mark.rel (the overlay mirrors the field's text)
      var pos = 0;
      Array.prototype.slice.call(ov.childNodes).forEach(function (n) {
        var len = n.textContent.length;
        if (n.nodeType === 3 && pos <= r.start && r.end <= pos + len) {
          var t = n.textContent, m = document.createElement("mark"); m.className = "rel"; m.textContent = t.slice(r.start - pos, r.end - pos);
          n.replaceWith(document.createTextNode(t.slice(0, r.start - pos)), m, document.createTextNode(t.slice(r.end - pos)));
        }
        pos += len;
      });
    });
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.live-goto");
    if (!a) return;
    var el = a.dataset.field && $(a.dataset.field);
    if (!el) return;
    e.preventDefault();
    el.scrollIntoView({ block: "center" });
    el.focus();
    if (a.dataset.start !== "" && el.setSelectionRange) { try { el.setSelectionRange(+a.dataset.start, +a.dataset.end); } catch (x) {} }
  });

  // ----- preview / download: save first --------------------------------------------------------
  ["preview-btn", "download-btn"].forEach(function (id) {
    $(id).addEventListener("click", function (e) {
      e.preventDefault();
      dirty = true;
      if (!$("release_id").value && isBlank()) { setStatus(form.dataset.msgEmpty, "error"); return; }
      save("save").then(function (ok) {
        if (!ok) return;
        var rid = $("release_id").value;
        var base = form.dataset.new.replace(/new$/, rid);
        window.location.href = base + (id === "preview-btn" ? "/preview" : "/download.docx");
      });
    });
  });
  function savedThen(fn) {
    if (!$("release_id").value && isBlank()) { setStatus(form.dataset.msgEmpty, "error"); return; }
    dirty = true;
    save("save").then(function (ok) { if (ok) fn(form.dataset.new.replace(/new$/, $("release_id").value)); });
  }
  $("pdf-btn").addEventListener("click", function () { savedThen(function (base) { window.location.href = base + "/download.pdf"; }); });
  $("email-btn").addEventListener("click", function () {
    savedThen(function (base) { window.pressroomCopyForEmail(base + "/email.json", $("email-status"), function () {}); });
  });
  form.addEventListener("submit", function (e) {
    var s = e.submitter;
    if (s && (s.value === "save" || s.value === "overwrite")) { e.preventDefault(); dirty = true; if (s.value === "overwrite") { $("conflict-mine").click(); } else save("save"); }
  });

  function isBlank() {
    return !fields().some(function (kv) {
      var k = kv[0], v = kv[1];
      if (/^(release_id|version|current_version|client_key|language|date)$/.test(k) || /-(currency|funding)$/.test(k)) return false;
      return v.trim() !== "";
    });
  }
  function changed(e) {
    if (e && e.target && e.target.id) touched[e.target.id] = true;
    if (e && e.isTrusted && e.type === "input") undoStack = undoStack.filter(function (u) { return (u.field || "") !== e.target.id; });
    dirty = true; writeBackup(false); scheduleSave();
    clearTimeout(liveTimer); liveTimer = setTimeout(runLive, 500);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", function (e) { if (e.target.type !== "file") changed(e); });
  if ($("release_id").value) writeBackup(true);
  runLive();
})();
