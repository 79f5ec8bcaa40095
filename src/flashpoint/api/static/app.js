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

  // tables: sortable columns, CSV and JSON downloads of every row, paging of long tables
  var PAGE = 25;
  function text(cell) {
    return (cell.getAttribute("data-sort") || cell.textContent || "").replace(/\s+/g, " ").trim();
  }
  function number(value) {
    var v = value.replace(/,/g, "").replace(/^[^\d\-.]+/, "");
    return /^-?\d+(\.\d+)?/.test(v) ? parseFloat(v) : NaN;
  }
  function csvCell(value) { return /[",\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value; }
  function link(label, cls) {
    var a = document.createElement("a");
    a.textContent = label; a.className = cls; a.href = "#";
    return a;
  }
  each("table.data", function (table) {
    var body = table.tBodies[0];
    var head = table.tHead && table.tHead.rows[0];
    if (!body || !head) return;
    var name = table.getAttribute("data-name") || "table";
    var page = 0;
    function rows() {
      return Array.prototype.filter.call(body.rows, function (r) { return !(r.cells.length === 1 && r.cells[0].colSpan > 1); });
    }
    var tools = document.createElement("div");
    tools.className = "table-tools";
    var csv = link("CSV", "download csv"), json = link("JSON", "download json");
    csv.setAttribute("download", name + ".csv"); json.setAttribute("download", name + ".json");
    tools.appendChild(document.createTextNode("Download all rows: ")); tools.appendChild(csv);
    tools.appendChild(document.createTextNode(" · ")); tools.appendChild(json);
    var pager = document.createElement("span"); pager.className = "table-pager";
    var prev = link("← previous", "page-prev"), next = link("next →", "page-next");
    var where = document.createElement("span"); where.className = "page-where";
    pager.appendChild(prev); pager.appendChild(where); pager.appendChild(next);
    tools.appendChild(pager);
    table.parentNode.insertBefore(tools, table.nextSibling);
    var headers = Array.prototype.map.call(head.cells, text);
    function records() { return rows().map(function (r) { return Array.prototype.map.call(r.cells, text); }); }
    function refresh() {
      var data = records();
      csv.href = "data:text/csv;charset=utf-8," + encodeURIComponent(
        [headers].concat(data).map(function (r) { return r.map(csvCell).join(","); }).join("\n") + "\n");
      json.href = "data:application/json;charset=utf-8," + encodeURIComponent(JSON.stringify(data.map(function (r) {
        var o = {}; headers.forEach(function (h, i) { o[h || "column " + (i + 1)] = r[i]; }); return o;
      }), null, 1));
      var all = rows(), pages = Math.max(1, Math.ceil(all.length / PAGE));
      page = Math.min(page, pages - 1);
      all.forEach(function (r, i) { r.hidden = i < page * PAGE || i >= (page + 1) * PAGE; });
      pager.hidden = all.length <= PAGE;
      where.textContent = " rows " + (page * PAGE + 1) + "–" + Math.min(all.length, (page + 1) * PAGE) + " of " + all.length + " ";
      prev.classList.toggle("disabled", page === 0);
      next.classList.toggle("disabled", page >= pages - 1);
    }
    prev.addEventListener("click", function (e) { e.preventDefault(); if (page > 0) { page -= 1; refresh(); } });
    next.addEventListener("click", function (e) { e.preventDefault(); page += 1; refresh(); });
    Array.prototype.forEach.call(head.cells, function (th, col) {
      th.classList.add("sortable");
      th.setAttribute("tabindex", "0");
      th.setAttribute("aria-sort", "none");
      th.title = "sort by this column";
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(head.cells, function (o) { o.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var all = rows();
        all.sort(function (a, b) {
          var x = text(a.cells[col] || a), y = text(b.cells[col] || b), nx = number(x), ny = number(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return asc ? c : -c;
        });
        all.forEach(function (r) { body.appendChild(r); });
        page = 0; refresh();
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
    refresh();
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
