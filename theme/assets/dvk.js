// A table wider than the screen scrolls inside the box Material wraps it in; a keyboard reaches
// that box only if it can take focus (WCAG 2.1.1, axe rule scrollable-region-focusable), as
// Material already lets code blocks do.
document$.subscribe(() => {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) box.tabIndex = 0;
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
