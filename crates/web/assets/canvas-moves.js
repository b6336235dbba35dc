// Moving notes on the canvas editor (canvas-editor.js): arrow keys on a note's grip, and drag
// and drop with pointer events (mouse, touch and WebDriver alike), through the same request.
// The arrows follow the board as the eye sees it: right goes to the block on the right of the
// note (from the blocks' places on screen, not their order in the page), up and down change the
// note's place in its block, then go to the block above or below; the live region says where
// the note went.
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
    index = Math.min(index, siblings.length);
    ol.insertBefore(li, siblings[index] || null);
    ed.showBlock(ol.getAttribute('data-block'));
    if (grip) grip.focus();
    ed.send('/api/canvases/' + ed.canvasId + '/items/' + id + '/move', { block: ol.getAttribute('data-block'), index: index }).then(function (res) {
      if (res.ok) {
        ed.say(grid.getAttribute('data-moved').replace('{block}', blockTitle(ol)).replace('{position}', String(index + 1)));
        var keys = [ol.getAttribute('data-block')];
        if (from !== ol) keys.push(from.getAttribute('data-block'));
        ed.refresh(keys);
      } else {
        ed.say(res.body.detail || '');
        ed.refresh([ol.getAttribute('data-block'), from.getAttribute('data-block')], true);
      }
    }, ed.wentOffline);
  }

  // The block next to `ol` in direction `dir` as laid out on screen, seen from the point
  // (x, y) where the note is: the nearest block entirely on that side, the ones facing the
  // note first. When the blocks are not all on screen (a phone showing one block), the next or
  // previous one in the picker's order.
  function neighbour(ol, dir, x, y) {
    var all = blocks();
    var here = ol.closest('.canvas-block').getBoundingClientRect();
    var best = null;
    var bestScore = Infinity;
    var hidden = false;
    all.forEach(function (other) {
      if (other === ol) return;
      var r = other.closest('.canvas-block').getBoundingClientRect();
      if (!r.width) { hidden = true; return; }
      var gap, off;
      if (dir === 'right' || dir === 'left') {
        gap = dir === 'right' ? r.left - here.right : here.left - r.right;
        off = y < r.top ? r.top - y : (y > r.bottom ? y - r.bottom : 0);
      } else {
        gap = dir === 'down' ? r.top - here.bottom : here.top - r.bottom;
        off = x < r.left ? r.left - x : (x > r.right ? x - r.right : 0);
      }
      if (gap < -4) return;
      var score = Math.max(gap, 0) + off * 4;
      if (score < bestScore) { bestScore = score; best = other; }
    });
    if (!best && hidden) {
      var i = all.indexOf(ol) + (dir === 'right' || dir === 'down' ? 1 : -1);
      best = all[i] || null;
    }
    return best;
  }

  grid.addEventListener('keydown', function (e) {
    var grip = e.target.closest('[data-grip]');
    if (!grip) return;
    var dirs = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
    var dir = dirs[e.key];
    if (!dir) return;
    e.preventDefault();
    var li = grip.closest('li');
    var ol = li.parentNode;
    var index = Array.prototype.indexOf.call(ol.children, li);
    if (dir === 'up' && index > 0) { moveTo(li, ol, index - 1, grip); return; }
    if (dir === 'down' && index < ol.children.length - 1) { moveTo(li, ol, index + 1, grip); return; }
    var r = li.getBoundingClientRect();
    var next = neighbour(ol, dir, r.left + r.width / 2, r.top + r.height / 2);
    if (!next) return;
    moveTo(li, next, dir === 'down' ? 0 : next.children.length, grip);
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
