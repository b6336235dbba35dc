// Attendance signatures: a drawing pad for a finger, a stylus or a mouse (pointer events, touch
// events where pointer events are missing). The strokes go in the form as SVG path data in the
// pad's own coordinates; without this script the form asks for the typed full name instead.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  document.querySelectorAll('form[data-signature-pad]').forEach(function (form) {
    var draw = form.querySelector('[data-signature-draw]');
    var typed = form.querySelector('[data-signature-typed]');
    var input = form.querySelector('[data-signature-path]');
    var canvas = form.querySelector('canvas');
    var empty = form.querySelector('[data-signature-empty]');
    var ctx = canvas.getContext('2d');
    var strokes = [];
    var current = null;

    var drawing = function (on) {
      draw.hidden = !on;
      typed.hidden = on;
      typed.disabled = on;
      if (!on) { strokes = []; input.value = ''; }
    };
    // A typed signature the server refused stays typed; otherwise the pad comes first.
    drawing(!typed.querySelector('.has-error'));

    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1f2624';

    var point = function (clientX, clientY) {
      var r = canvas.getBoundingClientRect();
      return [
        Math.round((clientX - r.left) * canvas.width / r.width),
        Math.round((clientY - r.top) * canvas.height / r.height)
      ];
    };
    var start = function (p) {
      current = [p];
      strokes.push(current);
      empty.hidden = true;
    };
    var move = function (p) {
      if (!current) { return; }
      var last = current[current.length - 1];
      current.push(p);
      ctx.beginPath();
      ctx.moveTo(last[0], last[1]);
      ctx.lineTo(p[0], p[1]);
      ctx.stroke();
    };
    var end = function () {
      current = null;
      input.value = strokes.filter(function (s) { return s.length > 1; }).map(function (s) {
        return s.map(function (p, n) { return (n === 0 ? 'M' : 'L') + p[0] + ' ' + p[1]; }).join(' ');
      }).join(' ');
    };

    if (window.PointerEvent) {
      canvas.addEventListener('pointerdown', function (e) {
        e.preventDefault();
        canvas.setPointerCapture(e.pointerId);
        start(point(e.clientX, e.clientY));
      });
      canvas.addEventListener('pointermove', function (e) {
        if (current) { e.preventDefault(); move(point(e.clientX, e.clientY)); }
      });
      canvas.addEventListener('pointerup', end);
      canvas.addEventListener('pointercancel', end);
    } else {
      canvas.addEventListener('touchstart', function (e) {
        e.preventDefault();
        start(point(e.touches[0].clientX, e.touches[0].clientY));
      });
      canvas.addEventListener('touchmove', function (e) {
        e.preventDefault();
        move(point(e.touches[0].clientX, e.touches[0].clientY));
      });
      canvas.addEventListener('touchend', end);
      canvas.addEventListener('mousedown', function (e) { start(point(e.clientX, e.clientY)); });
      canvas.addEventListener('mousemove', function (e) { move(point(e.clientX, e.clientY)); });
      document.addEventListener('mouseup', function () { if (current) { end(); } });
    }

    form.querySelector('[data-signature-clear]').addEventListener('click', function () {
      strokes = [];
      input.value = '';
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    });
    form.querySelector('[data-signature-type]').addEventListener('click', function () {
      drawing(false);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      form.querySelector('#f-name').focus();
    });
    form.addEventListener('submit', function (e) {
      if (!draw.hidden && input.value === '') {
        e.preventDefault();
        empty.hidden = false;
      }
    });
  });
});
