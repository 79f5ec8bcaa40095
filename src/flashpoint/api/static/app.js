// flashpoint dashboard behaviour: served from /static because the CSP allows no inline script.
"use strict";
(function () {
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }

  // filters: a changed select applies at once
  each("select.autosubmit", function (el) {
    el.addEventListener("change", function () { if (el.form) el.form.submit(); });
  });

  // drop empty fields so filter URLs stay short and readable
  each("form.filters", function (form) {
    form.addEventListener("submit", function () {
      each("form.filters [name]", function (field) { if (field.form === form && !field.value) field.disabled = true; });
    });
  });

  // article page: hovering a highlighted span lights up its records, and the other way round
  function setActive(refs, on) {
    refs.forEach(function (ref) {
      var rec = document.getElementById("rec-" + ref);
      if (rec) rec.classList.toggle("active", on);
      each('.hl[data-refs~="' + ref + '"]', function (seg) { seg.classList.toggle("active", on); });
    });
  }
  each(".hl[data-refs]", function (seg) {
    var refs = seg.getAttribute("data-refs").split(" ");
    seg.addEventListener("mouseenter", function () { setActive(refs, true); });
    seg.addEventListener("mouseleave", function () { setActive(refs, false); });
  });
  each(".rec[data-ref]", function (rec) {
    var refs = [rec.getAttribute("data-ref")];
    rec.addEventListener("mouseenter", function () { setActive(refs, true); });
    rec.addEventListener("mouseleave", function () { setActive(refs, false); });
  });
})();
