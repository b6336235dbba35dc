// A lesson's video hosted elsewhere: nothing of the host loads until the learner presses
// « Charger la vidéo ». The button is shown only when this script runs; without it, the
// link to the video stays.
(function () {
  "use strict";
  document.querySelectorAll(".learn-external[data-embed]").forEach(function (figure) {
    var button = figure.querySelector("[data-load-video]");
    if (!button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = figure.getAttribute("data-embed");
      frame.title = figure.getAttribute("data-title") || "";
      frame.className = "learn-external-frame";
      frame.allow = "fullscreen; picture-in-picture";
      frame.setAttribute("allowfullscreen", "");
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      var poster = figure.querySelector(".learn-external-poster");
      if (poster) {
        poster.replaceWith(frame);
      } else {
        figure.appendChild(frame);
      }
      frame.focus();
    });
  });
})();
