// The photo viewer of an exemplar's gallery: PhotoSwipe (assets/vendor/photoswipe/, from the
// npm registry), labelled in Vietnamese, with each photo's caption and credit. Without this
// script a photo's link opens its largest variant, which is the same picture.
(function () {
  "use strict";
  if (!window.PhotoSwipeLightbox || !window.PhotoSwipe || !document.querySelector(".dvk-gallery")) return;
  var lightbox = new window.PhotoSwipeLightbox({
    gallery: ".dvk-gallery",
    children: "a.dvk-photo__link",
    pswpModule: window.PhotoSwipe,
    closeTitle: "Đóng (Esc)",
    zoomTitle: "Phóng to, thu nhỏ",
    arrowPrevTitle: "Ảnh trước",
    arrowNextTitle: "Ảnh sau",
    errorMsg: "Không mở được ảnh này.",
    indexIndicatorSep: " / "
  });
  lightbox.on("uiRegister", function () {
    lightbox.pswp.ui.registerElement({
      name: "dvk-caption",
      order: 9,
      isButton: false,
      appendTo: "root",
      onInit: function (element, pswp) {
        element.setAttribute("aria-live", "polite");
        pswp.on("change", function () {
          var link = pswp.currSlide.data.element;
          var caption = link && link.closest("figure") && link.closest("figure").querySelector("figcaption");
          element.textContent = caption ? caption.textContent : "";
        });
      }
    });
  });
  lightbox.init();
})();
