// Impact Studio: small progressive enhancements. Every page works without this file.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.querySelector('.nav-toggle');
  var nav = document.getElementById('main-nav');
  if (toggle && nav) {
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(!open));
      nav.setAttribute('data-open', String(!open));
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
        toggle.setAttribute('aria-expanded', 'false');
        nav.setAttribute('data-open', 'false');
        toggle.focus();
      }
    });
  }
  // Diagnostics: a question that depends on an answer on the same page shows only when it applies
  // (without JavaScript it stays visible with a sentence saying when to answer it).
  document.querySelectorAll('.diag-question[data-if]').forEach(function (question) {
    var form = question.closest('form');
    var name = question.getAttribute('data-if');
    var any = (question.getAttribute('data-if-any') || '').split(' ').filter(Boolean);
    var min = question.getAttribute('data-if-min');
    var update = function () {
      var values = Array.prototype.map.call(
        form.querySelectorAll('[name="' + name + '"]'),
        function (input) {
          if ((input.type === 'radio' || input.type === 'checkbox') && !input.checked) { return null; }
          return input.value;
        }).filter(function (v) { return v !== null && v !== ''; });
      var applies = min !== ''
        ? values.some(function (v) { return Number(v) >= Number(min); })
        : values.some(function (v) { return any.indexOf(v) !== -1; });
      question.hidden = !applies;
    };
    form.addEventListener('change', update);
    update();
  });
  // Ask before destructive actions (forms marked data-confirm carry the translated question).
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
});

// ---------------------------------------------------------------------------
// Canvas editor: autosave, live updates from other editors, drag and drop and keyboard moves.
// The page works without this: every note is a form.
(function () {
  'use strict';

  function csrfToken() {
    var input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function initEditor(grid) {
    var canvasId = grid.getAttribute('data-canvas');
    var editable = grid.hasAttribute('data-editable');
    var clientId = (Math.random().toString(36).slice(2) + Date.now().toString(36)).replace(/[^a-z0-9]/g, '');
    var statusEl = document.querySelector('[data-save-status]');
    var announcer = document.querySelector('[data-announce]');
    var notes = {};
    var offline = false;
    var retryTimer = null;

    function stateOf(id) {
      return notes[id] || (notes[id] = { timer: null, inflight: false, dirty: false, again: false, error: false });
    }
    function busy(li) {
      var st = notes[li.getAttribute('data-item')];
      return li.contains(document.activeElement) || (st && (st.dirty || st.inflight));
    }
    function showStatus() {
      if (!statusEl) return;
      var state = 'saved';
      Object.keys(notes).forEach(function (id) {
        var st = notes[id];
        if (st.error && state === 'saved') state = 'error';
        if (st.dirty || st.inflight) state = 'saving';
      });
      if (offline) state = 'offline';
      statusEl.setAttribute('data-state', state);
      statusEl.textContent = statusEl.getAttribute('data-' + state);
    }
    function say(text) {
      if (!announcer) return;
      announcer.textContent = '';
      window.setTimeout(function () { announcer.textContent = text; }, 30);
    }
    function send(url, fields) {
      return fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'x-csrf-token': csrfToken(), 'x-client-id': clientId, 'Accept': 'application/json' },
        body: new URLSearchParams(fields)
      }).then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, status: r.status, body: body }; },
          function () { return { ok: r.ok, status: r.status, body: {} }; });
      });
    }
    function fieldError(container, input, message) {
      var old = container.querySelector('.field-error[data-live-error]');
      if (old) old.remove();
      if (input) { input.removeAttribute('aria-invalid'); }
      if (!message) { container.classList.remove('has-error'); return; }
      var p = document.createElement('p');
      p.className = 'field-error';
      p.setAttribute('data-live-error', '');
      p.id = (input ? input.id : 'note') + '-live-error';
      p.textContent = message;
      container.classList.add('has-error');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', p.id);
        input.insertAdjacentElement('afterend', p);
      } else {
        container.appendChild(p);
      }
    }

    // Autosave: a note is saved 800 ms after typing stops; edits made while a save is in flight
    // are sent right after it, from the new version, so a person never conflicts with themself.
    function schedule(li, delay) {
      var st = stateOf(li.getAttribute('data-item'));
      st.dirty = true;
      window.clearTimeout(st.timer);
      st.timer = window.setTimeout(function () { save(li); }, delay);
      showStatus();
    }
    function save(li) {
      var id = li.getAttribute('data-item');
      var st = stateOf(id);
      if (st.inflight) { st.again = true; return; }
      if (!st.dirty) return;
      var form = li.querySelector('form[data-autosave]');
      if (!form) return;
      var fields = {
        text: form.elements.text.value,
        colour: form.elements.colour.value,
        status: form.elements.status.value,
        evidence: form.elements.evidence.value,
        version: li.getAttribute('data-version')
      };
      st.dirty = false;
      st.inflight = true;
      showStatus();
      send('/api/canvases/' + canvasId + '/items/' + id, fields).then(function (res) {
        st.inflight = false;
        var field = form.elements.text.closest('.field');
        if (res.ok) {
          offline = false;
          st.error = false;
          fieldError(field, form.elements.text, '');
          li.setAttribute('data-version', res.body.item.version);
          form.elements.version.value = res.body.item.version;
          if (res.body.outcome === 'kept_both') {
            say(res.body.message);
            refresh([li.parentNode.getAttribute('data-block')], true);
          }
        } else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
          st.error = true;
          fieldError(field, form.elements.text, res.body.detail || '');
        } else {
          st.dirty = true;
          retrySoon();
        }
        if (st.again) { st.again = false; save(li); }
        showStatus();
      }, function () {
        st.inflight = false;
        st.dirty = true;
        offline = true;
        showStatus();
        retrySoon();
      });
    }
    function retrySoon() {
      if (retryTimer) return;
      retryTimer = window.setTimeout(function () { retryTimer = null; saveAll(); }, 3000);
    }
    function saveAll() {
      Object.keys(notes).forEach(function (id) {
        var li = document.getElementById('item-' + id);
        if (li && notes[id].dirty) save(li);
      });
    }
    window.addEventListener('online', function () { offline = false; showStatus(); saveAll(); });
    window.addEventListener('offline', function () { offline = true; showStatus(); });
    window.addEventListener('beforeunload', function (e) {
      var unsaved = Object.keys(notes).some(function (id) { return notes[id].dirty || notes[id].inflight; });
      if (unsaved) { e.preventDefault(); e.returnValue = ''; }
    });

    // Live updates: re-read the blocks someone else changed, keeping the notes being edited here.
    function reconcile(ol, fresh) {
      var incoming = Array.prototype.slice.call(fresh.children);
      var ids = incoming.map(function (li) { return li.getAttribute('data-item'); });
      Array.prototype.slice.call(ol.children).forEach(function (li) {
        if (ids.indexOf(li.getAttribute('data-item')) < 0 && !busy(li)) li.remove();
      });
      incoming.forEach(function (li, index) {
        var existing = ol.querySelector(':scope > li[data-item="' + li.getAttribute('data-item') + '"]');
        var node = existing;
        if (!existing || !busy(existing)) {
          node = document.importNode(li, true);
          if (existing) existing.replaceWith(node);
        }
        if (ol.children[index] !== node) ol.insertBefore(node, ol.children[index] || null);
      });
    }
    function refresh(keys, force) {
      return fetch('/canvases/' + canvasId + '/blocks?keys=' + encodeURIComponent(keys.join(',')), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          doc.querySelectorAll('[data-fragment]').forEach(function (frag) {
            var key = frag.getAttribute('data-fragment');
            var ol = grid.querySelector('ol[data-block="' + key + '"]');
            var fresh = frag.querySelector('ol');
            if (!ol || !fresh) return;
            if (force) {
              Array.prototype.slice.call(ol.children).forEach(function (li) {
                var st = notes[li.getAttribute('data-item')];
                if (st && !st.dirty && !st.inflight && li.contains(document.activeElement)) document.activeElement.blur();
              });
            }
            reconcile(ol, fresh);
            var hint = grid.querySelector('#block-' + key + ' [data-hint]');
            var freshHint = frag.querySelector('[data-hint]');
            if (hint && freshHint) { hint.className = freshHint.className; hint.textContent = freshHint.textContent; }
          });
        }, function () {});
    }
    if (window.EventSource) {
      var opened = false;
      var source = new EventSource('/canvases/' + canvasId + '/events');
      source.addEventListener('open', function () {
        if (opened) refresh([]);
        opened = true;
        grid.setAttribute('data-live', 'on');
      });
      source.addEventListener('change', function (e) {
        var change;
        try { change = JSON.parse(e.data); } catch (err) { return; }
        if (change.client === clientId) return;
        refresh(change.blocks || []);
      });
      source.addEventListener('reload', function () { refresh([]); });
    }

    if (!editable) return;

    grid.addEventListener('input', function (e) {
      var form = e.target.closest('form[data-autosave]');
      if (form) schedule(form.closest('li'), 800);
    });
    grid.addEventListener('change', function (e) {
      var form = e.target.closest('form[data-autosave]');
      if (form && e.target.tagName === 'SELECT') schedule(form.closest('li'), 0);
    });
    grid.addEventListener('submit', function (e) {
      var form = e.target;
      if (form.hasAttribute('data-autosave')) {
        e.preventDefault();
        schedule(form.closest('li'), 0);
      } else if (form.classList.contains('canvas-add')) {
        e.preventDefault();
        var text = form.elements.text;
        var block = form.elements.block.value;
        send('/api/canvases/' + canvasId + '/items', { block: block, text: text.value, evidence: '' }).then(function (res) {
          if (res.ok) {
            fieldError(text.closest('.field'), text, '');
            text.value = '';
            refresh([block]);
          } else {
            fieldError(text.closest('.field'), text, res.body.detail || '');
          }
        }, function () { offline = true; showStatus(); });
      } else if (form.hasAttribute('data-delete')) {
        e.preventDefault();
        var li = form.closest('li');
        var key = li.parentNode.getAttribute('data-block');
        send('/api/canvases/' + canvasId + '/items/' + li.getAttribute('data-item') + '/delete',
          { version: li.getAttribute('data-version') }).then(function (res) {
          if (res.ok) {
            delete notes[li.getAttribute('data-item')];
            offerUndo(li.getAttribute('data-item'), key);
            li.remove();
          } else {
            say(res.body.detail || '');
            refresh([key], true);
          }
        }, function () { offline = true; showStatus(); });
      }
    });

    var undoBox = null;
    function offerUndo(id, key) {
      if (undoBox) undoBox.remove();
      var template = document.querySelector('[data-undo-template]');
      if (!template) return;
      undoBox = template.cloneNode(true);
      undoBox.removeAttribute('data-undo-template');
      undoBox.hidden = false;
      grid.parentNode.insertBefore(undoBox, grid);
      var button = undoBox.querySelector('button');
      button.addEventListener('click', function () {
        send('/api/canvases/' + canvasId + '/items/' + id + '/restore', {}).then(function (res) {
          if (res.ok) { undoBox.remove(); undoBox = null; refresh([key]); } else { say(res.body.detail || ''); }
        });
      });
      button.focus();
    }

    // Moving notes: the same request for the keyboard and for drag and drop.
    function blocks() { return Array.prototype.slice.call(grid.querySelectorAll('ol[data-block]')); }
    function blockTitle(ol) { return ol.getAttribute('aria-label') || ol.getAttribute('data-block'); }
    function moveTo(li, ol, index, grip) {
      var id = li.getAttribute('data-item');
      var from = li.parentNode;
      var siblings = Array.prototype.slice.call(ol.children).filter(function (n) { return n !== li; });
      ol.insertBefore(li, siblings[index] || null);
      if (grip) grip.focus();
      send('/api/canvases/' + canvasId + '/items/' + id + '/move', { block: ol.getAttribute('data-block'), index: index }).then(function (res) {
        if (res.ok) {
          say(grid.getAttribute('data-moved').replace('{ $block }', blockTitle(ol)).replace('{ $position }', String(index + 1)));
          var keys = [ol.getAttribute('data-block')];
          if (from !== ol) keys.push(from.getAttribute('data-block'));
          refresh(keys);
        } else {
          say(res.body.detail || '');
          refresh([ol.getAttribute('data-block'), from.getAttribute('data-block')], true);
        }
      }, function () { offline = true; showStatus(); });
    }

    grid.addEventListener('keydown', function (e) {
      var grip = e.target.closest('[data-grip]');
      if (!grip) return;
      var li = grip.closest('li');
      var ol = li.parentNode;
      var index = Array.prototype.indexOf.call(ol.children, li);
      var all = blocks();
      var b = all.indexOf(ol);
      if (e.key === 'ArrowUp' && index > 0) { e.preventDefault(); moveTo(li, ol, index - 1, grip); }
      else if (e.key === 'ArrowDown' && index < ol.children.length - 1) { e.preventDefault(); moveTo(li, ol, index + 1, grip); }
      else if (e.key === 'ArrowLeft' && b > 0) { e.preventDefault(); moveTo(li, all[b - 1], all[b - 1].children.length, grip); }
      else if (e.key === 'ArrowRight' && b < all.length - 1) { e.preventDefault(); moveTo(li, all[b + 1], all[b + 1].children.length, grip); }
    });

    var drag = null;
    grid.addEventListener('pointerdown', function (e) {
      var grip = e.target.closest('[data-grip]');
      if (!grip || e.button !== 0) return;
      e.preventDefault();
      var li = grip.closest('li');
      var rect = li.getBoundingClientRect();
      var holder = document.createElement('li');
      holder.className = 'note-placeholder';
      holder.style.height = rect.height + 'px';
      li.parentNode.insertBefore(holder, li.nextSibling);
      li.classList.add('dragging');
      li.style.width = rect.width + 'px';
      drag = { li: li, grip: grip, holder: holder, dx: e.clientX - rect.left, dy: e.clientY - rect.top };
      place(e);
      if (grip.setPointerCapture) { try { grip.setPointerCapture(e.pointerId); } catch (err) { /* synthetic pointer */ } }
    });
    function place(e) {
      drag.li.style.left = (e.clientX - drag.dx) + 'px';
      drag.li.style.top = (e.clientY - drag.dy) + 'px';
      var under = document.elementFromPoint(e.clientX, e.clientY);
      var block = under && under.closest('.canvas-block');
      var ol = block && block.querySelector('ol[data-block]');
      if (!ol) return;
      var before = null;
      Array.prototype.some.call(ol.children, function (n) {
        if (n === drag.li || n === drag.holder) return false;
        var r = n.getBoundingClientRect();
        if (e.clientY < r.top + r.height / 2) { before = n; return true; }
        return false;
      });
      ol.insertBefore(drag.holder, before);
    }
    document.addEventListener('pointermove', function (e) { if (drag) place(e); });
    function drop() {
      if (!drag) return;
      var d = drag;
      drag = null;
      var ol = d.holder.parentNode;
      var index = Array.prototype.filter.call(ol.children, function (n) { return n !== d.li; }).indexOf(d.holder);
      d.holder.remove();
      d.li.classList.remove('dragging');
      d.li.style.left = d.li.style.top = d.li.style.width = '';
      moveTo(d.li, ol, index, d.grip);
    }
    document.addEventListener('pointerup', drop);
    document.addEventListener('pointercancel', drop);
  }

  // The trial canvas: notes kept in this browser's storage until the visitor signs up.
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
    var editor = document.querySelector('.canvas-grid[data-canvas]');
    if (editor) initEditor(editor);
    var trial = document.querySelector('.canvas-grid[data-local-canvas]');
    if (trial) initTrial(trial);
    // Sign-up carries the trial canvas; the confirmation page lets it go once it is saved.
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

// ---------------------------------------------------------------------------
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
    var timer = null;
    var sent = 0;
    var render = function () {
      var ticket = ++sent;
      var body = new URLSearchParams();
      body.set('body', source.value);
      body.set('_csrf', csrf.value);
      fetch('/admin/content/preview', {
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
