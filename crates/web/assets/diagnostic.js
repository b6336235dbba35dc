// Diagnostics: a question that depends on an answer on the same page shows only when it applies
// (without JavaScript it stays visible with a sentence saying when to answer it).
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
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
});
