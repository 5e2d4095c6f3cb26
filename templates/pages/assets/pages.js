// Small progressive enhancements; every page works without them.
// - [data-live-src]: refreshes a part of the page without a reload while a repair moves on.
// - form[data-busy-text]: says "Checking…" while the provider is asked, and stops double submits.
// - [role=dialog][aria-modal=true]: focus moves in, Tab stays in, Escape closes.
// - [data-tabs]: the contact-details dialog's tabs.
(function () {
  'use strict';

  function focusStart(root) {
    var invalid = root.querySelector('[aria-invalid="true"]');
    var field = root.querySelector('input:not([type=hidden]):not([disabled]), textarea');
    var heading = root.querySelector('h1[tabindex="-1"], h2[tabindex="-1"]');
    (invalid || field || heading || root).focus();
  }

  // ---- live parts
  function startLive(container) {
    var every = Number(container.getAttribute('data-live-every')) || 3000;
    var src = container.getAttribute('data-live-src');
    var delay = every;
    function schedule() { window.setTimeout(tick, delay); }
    // A slow or failing answer only slows the refresh down; signed out or gone stops it.
    function later() { delay = Math.min(delay * 2, 30000); schedule(); }
    function tick() {
      if (document.hidden) return schedule();
      var shown = container.querySelector('[data-live-key]');
      var url = src + (src.indexOf('?') < 0 ? '?' : '&') + 'key=' + encodeURIComponent(shown ? shown.getAttribute('data-live-key') : '');
      fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } })
        .then(function (response) {
          if (response.redirected || response.status === 403 || response.status === 404) return null;
          if (!response.ok) throw new Error('status ' + response.status);
          return response.status === 204 ? '' : response.text();
        })
        .then(function (html) {
          if (html === null) return;
          delay = every;
          if (html === '') return schedule();
          var next = document.createElement('template');
          next.innerHTML = html.trim();
          var fresh = next.content.querySelector('[data-live-key]');
          var current = container.querySelector('[data-live-key]');
          if (!fresh) return schedule();
          if (!current || fresh.getAttribute('data-live-key') !== current.getAttribute('data-live-key')) {
            var hadFocus = container.contains(document.activeElement);
            container.replaceChildren(next.content);
            enhance(container);
            if (hadFocus || container.getAttribute('role') === 'dialog') focusStart(container);
          }
          if (container.querySelector('[data-live="off"]')) return;
          schedule();
        })
        .catch(later);
    }
    schedule();
  }

  // ---- busy forms
  function enhanceBusyForm(form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('button[type=submit]');
      if (!button || button.getAttribute('aria-busy') === 'true') return;
      // Disabled after this event, so the form still submits; a second click does nothing.
      window.setTimeout(function () {
        button.setAttribute('aria-busy', 'true');
        button.disabled = true;
        button.textContent = form.getAttribute('data-busy-text');
      }, 0);
    });
  }

  // ---- modal dialogs
  function focusables(dialog) {
    return Array.prototype.filter.call(
      dialog.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'),
      function (el) { return el.offsetParent !== null; }
    );
  }

  function enhanceDialog(dialog) {
    dialog.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && dialog.getAttribute('data-close-href')) {
        window.location.assign(dialog.getAttribute('data-close-href'));
      }
      if (event.key !== 'Tab') return;
      var items = focusables(dialog);
      if (items.length === 0) return;
      var first = items[0];
      var last = items[items.length - 1];
      if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
  }

  // ---- tabs
  function enhanceTabs(root) {
    var list = root.querySelector('[role=tablist]');
    var tabs = Array.prototype.slice.call(root.querySelectorAll('[role=tab]'));
    function select(tab) {
      tabs.forEach(function (t) {
        var selected = t === tab;
        t.setAttribute('aria-selected', String(selected));
        t.tabIndex = selected ? 0 : -1;
        document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
      });
    }
    list.hidden = false;
    root.classList.add('tabs--enhanced');
    tabs.forEach(function (tab, i) {
      tab.addEventListener('click', function () { select(tab); });
      tab.addEventListener('keydown', function (event) {
        var step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        var next = tabs[(i + step + tabs.length) % tabs.length];
        select(next);
        next.focus();
      });
    });
    // Errors in the invite form open the Users tab.
    select(root.querySelector('#panel-users [aria-invalid="true"]') ? tabs[1] : tabs[0]);
  }

  function enhance(root) {
    root.querySelectorAll('form[data-busy-text]').forEach(enhanceBusyForm);
    root.querySelectorAll('[data-tabs]').forEach(enhanceTabs);
  }

  document.addEventListener('DOMContentLoaded', function () {
    enhance(document);
    document.querySelectorAll('[data-live-src]').forEach(startLive);
    var dialog = document.querySelector('[role=dialog][aria-modal=true]');
    if (dialog) {
      enhanceDialog(dialog);
      focusStart(dialog);
    }
  });
})();
