// Live updates on a canvas page (canvas-editor.js): the server's events name the blocks someone
// else changed, and the editor re-reads them, keeping the notes being edited here.
(window.ImpactCanvas = window.ImpactCanvas || []).push(function (ed) {
  'use strict';
  if (window.EventSource) {
    var opened = false;
    var source = new EventSource('/canvases/' + ed.canvasId + '/events');
    source.addEventListener('open', function () {
      if (opened) ed.refresh([]);
      opened = true;
      ed.grid.setAttribute('data-live', 'on');
    });
    source.addEventListener('change', function (e) {
      var change;
      try { change = JSON.parse(e.data); } catch (err) { return; }
      if (change.client === ed.clientId) return;
      ed.refresh(change.blocks || []);
    });
    source.addEventListener('reload', function () { ed.refresh([]); });
  }
});
