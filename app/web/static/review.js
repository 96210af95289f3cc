// The review page: select text in a field to comment on that span (offsets in UTF-16 units, as the
// server expects), and show the replacement box when "Propose a replacement" is ticked.
(function () {
  "use strict";
  function offsetIn(root, node, off) {
    var r = document.createRange();
    r.setStart(root, 0);
    r.setEnd(node, off);
    return r.toString().length;
  }
  function formFor(field) {
    return document.querySelector('.rv-comment-form[data-field="' + CSS.escape(field) + '"]');
  }
  document.addEventListener("mouseup", function () {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    var range = sel.getRangeAt(0);
    var root = range.commonAncestorContainer;
    while (root && !(root.classList && root.classList.contains("rv-text"))) root = root.parentNode;
    if (!root) return;
    var form = formFor(root.dataset.field);
    if (!form) return;
    var a = offsetIn(root, range.startContainer, range.startOffset);
    var b = offsetIn(root, range.endContainer, range.endOffset);
    if (a === b) return;
    var text = range.toString();
    form.elements.start.value = String(Math.min(a, b));
    form.elements.end.value = String(Math.max(a, b));
    var shown = form.querySelector(".rv-selected");
    shown.hidden = false;
    shown.querySelector("q").textContent = text.length > 120 ? text.slice(0, 120) + "…" : text;
    var repl = form.querySelector(".rv-replacement");
    if (repl && !repl.value) repl.value = text;
  });
  document.querySelectorAll(".rv-comment-form").forEach(function (form) {
    var box = form.querySelector('input[name="propose"]');
    var repl = form.querySelector(".rv-replacement");
    if (!box || !repl) return;
    box.addEventListener("change", function () {
      repl.hidden = !box.checked;
      if (box.checked) {
        if (!repl.value) {
          var q = form.querySelector(".rv-selected q");
          repl.value = form.elements.start.value ? q.textContent : "";
        }
        repl.focus();
      }
    });
  });
})();
