// The trial canvas: notes kept in this browser's storage until the visitor signs up; the sign-up
// form carries them, and the confirmation page lets them go once they are saved.
(function () {
  'use strict';
  var DRAFT_KEY = 'impact-studio-canvas-draft';

  function readDraft() {
    try {
      var doc = JSON.parse(window.localStorage.getItem(DRAFT_KEY) || 'null');
      if (doc && Array.isArray(doc.items)) return doc;
    } catch (err) { /* unreadable: start again */ }
    return null;
  }

  function initTrial(grid) {
    var doc = readDraft() || {
      format: 'impact-studio-canvas',
      template: grid.getAttribute('data-template'),
      template_version: Number(grid.getAttribute('data-template-version')),
      title: grid.getAttribute('data-title'),
      items: []
    };
    var status = document.querySelector('[data-local-status]');
    var clear = document.querySelector('[data-local-clear]');
    var download = document.querySelector('[data-local-download]');
    var timer = null;
    function store() {
      try { window.localStorage.setItem(DRAFT_KEY, JSON.stringify(doc)); } catch (err) { /* storage full or blocked */ }
      if (status) status.textContent = status.getAttribute(doc.items.length ? 'data-saved' : 'data-empty');
      if (clear) clear.hidden = !doc.items.length;
      if (download) download.hidden = !doc.items.length;
    }
    function render() {
      grid.querySelectorAll('ol[data-local-notes]').forEach(function (ol) {
        var key = ol.getAttribute('data-local-notes');
        ol.textContent = '';
        doc.items.forEach(function (item, index) {
          if (item.block !== key) return;
          var li = document.createElement('li');
          li.className = 'note note-yellow';
          var label = document.createElement('label');
          label.className = 'visually-hidden';
          label.htmlFor = 'local-' + index;
          label.textContent = grid.getAttribute('data-edit-label');
          var area = document.createElement('textarea');
          area.className = 'note-input';
          area.id = 'local-' + index;
          area.rows = 2;
          area.maxLength = 2000;
          area.value = item.text;
          area.addEventListener('input', function () {
            item.text = area.value;
            window.clearTimeout(timer);
            timer = window.setTimeout(store, 300);
          });
          var remove = document.createElement('button');
          remove.type = 'button';
          remove.className = 'btn btn-ghost btn-small';
          remove.textContent = grid.getAttribute('data-delete-label');
          remove.addEventListener('click', function () {
            doc.items.splice(doc.items.indexOf(item), 1);
            store();
            render();
          });
          li.appendChild(label);
          li.appendChild(area);
          li.appendChild(remove);
          ol.appendChild(li);
        });
      });
    }
    grid.querySelectorAll('form[data-local-add]').forEach(function (form) {
      form.hidden = false;
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var text = form.elements.text.value.trim();
        if (!text || doc.items.length >= 300) return;
        doc.items.push({ block: form.getAttribute('data-local-add'), text: text, colour: 'yellow', status: 'hypothesis', evidence: '' });
        form.elements.text.value = '';
        store();
        render();
        form.elements.text.focus();
      });
    });
    if (clear) {
      clear.addEventListener('click', function () {
        if (!window.confirm(clear.getAttribute('data-confirm-text'))) return;
        doc.items = [];
        store();
        render();
      });
    }
    if (download) {
      download.addEventListener('click', function () {
        var blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'canvas.json';
        document.body.appendChild(a);
        a.click();
        a.remove();
      });
    }
    render();
    store();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var trial = document.querySelector('.canvas-grid[data-local-canvas]');
    if (trial) initTrial(trial);
    var field = document.querySelector('[data-canvas-draft]');
    var draft = readDraft();
    if (field && !field.value && draft && draft.items.length) {
      field.value = JSON.stringify(draft);
      var note = document.querySelector('[data-canvas-draft-note]');
      if (note) note.hidden = false;
    }
    if (document.querySelector('[data-canvas-saved]')) {
      try { window.localStorage.removeItem(DRAFT_KEY); } catch (err) { /* nothing kept */ }
    }
  });
})();
