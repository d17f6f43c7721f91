// A table wider than the screen scrolls inside the box Material wraps it in; a keyboard reaches
// that box only if it can take focus (WCAG 2.1.1, axe rule scrollable-region-focusable), as
// Material already lets code blocks do.
document$.subscribe(() => {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) box.tabIndex = 0;
});
