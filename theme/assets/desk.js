/* Story desk filters (bien-tap/). No dependency, no inline handlers.
 * Every row carries its facts as data-* attributes; a row is shown when it matches every
 * chosen filter. Without this script the page is the whole table, already sorted. The chosen
 * filters are kept in the address (?chua-len-song=1&noi-dung=mui-3…) so a view can be shared. */
(function () {
  "use strict";
  var form = document.getElementById("dvk-desk-filters");
  var table = document.getElementById("dvk-desk");
  var status = document.getElementById("dvk-desk-status");
  if (!form || !table || !status) {
    return;
  }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-field]"));

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
    var shown = 0;
    rows.forEach(function (row) {
      var keep = matches(row);
      row.hidden = !keep;
      shown += keep ? 1 : 0;
    });
    status.textContent = shown === rows.length
      ? "Đang hiện tất cả " + rows.length + " điển hình."
      : "Đang hiện " + shown + " trên " + rows.length + " điển hình.";
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
