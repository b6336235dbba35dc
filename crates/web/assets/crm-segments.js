// Segments: the count of the filter being written follows each change (the « Compter »
// button does the same without JavaScript).
(function () {
  "use strict";
  var form = document.querySelector("[data-segment-form]");
  var out = document.querySelector("[data-segment-count]");
  if (!form || !out) return;
  var timer = null;
  function refresh() {
    var params = new URLSearchParams();
    ["centre", "kind", "tag", "stage"].forEach(function (name) {
      var field = form.elements[name];
      if (field) params.set(name, field.value);
    });
    var consent = form.elements["consent"];
    if (consent && consent.checked) params.set("consent", "yes");
    fetch("/segments/count?" + params.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) out.textContent = data.label; })
      .catch(function () {});
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }
  form.addEventListener("change", later);
  form.addEventListener("input", later);
})();
