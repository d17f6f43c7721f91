// A table wider than the screen scrolls inside the box Material wraps it in; a keyboard reaches
// that box only if it can take focus (WCAG 2.1.1, axe rule scrollable-region-focusable), as
// Material already lets code blocks do.
document$.subscribe(() => {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) box.tabIndex = 0;
});

// A list of exemplars comes A–Z (Vietnamese order); here the reader may also have it newest
// first. The rows are moved, not only drawn elsewhere, so reading and Tab order follow.
document$.subscribe(() => {
  for (const list of document.querySelectorAll("ul[data-dvk-sortable]")) {
    if (list.previousElementSibling && list.previousElementSibling.matches(".dvk-order")) continue;
    const rows = [...list.children];
    const control = document.createElement("div");
    control.className = "dvk-order";
    control.setAttribute("role", "group");
    control.setAttribute("aria-label", "Thứ tự danh sách");
    control.append("Xếp theo:");
    const orders = [
      ["Tên A–Z", () => rows],
      ["Mới công nhận", () => [...rows].sort((a, b) => b.dataset.date.localeCompare(a.dataset.date))],
    ];
    const buttons = orders.map(([label, order], index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.setAttribute("aria-pressed", String(index === 0));
      button.addEventListener("click", () => {
        list.append(...order());
        for (const other of buttons) other.setAttribute("aria-pressed", String(other === button));
      });
      return button;
    });
    control.append(...buttons);
    list.before(control);
  }
});

// The print button (pages/templates/_macros.html.j2: print_button) is shown only where it works.
document$.subscribe(() => {
  for (const button of document.querySelectorAll("button[data-dvk-print]")) {
    button.hidden = false;
    button.onclick = () => window.print();
  }
});
