// "Copy for e-mail": the release as HTML and plain text on the clipboard (both parts, so a mail
// program pastes formatted text and a plain-text field still gets clean text).
(function () {
  "use strict";
  function fallback(html, text) {
    var box = document.createElement("div");
    box.contentEditable = "true"; box.innerHTML = html;
    box.style.position = "fixed"; box.style.left = "-10000px";
    document.body.appendChild(box);
    var range = document.createRange(); range.selectNodeContents(box);
    var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    var ok = false; try { ok = document.execCommand("copy"); } catch (e) {}
    sel.removeAllRanges(); box.remove();
    return ok;
  }
  window.pressroomCopyForEmail = function (url, status, done) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        window.__pressroomLastEmail = j;
        var p;
        if (navigator.clipboard && window.ClipboardItem) {
          p = navigator.clipboard.write([new ClipboardItem({
            "text/html": new Blob([j.html], { type: "text/html" }),
            "text/plain": new Blob([j.text], { type: "text/plain" })
          })]).then(function () { return true; }, function () { return fallback(j.html, j.text); });
        } else p = Promise.resolve(fallback(j.html, j.text));
        return p.then(function (ok) {
          if (status) { status.textContent = ok ? status.dataset.ok : status.dataset.fail; }
          if (done) done(ok);
          return ok;
        });
      });
  };
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("[data-copy-email]");
    if (!b) return;
    e.preventDefault();
    window.pressroomCopyForEmail(b.dataset.copyEmail, document.getElementById(b.getAttribute("aria-describedby")));
  });
})();
