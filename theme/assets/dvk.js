// A table wider than the screen scrolls inside the box Material wraps it in; a keyboard reaches
// that box only if it can take focus (WCAG 2.1.1, axe rule scrollable-region-focusable), as
// Material already lets code blocks do.
document$.subscribe(() => {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) box.tabIndex = 0;
  markWideTables();
});

// A table wider than the screen (the statistics on a phone) says so above it, and keeps its
// first column in view while it scrolls: the column that matters ("Đạt / Chưa đạt", "Tỷ lệ")
// may be off-screen, and nothing else shows that there is more to the right.
function markWideTables() {
  for (const table of document.querySelectorAll(".md-typeset table")) {
    const outer = table.closest(".md-typeset__scrollwrap") || table;
    // wider than its box (not the few pixels of Material's padding inside the box)
    const wide = table.scrollWidth > table.clientWidth + 1 || table.offsetWidth > outer.clientWidth + 1;
    let hint = outer.previousElementSibling;
    if (!(hint && hint.classList.contains("dvk-scroll-hint"))) {
      if (!wide) continue;
      hint = document.createElement("p");
      hint.className = "dvk-scroll-hint";
      hint.textContent = "Bảng rộng hơn màn hình: vuốt ngang để xem các cột còn lại →";
      outer.before(hint);
    }
    hint.hidden = !wide;
    table.toggleAttribute("data-scrolls", wide);  // not a class: `table:not([class])` styles it
  }
}
let resizing = 0;
addEventListener("resize", () => {
  cancelAnimationFrame(resizing);
  resizing = requestAnimationFrame(markWideTables);
});

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
document$.subscribe(() => {
  for (const button of document.querySelectorAll("button[data-dvk-print]")) {
    button.hidden = false;
    button.onclick = () => window.print();
  }
});
