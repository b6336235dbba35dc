// Canvas editor: autosave (800 ms after typing stops, a saving/saved/offline status, retries),
// adding, deleting and restoring notes through /api/canvases/…, and re-reading changed blocks.
// canvas-live.js and canvas-moves.js extend it: each pushes a function onto
// `window.ImpactCanvas`, called with the editor (`ed`) once the page is ready.
// The page works without this: every note is a form.
(function () {
  'use strict';
  var extensions = window.ImpactCanvas = window.ImpactCanvas || [];

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

    var ed = {
      grid: grid,
      canvasId: canvasId,
      clientId: clientId,
      editable: editable,
      send: send,
      say: say,
      refresh: refresh,
      wentOffline: function () { offline = true; showStatus(); }
    };
    extensions.forEach(function (extend) { extend(ed); });

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
        }, ed.wentOffline);
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
        }, ed.wentOffline);
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
  }

  document.addEventListener('DOMContentLoaded', function () {
    var editor = document.querySelector('.canvas-grid[data-canvas]');
    if (editor) initEditor(editor);
  });
})();
