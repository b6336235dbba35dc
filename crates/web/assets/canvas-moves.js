// Moving notes on the canvas editor (canvas-editor.js): arrow keys on a note's grip, and drag
// and drop with pointer events (mouse, touch and WebDriver alike), through the same request.
(window.ImpactCanvas = window.ImpactCanvas || []).push(function (ed) {
  'use strict';
  if (!ed.editable) return;
  var grid = ed.grid;
  function blocks() { return Array.prototype.slice.call(grid.querySelectorAll('ol[data-block]')); }
  function blockTitle(ol) { return ol.getAttribute('aria-label') || ol.getAttribute('data-block'); }
  function moveTo(li, ol, index, grip) {
    var id = li.getAttribute('data-item');
    var from = li.parentNode;
    var siblings = Array.prototype.slice.call(ol.children).filter(function (n) { return n !== li; });
    ol.insertBefore(li, siblings[index] || null);
    if (grip) grip.focus();
    ed.send('/api/canvases/' + ed.canvasId + '/items/' + id + '/move', { block: ol.getAttribute('data-block'), index: index }).then(function (res) {
      if (res.ok) {
        ed.say(grid.getAttribute('data-moved').replace('{ $block }', blockTitle(ol)).replace('{ $position }', String(index + 1)));
        var keys = [ol.getAttribute('data-block')];
        if (from !== ol) keys.push(from.getAttribute('data-block'));
        ed.refresh(keys);
      } else {
        ed.say(res.body.detail || '');
        ed.refresh([ol.getAttribute('data-block'), from.getAttribute('data-block')], true);
      }
    }, ed.wentOffline);
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
});
