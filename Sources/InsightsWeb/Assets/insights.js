// Insights web UI: keyboard navigation between annotations (j/k or n/p), the per-page switch that hides
// annotations in the diff, and live updates from the server-sent events named by <body data-events-url>.
// No framework, no inline code: the Content-Security-Policy is default-src 'self'.
(function () {
  'use strict';

  var hideSwitch = document.getElementById('hide-annotations');
  var hideKey = 'insights.hide-annotations:' + location.pathname;

  function annotationsHidden() {
    return document.body.classList.contains('annotations-hidden');
  }

  // Shown annotations, in document order: not inside a collapsed file or list, nor hidden by the switch.
  function shownAnnotations() {
    var all = document.querySelectorAll('[data-annotation]');
    var shown = [];
    for (var i = 0; i < all.length; i++) {
      var element = all[i];
      if (element.closest('details:not([open])')) continue;
      if (annotationsHidden() && element.closest('.diff-file')) continue;
      shown.push(element);
    }
    return shown;
  }

  function move(step) {
    var list = shownAnnotations();
    if (list.length === 0) return;
    var current = list.indexOf(document.activeElement);
    var next;
    if (current === -1) {
      next = step > 0 ? 0 : list.length - 1;
      for (var i = 0; i < list.length; i++) {
        if (list[i].getBoundingClientRect().top > 0) { next = step > 0 ? i : Math.max(i - 1, 0); break; }
      }
    } else {
      next = Math.min(Math.max(current + step, 0), list.length - 1);
    }
    list[next].focus({ preventScroll: true });
    list[next].scrollIntoView({ block: 'center' });
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    var typing = 'textarea, select, [contenteditable], input:not([type="checkbox"]):not([type="radio"])';
    if (target.closest && target.closest(typing)) return;
    if (event.key === 'j' || event.key === 'n') { move(1); event.preventDefault(); }
    if (event.key === 'k' || event.key === 'p') { move(-1); event.preventDefault(); }
  });

  function applyHideSwitch() {
    document.body.classList.toggle('annotations-hidden', hideSwitch.checked);
    try {
      if (hideSwitch.checked) localStorage.setItem(hideKey, '1'); else localStorage.removeItem(hideKey);
    } catch (error) { /* storage unavailable: the switch still works for this visit */ }
  }

  if (hideSwitch) {
    try { hideSwitch.checked = localStorage.getItem(hideKey) === '1'; } catch (error) { /* see above */ }
    hideSwitch.addEventListener('change', applyHideSwitch);
    applyHideSwitch();
  }

  // Live updates: on a `change` event, fetch the page again and swap every [data-live] region by id, keeping
  // which files and lists the reader opened or closed.
  var eventsURL = document.body.getAttribute('data-events-url');
  var refreshing = false;
  var again = false;

  function keepOpenState(old, fresh) {
    var opened = old.querySelectorAll('details[id]');
    for (var i = 0; i < opened.length; i++) {
      var match = fresh.querySelector('details[id="' + opened[i].id + '"]');
      if (match) match.open = opened[i].open;
    }
  }

  function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    fetch(location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var regions = document.querySelectorAll('[data-live][id]');
        for (var i = 0; i < regions.length; i++) {
          var replacement = fresh.getElementById(regions[i].id);
          if (!replacement) continue;
          keepOpenState(regions[i], replacement);
          regions[i].replaceWith(document.importNode(replacement, true));
        }
        var status = document.getElementById('live-status');
        if (status) status.textContent = 'Reports updated';
      })
      .catch(function () { /* keep the page as it is; the next change tries again */ })
      .then(function () {
        refreshing = false;
        if (again) { again = false; refresh(); }
      });
  }

  if (eventsURL && window.EventSource) {
    new EventSource(eventsURL).addEventListener('change', refresh);
  }
})();
