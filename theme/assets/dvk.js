// The site's scripts come last in <body> (theme/main.html), so the page is parsed when they run;
// Material's bundle, and its `document$`, are not loaded. That scripting runs (`js` for `no-js`,
// as Material marks it) is said in <head> (theme/main.html), before the page is styled: said
// here, it restyled every element of a parsed page.

// A table wider than the screen scrolls inside a box of its own, Material's markup for it
// (.md-typeset__scrollwrap > .md-typeset__table, which its bundle added and its styles expect);
// a keyboard reaches that box only if it can take focus (WCAG 2.1.1, axe rule
// scrollable-region-focusable). Every table also gets its hint (below), hidden until it is wide.
for (const table of document.querySelectorAll(".md-typeset table:not([class])")) {
  if (table.closest(".md-typeset__scrollwrap")) continue;
  const box = document.createElement("div");
  box.className = "md-typeset__scrollwrap";
  box.tabIndex = 0;
  const inner = document.createElement("div");
  inner.className = "md-typeset__table";
  table.before(box);
  box.append(inner);
  inner.append(table);
}

// A table wider than the screen (the statistics on a phone) says so above it, and keeps its
// first column in view while it scrolls: the column that matters ("Đạt / Chưa đạt", "Tỷ lệ")
// may be off-screen, and nothing else shows that there is more to the right. A code block wider
// than its box scrolls; a keyboard reaches it only if it takes focus (the same rule), as
// Material's bundle let it. Whether either is wide is read where the browser has just laid the
// page out (a ResizeObserver: at first, and whenever a box changes width), every box read
// before any is marked: reading one box after marking another made the browser lay the whole
// page out again for each (about 0.9 s of a phone's main thread on the statistics page).
const tables = new Map();  // the box observed (its scrolling box, or the table) → its table
for (const table of document.querySelectorAll(".md-typeset table")) {
  const outer = table.closest(".md-typeset__scrollwrap") || table;
  if (!outer.previousElementSibling?.classList.contains("dvk-scroll-hint")) {
    const hint = document.createElement("p");
    hint.className = "dvk-scroll-hint";
    hint.hidden = true;
    hint.textContent = "Bảng rộng hơn màn hình: vuốt ngang để xem các cột còn lại →";
    outer.before(hint);
  }
  tables.set(outer, table);
}
// A block the browser skips while far out of view (content-visibility, assets/dvk.css) is
// observed itself, not what it holds (which is reported only once shown): a code block by its
// <pre>, a table by its box.
const codes = new Map([...document.querySelectorAll(".md-typeset pre > code")].map((code) => [code.parentElement, code]));
const measure = new ResizeObserver((entries) => {
  const marks = entries.map(({ target }) => {
    const table = tables.get(target);
    const code = codes.get(target);
    // wider than its box (not the few pixels of Material's padding inside the box)
    return table
      ? [target, table.scrollWidth > table.clientWidth + 1 || table.offsetWidth > target.clientWidth + 1]
      : [target, code.scrollWidth > code.clientWidth];
  });
  for (const [target, wide] of marks) {
    const table = tables.get(target);
    if (table) {
      target.previousElementSibling.hidden = !wide;
      table.toggleAttribute("data-scrolls", wide);  // not a class: `table:not([class])` styles it
    } else if (wide) {
      codes.get(target).tabIndex = 0;
    } else {
      codes.get(target).removeAttribute("tabindex");
    }
  }
});
for (const box of [...tables.keys(), ...codes.keys()]) measure.observe(box);

// Back and Forward may show a page as it was left (the back-forward cache, Firefox's restored
// form state): the drawer and search toggles start closed, as Material's `autocomplete="off"`
// on them once ensured (an attribute HTML allows on no checkbox; see theme/base.html).
addEventListener("pageshow", () => {
  for (const toggle of document.querySelectorAll("input.md-toggle[data-md-toggle]")) {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }
});

// The print button (pages/templates/_macros.html.j2: print_button) is shown only where it works.
for (const button of document.querySelectorAll("button[data-dvk-print]")) {
  button.hidden = false;
  button.onclick = () => window.print();
}

// Sharing an exemplar (pages/templates/exemplar.html.j2), beside the plain links: the phone's own
// share sheet where the browser has one (Zalo, Messenger… as installed: Zalo offers no share
// link for the web without its script), and the address copied, to paste into any of them.
for (const share of document.querySelectorAll("[data-dvk-share]")) {
  const address = share.dataset.dvkShare;
  const status = share.querySelector(".dvk-share__status");
  const data = { title: share.dataset.dvkShareTitle, url: address };
  const native = share.querySelector("[data-dvk-share-native]");
  if (native && navigator.share && (!navigator.canShare || navigator.canShare(data))) {
    native.hidden = false;
    native.onclick = () => navigator.share(data).catch(() => {});  // the reader closed the sheet
  }
  const copy = share.querySelector("[data-dvk-share-copy]");
  if (copy && navigator.clipboard) {  // only where the page is a secure context (https, a folder)
    copy.hidden = false;
    copy.onclick = () => navigator.clipboard.writeText(address).then(
      () => { status.textContent = "Đã sao chép liên kết."; },
      () => { status.textContent = "Không sao chép được; địa chỉ của trang: " + address; });
  }
}
