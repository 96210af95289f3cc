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
  var labels = $("live-labels").dataset, liveRun = 0;
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
      if (f.path) { var c = document.createElement("span"); c.className = "where"; c.textContent = (f.label || f.path) + ":"; msg.appendChild(c); msg.appendChild(document.createTextNode(" ")); }
      msg.appendChild(document.createTextNode(f.message));
      a.appendChild(sev); a.appendChild(msg);
      if (f.suggestions && f.suggestions.length) {
        var s = document.createElement("span"); s.className = "sugg"; var t = f.suggestions.slice(0, 2).join(" · ");
        s.textContent = "→ " + (t.length > 120 ? t.slice(0, 117) + "…" : t); a.appendChild(s);
      }
      li.appendChild(a); list.appendChild(li);
    });
    if (res.append) { $("live-ok").hidden = true; return; }
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
    dirty = true; writeBackup(false); scheduleSave();
    clearTimeout(liveTimer); liveTimer = setTimeout(runLive, 500);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", function (e) { if (e.target.type !== "file") changed(e); });
  if ($("release_id").value) writeBackup(true);
  runLive();
})();
