/* Story desk filters (bien-tap/). No dependency, no inline handlers.
 * Every row carries its facts as data-* attributes; a row is shown when it matches every
 * chosen filter. The desk is cut into pages (pages/paging.py); when a filter is first chosen,
 * the other pages are fetched by following their pager's rel="prev" / rel="next" links, and
 * their rows (the one row markup, from the one template) join this table, so a filter looks at
 * every exemplar. Opened from a folder (file://) a browser refuses fetch(): the filters then
 * look at this page's rows, and the status line says so. Without this script the desk is its
 * table, already sorted, page by page. The chosen filters are kept in the address
 * (?chua-len-song=1&noi-dung=mui-3…) so a view can be shared. */
(function () {
  "use strict";
  var form = document.getElementById("dvk-desk-filters");
  var table = document.getElementById("dvk-desk");
  var status = document.getElementById("dvk-desk-status");
  if (!form || !table || !status) {
    return;
  }
  var body = table.tBodies[0];
  var own = Array.prototype.slice.call(body.rows);
  var rows = own; /* every row known: this page's, then all pages' once fetched */
  var fetched = new Set(); /* rows that came from the other pages */
  var pageCount = Number(table.dataset.pages) || 1;
  var total = Number(table.dataset.total) || own.length;
  var loading = null; /* set when the other pages are asked for */
  var state = pageCount > 1 ? "partial" : "whole"; /* "loading", "whole", "refused" */
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-field]"));
  var pager = document.querySelector("nav.dvk-pages");

  function matches(row) {
    if (form.elements["chua-len-song"].checked && row.dataset.aired !== "no") {
      return false;
    }
    if (form.elements["co-anh"].checked && row.dataset.photos === "0") {
      return false;
    }
    if (form.elements["co-lien-he"].checked && row.dataset.contact !== "yes") {
      return false;
    }
    return selects.every(function (select) {
      if (!select.value) {
        return true;
      }
      return row.dataset[select.dataset.field].split(" ").indexOf(select.value) !== -1;
    });
  }

  function filtering() {
    return Array.prototype.some.call(form.elements, function (field) {
      return (field.type === "checkbox" && field.checked) || (field.tagName === "SELECT" && field.value !== "");
    });
  }

  /* The page a pager link leads to, as an absolute address (or null at either end). */
  function linked(doc, rel, base) {
    var link = doc.querySelector('nav.dvk-pages a[rel="' + rel + '"]');
    return link ? new URL(link.getAttribute("href"), base).href : null;
  }

  /* One desk page's rows, their links made absolute (they were relative to that page). */
  function pageAt(address) {
    return fetch(address, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error(address + ": " + response.status);
      }
      return response.text();
    }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var other = doc.getElementById("dvk-desk");
      var found = other ? Array.prototype.slice.call(other.tBodies[0].rows) : [];
      found.forEach(function (row) {
        row.querySelectorAll("[href], [src]").forEach(function (el) {
          var name = el.hasAttribute("href") ? "href" : "src";
          el.setAttribute(name, new URL(el.getAttribute(name), address).href);
        });
      });
      return { rows: found, prev: linked(doc, "prev", address), next: linked(doc, "next", address) };
    });
  }

  /* Follow one direction's links to its end; the pages' rows in the order met. */
  function walk(address, rel, pages) {
    if (!address) {
      return Promise.resolve(pages);
    }
    return pageAt(address).then(function (page) {
      pages.push(page.rows);
      return walk(page[rel], rel, pages);
    });
  }

  function loadAll() {
    if (location.protocol === "file:") { /* a browser refuses fetch() from a folder: not even tried */
      state = "refused";
      loading = Promise.resolve();
      return;
    }
    state = "loading";
    var here = location.href;
    loading = Promise.all([walk(linked(document, "prev", here), "prev", []),
      walk(linked(document, "next", here), "next", [])]).then(function (both) {
      var before = [].concat.apply([], both[0].reverse());
      var after = [].concat.apply([], both[1]);
      before.concat(after).forEach(function (row) {
        row.hidden = true;
        fetched.add(row);
      });
      before.forEach(function (row) {
        body.insertBefore(row, own[0]);
      });
      after.forEach(function (row) {
        body.appendChild(row);
      });
      rows = before.concat(own, after);
      state = "whole";
    }, function () {
      state = "refused";
    }).then(apply);
  }

  function remember() {
    var query = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if ((field.type === "checkbox" && field.checked) || (field.tagName === "SELECT" && field.value)) {
        query.push(encodeURIComponent(field.name) + "=" + encodeURIComponent(field.value));
      }
    });
    try {
      history.replaceState(null, "", query.length ? "?" + query.join("&") : location.pathname);
    } catch (error) {
      /* Opened from a folder, some browsers refuse: the filters still work. */
    }
  }

  function apply() {
    var chosen = filtering();
    if (chosen && !loading && pageCount > 1) {
      loadAll();
    }
    var shown = 0;
    rows.forEach(function (row) {
      var keep = chosen ? matches(row) : !fetched.has(row);
      row.hidden = !keep;
      shown += keep ? 1 : 0;
    });
    if (pager) {
      pager.hidden = chosen && state === "whole"; /* the rows shown are of every page */
    }
    if (!chosen) {
      status.textContent = pageCount > 1
        ? "Trang này hiện " + shown + " trên " + total + " điển hình."
        : "Đang hiện tất cả " + shown + " điển hình.";
    } else if (state === "loading") {
      status.textContent = "Đang tải các trang khác của bàn biên tập để lọc toàn bộ " + total + " điển hình…";
    } else if (state === "refused") {
      status.textContent = "Đang hiện " + shown + " trên " + own.length + " điển hình của trang này: bản sao "
        + "mở từ thư mục không đọc được các trang khác, nên chỉ lọc trong trang này.";
    } else {
      status.textContent = shown === rows.length
        ? "Đang hiện tất cả " + rows.length + " điển hình."
        : "Đang hiện " + shown + " trên " + rows.length + " điển hình.";
    }
    remember();
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || !params.has(field.name)) {
        return;
      }
      if (field.type === "checkbox") {
        field.checked = params.get(field.name) === field.value;
      } else if (field.tagName === "SELECT") {
        var wanted = params.get(field.name);
        var known = Array.prototype.some.call(field.options, function (option) {
          return option.value === wanted;
        });
        field.value = known ? wanted : "";
      }
    });
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(apply, 0); /* after the browser has reset the fields */
  });
  restore();
  form.hidden = false;
  apply();
})();
