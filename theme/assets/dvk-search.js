/* Search that forgives missing diacritics; reads the index written by scripts/dvk/search.py.
 *
 * Works from a web server and from a folder (file://): the index is plain scripts added with
 * <script src>, never fetch() or a Worker, which Chromium refuses from file://. Each index
 * file calls back into `window.dvkSearch`; only the pieces a query needs are loaded.
 * `fold` must agree with dvk.search.fold (tests/search_fold_cases.json holds the shared cases).
 */
(function () {
  "use strict";

  var RESULTS = 10;
  var PREFIX_PIECES = 3; // the word being typed matches as a prefix within at most this many pieces
  var MARKS = /\p{M}/gu;
  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(text) {
    return text.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase();
  }

  function terms(text) {
    return (text.normalize("NFC").toLowerCase().match(WORD) || []).map(function (word) {
      var folded = fold(word);
      return { folded: folded, spelling: word, marked: folded !== word };
    });
  }

  // --- loading the index: each file is a script that calls one of the three functions below ---
  var form = document.querySelector("[data-dvk-search]");
  var base = form ? form.getAttribute("data-base") : "";
  var pending = {};
  var loaded = {};
  var index = null;

  function load(name) {
    if (!loaded[name]) {
      loaded[name] = new Promise(function (resolve, reject) {
        pending[name] = resolve;
        var script = document.createElement("script");
        script.src = base + "search/" + name + ".js";
        script.onerror = function () { delete loaded[name]; reject(new Error(script.src)); };
        document.head.appendChild(script);
      });
    }
    return loaded[name];
  }

  function arrived(name, value) {
    if (pending[name]) { pending[name](value); delete pending[name]; }
  }

  window.dvkSearch = {
    fold: fold,
    terms: terms,
    index: function (value) { arrived("index", value); },
    postings: function (n, value) { arrived("t" + n, value); },
    meta: function (n, value) { arrived("m" + n, value); },
    search: search
  };

  function pieceOf(token) { // the last piece whose first token is <= token
    var low = 0, high = index.chunks.length - 1;
    while (low < high) {
      var mid = (low + high + 1) >> 1;
      if (index.chunks[mid] <= token) { low = mid; } else { high = mid - 1; }
    }
    return low;
  }

  function piecesFor(term, prefix) {
    var first = pieceOf(term.folded);
    var last = prefix ? pieceOf(term.folded + "\uffff") : first;
    if (last - first >= PREFIX_PIECES) { last = first; prefix = false; }
    var names = [];
    for (var n = first; n <= last; n++) { names.push("t" + n); }
    return { names: names, prefix: prefix };
  }

  // --- ranking: every term must match; then more exact spellings, then the weighted score ---
  function decode(postings, visit) { // see dvk.search.postings: dense string or sparse pairs
    if (typeof postings === "string") {
      for (var d = 0; d < postings.length; d++) {
        var code = postings.charCodeAt(d);
        if (code > 48) { visit(d, code - (code > 92 ? 49 : 48)); }
      }
      return;
    }
    var doc = 0;
    for (var i = 0; i < postings.length; i += 2) { doc += postings[i]; visit(doc, postings[i + 1]); }
  }

  function matchTerm(term, pieces, prefix) {
    var found = {}; // doc -> {score, exact}
    pieces.forEach(function (piece) {
      Object.keys(piece).forEach(function (token) {
        var whole = token === term.folded;
        if (!whole && !(prefix && token.indexOf(term.folded) === 0)) { return; }
        var spellings = piece[token], docs = {}, df = 0;
        Object.keys(spellings).forEach(function (s) {
          decode(spellings[s], function (doc) { if (!docs[doc]) { docs[doc] = 1; df++; } });
        });
        var idf = Math.log(1 + index.docs / df) * (whole ? 1 : 0.5);
        Object.keys(spellings).forEach(function (s) {
          var exact = term.marked && s === term.spelling ? 1 : 0;
          decode(spellings[s], function (doc, score) {
            var best = found[doc], value = score * idf;
            if (!best || exact > best.exact || (exact === best.exact && value > best.score)) {
              found[doc] = { score: value, exact: exact };
            }
          });
        });
      });
    });
    return found;
  }

  function rank(query, pieces) {
    var list = terms(query), typing = !/\s$/.test(query), totals = {};
    list.forEach(function (term, i) {
      var plan = piecesFor(term, typing && i === list.length - 1 && term.folded.length >= 2);
      var found = matchTerm(term, plan.names.map(function (n) { return pieces[n]; }), plan.prefix);
      Object.keys(found).forEach(function (doc) {
        var total = totals[doc] || (totals[doc] = { doc: +doc, terms: 0, exact: 0, score: 0 });
        total.terms++; total.exact += found[doc].exact; total.score += found[doc].score;
      });
    });
    var all = Object.keys(totals).map(function (d) { return totals[d]; });
    var complete = all.filter(function (t) { return t.terms === list.length; });
    return (complete.length ? complete : all).sort(function (a, b) {
      return b.terms - a.terms || b.exact - a.exact || b.score - a.score || a.doc - b.doc;
    });
  }

  // Resolves to {total, results: [{url, title, context, snippet}]} for a query.
  function search(query) {
    var list = terms(query);
    if (!list.length) { return Promise.resolve({ total: 0, results: [] }); }
    return load("index").then(function (value) {
      index = value;
      var typing = !/\s$/.test(query), names = {};
      list.forEach(function (term, i) {
        piecesFor(term, typing && i === list.length - 1 && term.folded.length >= 2)
          .names.forEach(function (n) { names[n] = true; });
      });
      var wanted = Object.keys(names);
      return Promise.all(wanted.map(load)).then(function (values) {
        var pieces = {};
        wanted.forEach(function (n, i) { pieces[n] = values[i]; });
        var ranked = rank(query, pieces), top = ranked.slice(0, RESULTS);
        return Promise.all(top.map(function (t) { return load("m" + Math.floor(t.doc / index.meta)); }))
          .then(function (metas) {
            var phrase = list.map(function (t) { return t.folded; }).join(" ");
            var results = top.map(function (t, i) {
              var row = metas[i][t.doc % index.meta];
              return { url: row[0], title: row[1], context: row[2], snippet: row[3] };
            });
            // Among the first results, a title that holds the words as typed, in order, leads.
            var inTitle = function (r) { return terms(r.title).map(function (t) { return t.folded; })
              .join(" ").indexOf(phrase) >= 0 ? 1 : 0; };
            results.forEach(function (r, i) { r.rank = i; r.phrase = inTitle(r); });
            results.sort(function (a, b) { return b.phrase - a.phrase || a.rank - b.rank; });
            return { total: ranked.length, results: results };
          });
      });
    });
  }

  // --- the search box in the header -------------------------------------------------------------
  if (!form) { return; }
  var input = form.querySelector("input");
  var panel = document.getElementById(input.getAttribute("aria-controls"));
  var status = panel.querySelector("[role=status]");
  var listing = panel.querySelector("ol");
  var asked = 0, timer = null;
  var onDisk = location.protocol === "file:";

  function href(url) {
    // A copy opened from a folder has no server to turn "x/" into "x/index.html".
    return base + (onDisk && (url === "" || url.slice(-1) === "/") ? url + "index.html" : url);
  }

  function show(query, answer) {
    listing.textContent = "";
    panel.setAttribute("data-query", query); // the query these results answer (tests wait on it)
    panel.hidden = false;
    status.textContent = answer.total === 0 ? "Không tìm thấy kết quả cho “" + query + "”."
      : answer.total + " kết quả" + (answer.total > RESULTS ? ", hiện " + RESULTS + " kết quả đầu" : "") + ".";
    answer.results.forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = href(r.url);
      link.className = "dvk-search__result";
      [["dvk-search__title", r.title], ["dvk-search__context", r.context],
        ["dvk-search__snippet", r.snippet]].forEach(function (part) {
        if (!part[1]) { return; }
        var span = document.createElement("span");
        span.className = part[0];
        span.textContent = part[1];
        link.appendChild(span);
      });
      item.appendChild(link);
      listing.appendChild(item);
    });
  }

  function close() {
    panel.hidden = true;
  }

  function run() {
    var query = input.value, ticket = ++asked;
    if (!terms(query).length) { close(); return; }
    status.textContent = "Đang tìm…";
    search(query).then(function (answer) {
      if (ticket === asked) { show(query, answer); }
    }, function () {
      if (ticket === asked) { panel.hidden = false; status.textContent = "Không tải được chỉ mục tìm kiếm."; }
    });
  }

  function links() { return Array.prototype.slice.call(listing.querySelectorAll("a")); }

  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  input.addEventListener("focus", function () { if (listing.children.length) { panel.hidden = false; } });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    var first = links()[0];
    if (first && !panel.hidden) { location.href = first.href; } else { run(); }
  });
  form.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "Escape") { close(); input.focus(); event.preventDefault(); }
    else if (event.key === "ArrowDown" && all.length) { all[Math.min(at + 1, all.length - 1)].focus(); event.preventDefault(); }
    else if (event.key === "ArrowUp" && at >= 0) { (at === 0 ? input : all[at - 1]).focus(); event.preventDefault(); }
  });
  document.addEventListener("click", function (event) { if (!form.contains(event.target)) { close(); } });
  form.hidden = false; // without JavaScript the box stays hidden rather than doing nothing
})();
