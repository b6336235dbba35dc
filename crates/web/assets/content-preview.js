// Content editor: a live preview beside the Markdown textarea, rendered by the server (the same
// sanitised rendering as the public pages) 600 ms after typing stops. Without this file the
// « Prévisualiser » button re-renders the form with the preview.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var source = document.querySelector('textarea[data-preview-source]');
    if (!source) { return; }
    var target = document.getElementById(source.getAttribute('data-preview-source'));
    var panel = document.getElementById('content-preview-panel');
    var form = source.closest('form');
    var csrf = form ? form.querySelector('input[name="_csrf"]') : null;
    if (!target || !panel || !csrf) { return; }
    // A page of its own may name its preview address (a centre's procedures have theirs).
    var url = source.getAttribute('data-preview-url') || '/admin/content/preview';
    var timer = null;
    var sent = 0;
    var render = function () {
      var ticket = ++sent;
      var body = new URLSearchParams();
      body.set('body', source.value);
      body.set('_csrf', csrf.value);
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrf.value },
        body: body.toString()
      }).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      }).then(function (html) {
        if (ticket !== sent) { return; }
        // The server's rendering is sanitised: raw HTML is text, only safe addresses survive.
        target.innerHTML = html;
        panel.hidden = false;
        var editor = panel.closest('.content-editor');
        if (editor) { editor.classList.add('with-preview'); }
      }).catch(function () { /* the preview button still works */ });
    };
    source.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(render, 600);
    });
  });
})();
