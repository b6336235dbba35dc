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
