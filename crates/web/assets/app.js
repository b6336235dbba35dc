// Impact Studio: small progressive enhancements. Every page works without JavaScript.
// This file runs on every page (the menu, confirmations); each feature's file is loaded only by
// the pages that need it: canvas-editor.js (with canvas-live.js and canvas-moves.js),
// canvas-trial.js, diagnostic.js, content-preview.js.
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
  // Grouped menus (<details>): one open at a time; Escape or a click elsewhere closes it.
  var menus = document.querySelectorAll('.nav-menu');
  menus.forEach(function (menu) {
    menu.addEventListener('toggle', function () {
      if (!menu.open) { return; }
      menus.forEach(function (other) { if (other !== menu) { other.open = false; } });
    });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') { return; }
    menus.forEach(function (menu) {
      if (menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
  });
  document.addEventListener('click', function (e) {
    menus.forEach(function (menu) {
      if (menu.open && !menu.contains(e.target)) { menu.open = false; }
    });
  });
  // Ask before destructive actions (forms marked data-confirm carry the translated question).
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
});
