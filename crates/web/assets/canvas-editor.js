// Canvas editor: the board's notes open for editing in place (click, or Enter on a note), save
// 800 ms after typing stops (a saving/saved/offline status, retries) and close with « Terminé »,
// Escape, or a click or the focus elsewhere; « + Ajouter » opens a block's field; the guide and a block's
// comments open in a side panel; on a phone one block shows at a time, chosen in a picker.
// canvas-live.js and canvas-moves.js extend it: each pushes a function onto
// `window.ImpactCanvas`, called with the editor (`ed`) once the page is ready.
// The page works without this: a note links to its own page, the panels are pages too.
(function () {
  'use strict';
  var extensions = window.ImpactCanvas = window.ImpactCanvas || [];

  function short(text) {
    var words = text.trim().split(/\s+/);
    return words.slice(0, 6).join(' ') + (words.length > 6 ? '…' : '');
  }

  function initEditor(grid) {
    var canvasId = grid.getAttribute('data-canvas');
    var editable = grid.hasAttribute('data-editable');
    var clientId = (Math.random().toString(36).slice(2) + Date.now().toString(36)).replace(/[^a-z0-9]/g, '');
    var statusEl = document.querySelector('[data-save-status]');
    var announcer = document.querySelector('[data-announce]');
    var editorTemplate = document.getElementById('note-editor');
    var notes = {};
    var offline = false;
    var retryTimer = null;

    function csrfToken() {
      var input = document.querySelector('input[name="_csrf"]');
      return grid.getAttribute('data-csrf') || (input ? input.value : '');
    }
    function stateOf(id) {
      return notes[id] || (notes[id] = { timer: null, inflight: false, dirty: false, again: false, error: false });
    }
    function busy(li) {
      var st = notes[li.getAttribute('data-item')];
      return li.contains(document.activeElement) || li.classList.contains('editing') || (st && (st.dirty || st.inflight));
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
      if (input) { input.removeAttribute('aria-invalid'); input.removeAttribute('aria-describedby'); }
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

    // A note's tools, shown on hover and focus: its grip (moves, canvas-moves.js) and delete.
    function label(name, text) {
      return (grid.getAttribute('data-' + name + '-label') || '').replace('{text}', short(text));
    }
    function decorate(li) {
      if (!editable) return;
      var text = li.querySelector('.note-text');
      text = text ? text.textContent : '';
      var tools = li.querySelector('.note-tools');
      if (!tools) {
        tools = document.createElement('span');
        tools.className = 'note-tools';
        [['note-grip', 'data-grip', '⠿'], ['note-delete', 'data-delete', '×']].forEach(function (t) {
          var b = document.createElement('button');
          b.type = 'button';
          b.className = t[0];
          b.setAttribute(t[1], '');
          b.textContent = t[2];
          tools.appendChild(b);
        });
        tools.firstChild.setAttribute('aria-describedby', 'grip-help');
        li.appendChild(tools);
      }
      tools.firstChild.setAttribute('aria-label', label('grip', text));
      tools.lastChild.setAttribute('aria-label', label('delete', text));
    }
    function decorateAll(root) {
      Array.prototype.forEach.call(root.querySelectorAll('li[data-item]'), decorate);
    }

    // Editing in place: the page's one editor template, filled from the note.
    function fieldsOf(li) {
      var ev = li.querySelector('[data-evidence]');
      return {
        text: (li.querySelector('.note-text') || {}).textContent || '',
        colour: (li.className.match(/\bnote-(yellow|green|blue|pink|orange|purple)\b/) || [0, 'yellow'])[1],
        status: li.querySelector('.note-status') ? 'validated' : 'hypothesis',
        evidence: ev ? ev.textContent : ''
      };
    }
    function open(li) {
      var form = li.querySelector('form[data-autosave]');
      if (!form) {
        if (!editorTemplate) return;
        var id = li.getAttribute('data-item');
        form = editorTemplate.content.firstElementChild.cloneNode(true);
        form.action = '/canvases/' + canvasId + '/items/' + id + '/edit';
        var values = fieldsOf(li);
        ['text', 'colour', 'status', 'evidence'].forEach(function (name) {
          var field = form.elements[name];
          field.id = 'f-' + name + '-' + id;
          field.value = values[name];
          form.querySelector('label[data-for="' + name + '"]').htmlFor = field.id;
        });
        li.insertBefore(form, li.firstChild);
        li.classList.add('editing');
      }
      var text = form.elements.text;
      text.focus();
      text.setSelectionRange(text.value.length, text.value.length);
      return form;
    }
    // Shows what the form holds on the note, then puts the note back as it reads.
    function showValues(li, v) {
      var text = li.querySelector('.note-text');
      if (text) text.textContent = v.text;
      li.className = li.className.replace(/\bnote-(yellow|green|blue|pink|orange|purple)\b/, 'note-' + v.colour);
      var badge = li.querySelector('.note-status');
      if (v.status === 'validated' && !badge) {
        badge = document.createElement('span');
        badge.className = 'note-status';
        badge.textContent = grid.getAttribute('data-validated') || '';
        li.querySelector('.note-open').insertAdjacentElement('afterend', badge);
      } else if (v.status !== 'validated' && badge) {
        badge.remove();
      }
      var ev = li.querySelector('.note-evidence');
      if (v.evidence && !ev) {
        ev = document.createElement('p');
        ev.className = 'note-evidence';
        ev.innerHTML = '<strong></strong> <span data-evidence></span>';
        ev.firstChild.textContent = grid.getAttribute('data-evidence') || '';
        li.insertBefore(ev, li.querySelector('.note-tools'));
      }
      if (ev && !v.evidence) ev.remove();
      else if (ev) ev.querySelector('[data-evidence]').textContent = v.evidence;
      decorate(li);
    }
    function close(li, focusBack) {
      var form = li.querySelector('form[data-autosave]');
      if (!form) return;
      var st = stateOf(li.getAttribute('data-item'));
      if (st.dirty) { window.clearTimeout(st.timer); save(li); }
      showValues(li, valuesOf(form));
      form.remove();
      li.classList.remove('editing');
      if (focusBack) li.querySelector('.note-open').focus();
    }
    function valuesOf(form) {
      return {
        text: form.elements.text.value,
        colour: form.elements.colour.value,
        status: form.elements.status.value,
        evidence: form.elements.evidence.value
      };
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
      var fields = form ? valuesOf(form) : fieldsOf(li);
      fields.version = li.getAttribute('data-version');
      st.dirty = false;
      st.inflight = true;
      showStatus();
      send('/api/canvases/' + canvasId + '/items/' + id, fields).then(function (res) {
        st.inflight = false;
        if (res.ok) {
          offline = false;
          st.error = false;
          var f = li.querySelector('form[data-autosave]');
          if (f) fieldError(f.elements.text.closest('.field'), f.elements.text, '');
          li.setAttribute('data-version', res.body.item.version);
          if (res.body.outcome === 'kept_both') {
            say(res.body.message);
            refresh([li.parentNode.getAttribute('data-block')], true);
          }
        } else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
          st.error = true;
          var again = open(li);
          if (again) fieldError(again.elements.text.closest('.field'), again.elements.text, res.body.detail || '');
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
          decorate(node);
          if (existing) existing.replaceWith(node);
        }
        if (ol.children[index] !== node) ol.insertBefore(node, ol.children[index] || null);
      });
    }
    // The header's « N notes sur 300 » follows the notes on the board.
    var counter = document.querySelector('[data-note-count]');
    function recount() {
      if (!counter) return;
      var n = grid.querySelectorAll('li[data-item]').length;
      var formatted = window.Intl ? new Intl.NumberFormat(document.documentElement.lang || 'fr').format(n) : String(n);
      counter.textContent = (counter.getAttribute('data-template') || '').replace('{count}', formatted);
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
                if (st && !st.dirty && !st.inflight && li.classList.contains('editing')) close(li, false);
              });
            }
            reconcile(ol, fresh);
            var hint = grid.querySelector('#block-' + key + ' [data-hint]');
            var freshHint = frag.querySelector('[data-hint]');
            if (hint && freshHint) { hint.className = freshHint.className; hint.textContent = freshHint.textContent; }
          });
          recount();
        }, function () {});
    }

    // On a phone, one block at a time, chosen in the picker.
    var picker = document.querySelector('[data-picker]');
    var phone = window.matchMedia('(max-width: 699.98px)');
    function showBlock(key) {
      if (!picker || !grid.querySelector('#block-' + key)) return;
      picker.value = key;
      Array.prototype.forEach.call(grid.querySelectorAll('.canvas-block'), function (b) {
        b.classList.toggle('is-current', b.id === 'block-' + key);
      });
    }
    function layoutChanged() {
      if (phone.matches) grid.setAttribute('data-one', ''); else grid.removeAttribute('data-one');
    }
    if (picker) {
      var target = location.hash.length > 1 && document.getElementById(location.hash.slice(1));
      var first = target && grid.contains(target) && target.closest('.canvas-block');
      showBlock(first ? first.id.slice(6) : picker.value);
      picker.addEventListener('change', function () { showBlock(picker.value); });
      layoutChanged();
      if (phone.addEventListener) phone.addEventListener('change', layoutChanged);
    }

    var ed = {
      grid: grid,
      canvasId: canvasId,
      clientId: clientId,
      editable: editable,
      send: send,
      say: say,
      refresh: refresh,
      showBlock: function (key) { if (grid.hasAttribute('data-one')) showBlock(key); },
      wentOffline: function () { offline = true; showStatus(); }
    };
    extensions.forEach(function (extend) { extend(ed); });

    initDrawer(grid);
    initMenus();
    if (!editable) return;
    decorateAll(grid);

    grid.addEventListener('click', function (e) {
      var link = e.target.closest('a.note-open');
      if (link && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        e.preventDefault();
        open(link.closest('li'));
        return;
      }
      var del = e.target.closest('[data-delete]');
      if (del) { e.preventDefault(); remove(del.closest('li')); }
    });
    grid.addEventListener('input', function (e) {
      var form = e.target.closest('form[data-autosave]');
      if (form) schedule(form.closest('li'), 800);
    });
    grid.addEventListener('change', function (e) {
      var form = e.target.closest('form[data-autosave]');
      if (form && e.target.tagName === 'SELECT') schedule(form.closest('li'), 0);
    });
    grid.addEventListener('keydown', function (e) {
      var form = e.target.closest('form[data-autosave]');
      if (form && e.key === 'Escape') { e.preventDefault(); close(form.closest('li'), true); return; }
      var add = e.target.closest('.canvas-add');
      if (add && e.target.tagName === 'TEXTAREA') {
        if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submitAdd(add.querySelector('form')); }
        else if (e.key === 'Escape') { e.preventDefault(); add.open = false; add.querySelector('summary').focus(); }
      }
    });
    // A note being edited closes when the person clicks or moves the focus somewhere else (not
    // when the focus merely leaves, as when the window loses it).
    function closeOthers(e) {
      Array.prototype.forEach.call(grid.querySelectorAll('li.editing'), function (li) {
        if (!li.contains(e.target)) close(li, false);
      });
    }
    document.addEventListener('pointerdown', closeOthers);
    document.addEventListener('focusin', closeOthers);
    grid.addEventListener('toggle', function (e) {
      if (e.target.classList && e.target.classList.contains('canvas-add') && e.target.open) {
        e.target.querySelector('textarea').focus();
      }
    }, true);
    grid.addEventListener('submit', function (e) {
      var form = e.target;
      if (form.hasAttribute('data-autosave')) {
        e.preventDefault();
        close(form.closest('li'), true);
      } else if (form.closest('.canvas-add')) {
        e.preventDefault();
        submitAdd(form);
      }
    });
    function submitAdd(form) {
      var text = form.elements.text;
      var block = form.elements.block.value;
      if (!text.value.trim()) { text.focus(); return; }
      send('/api/canvases/' + canvasId + '/items', { block: block, text: text.value, evidence: '' }).then(function (res) {
        if (res.ok) {
          fieldError(text.closest('.field'), text, '');
          text.value = '';
          refresh([block]).then(function () { say(res.body.item.text); });
          text.focus();
        } else {
          fieldError(text.closest('.field'), text, res.body.detail || '');
        }
      }, ed.wentOffline);
    }
    function remove(li) {
      var key = li.parentNode.getAttribute('data-block');
      var id = li.getAttribute('data-item');
      send('/api/canvases/' + canvasId + '/items/' + id + '/delete',
        { version: li.getAttribute('data-version') }).then(function (res) {
        if (res.ok) {
          delete notes[id];
          li.remove();
          recount();
          offerUndo(id, key);
        } else {
          say(res.body.detail || '');
          refresh([key], true);
        }
      }, ed.wentOffline);
    }

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

  // The side panel: a block's guide (from the guide page) or its comments (their own page),
  // read when opened; the comments' forms are sent from inside it.
  function initDrawer(grid) {
    var drawer = document.getElementById('canvas-drawer');
    if (!drawer) return;
    var title = drawer.querySelector('#drawer-title');
    var body = drawer.querySelector('[data-drawer-body]');
    var opener = null;
    var guide = null;
    function page(url, options) {
      return fetch(url, Object.assign({ credentials: 'same-origin' }, options || {}))
        .then(function (r) { return r.text(); })
        .then(function (html) { return new DOMParser().parseFromString(html, 'text/html'); });
    }
    function show(heading, nodes) {
      title.textContent = heading;
      body.textContent = '';
      nodes.forEach(function (n) { body.appendChild(document.importNode(n, true)); });
      drawer.hidden = false;
      title.focus();
    }
    function comments(link, doc) {
      var content = doc.querySelector('[data-drawer-content]');
      if (!content) return;
      show(doc.querySelector('h1').textContent + ' · ' + content.getAttribute('data-count-label'), [content]);
      var count = content.getAttribute('data-open-count');
      link.querySelector('[aria-hidden]').textContent = count === '0' ? '' : count;
      link.querySelector('.visually-hidden').textContent = content.getAttribute('data-count-label') + ' · ' + doc.querySelector('h1').textContent;
      link.classList.toggle('has-open', count !== '0');
    }
    grid.addEventListener('click', function (e) {
      var link = e.target.closest('a[data-drawer]');
      if (!link || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      opener = link;
      var key = link.getAttribute('data-key');
      if (link.getAttribute('data-drawer') === 'guide') {
        guide = guide || page('/canvas/guide');
        guide.then(function (doc) {
          var section = doc.getElementById('guide-' + key);
          if (!section) { location.href = link.href; return; }
          var parts = Array.prototype.filter.call(section.children, function (n) { return n.tagName !== 'H2'; });
          var heading = grid.querySelector('#h-' + key).textContent;
          show(drawer.getAttribute('data-guide-title') + ' · ' + heading, parts);
        }, function () { location.href = link.href; });
      } else {
        page(link.href).then(function (doc) { comments(link, doc); }, function () { location.href = link.href; });
      }
    });
    body.addEventListener('submit', function (e) {
      var form = e.target;
      e.preventDefault();
      page(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) }).then(function (doc) {
        if (opener) comments(opener, doc);
        var error = body.querySelector('[aria-invalid="true"]');
        if (error) error.focus();
      }, function () { form.submit(); });
    });
    function hide() {
      drawer.hidden = true;
      if (opener) opener.focus();
    }
    drawer.querySelector('[data-drawer-close]').addEventListener('click', hide);
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && !drawer.hidden && drawer.contains(document.activeElement)) hide();
    });
  }

  // The page header's menus close with Escape or a click elsewhere.
  function initMenus() {
    var menus = document.querySelectorAll('details.action-menu');
    document.addEventListener('click', function (e) {
      Array.prototype.forEach.call(menus, function (m) { if (m.open && !m.contains(e.target)) m.open = false; });
    });
    document.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape') return;
      Array.prototype.forEach.call(menus, function (m) {
        if (m.open && m.contains(document.activeElement)) { m.open = false; m.querySelector('summary').focus(); }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var editor = document.querySelector('.canvas-grid[data-canvas]');
    if (editor) initEditor(editor);
  });
})();
