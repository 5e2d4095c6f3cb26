// "Ask the assistant" without reloading the page: the form is posted in the background, the
// conversation and the "Talk to a person" part are replaced by the server's fresh ones, the answer
// is read out by the polite live region, and the focus stays in the question field for a follow-up.
// Without JavaScript (or if anything here fails) the plain form does the same with a page load.
(function () {
  'use strict';
  var form = document.querySelector('form[data-assistant-form]');
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams || !window.FormData) return;
  var field = form.querySelector('input[name=question]');
  var button = form.querySelector('button[type=submit]');
  var live = document.querySelector('[data-assistant-live]');
  var busy = false;

  function swap(fresh, selector) {
    var mine = document.querySelector(selector);
    var theirs = fresh.querySelector(selector);
    if (mine && theirs) mine.innerHTML = theirs.innerHTML;
  }

  function adoptTokens(fresh) {
    ['_csrf', '_form'].forEach(function (name) {
      var theirs = fresh.querySelector('form[data-assistant-form] input[name=' + name + ']');
      var mine = form.querySelector('input[name=' + name + ']');
      if (theirs && mine) mine.value = theirs.value;
    });
  }

  function answered(html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html');
    swap(fresh, '[data-assistant-turns]');
    swap(fresh, '[data-assistant-handoff]');
    adoptTokens(fresh);
    field.value = '';
    var last = document.querySelector('[data-assistant-turns] > li:last-child .turn__answer');
    if (last) last.scrollIntoView({ block: 'nearest' });
    live.textContent = last ? last.textContent.replace(/\s+/g, ' ').trim() : '';
    field.focus();
  }

  form.addEventListener('submit', function (event) {
    // An empty question goes the plain way: the server says what is missing, beside the field.
    if (!field.value.trim()) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    live.textContent = form.getAttribute('data-assistant-busy') || '';
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.text();
      })
      .then(answered, function () {
        // Whatever went wrong, the plain form still works.
        busy = false;
        form.submit();
      })
      .then(function () {
        busy = false;
        button.disabled = false;
        form.removeAttribute('aria-busy');
      });
  });
})();
