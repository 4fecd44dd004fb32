// kb portal: instant search (ARIA combobox over /api/v1/suggest), click,
// vote and contact events (POST /api/v1/events), facet filters that apply
// on change. The pages work without it: every feature here has a plain
// HTML form or link underneath.
(function () {
  'use strict';
  var base = document.body.getAttribute('data-base') || '';
  var lang = document.body.getAttribute('data-lang') || '';

  // The insights session (docs/api.md, "Sessions"): from the page when the
  // server put one there (data-session), kept for the visit in sessionStorage.
  var session = document.body.getAttribute('data-session') || '';
  try {
    if (session) sessionStorage.setItem('kb_session', session);
    else session = sessionStorage.getItem('kb_session') || '';
  } catch (e) { /* storage off: events go without a session */ }

  function sendEvent(event) {
    if (session && event.type !== 'view') event.session = session;
    var body = JSON.stringify(event);
    return fetch(base + '/api/v1/events', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body, keepalive: true
    });
  }

  function setupCombobox(input) {
    var list = document.getElementById(input.getAttribute('aria-controls'));
    var status = document.getElementById('q-status');
    var active = -1;
    var timer = null;
    var items = [];

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function highlight(index) {
      items.forEach(function (li, i) { li.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
      active = index;
      if (index >= 0) input.setAttribute('aria-activedescendant', items[index].id);
      else input.removeAttribute('aria-activedescendant');
    }
    function show(suggestions) {
      list.textContent = '';
      items = suggestions.map(function (s, i) {
        var li = document.createElement('li');
        li.id = 'q-option-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('dir', 'auto');
        li.setAttribute('data-url', base + '/kb/' + s.id);
        li.textContent = s.title;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); location.href = li.getAttribute('data-url'); });
        list.appendChild(li);
        return li;
      });
      if (status) status.textContent = String(items.length);
      if (items.length === 0) return close();
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(-1);
    }
    function fetchSuggestions() {
      var q = input.value;
      if (q.trim().length < 2) return close();
      fetch(base + '/api/v1/suggest?q=' + encodeURIComponent(q) + '&limit=8')
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (j) { if (input.value === q) show(j.suggestions || []); })
        .catch(close);
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && items.length) {
        e.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
        highlight((active + 1) % items.length);
      } else if (e.key === 'ArrowUp' && items.length) {
        e.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (e.key === 'Enter' && active >= 0 && !list.hidden) {
        e.preventDefault();
        location.href = items[active].getAttribute('data-url');
      } else if (e.key === 'Escape') {
        if (!list.hidden) { e.preventDefault(); close(); }
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
  }

  function setupTracking() {
    var params = new URLSearchParams(location.search);
    document.addEventListener('click', function (e) {
      var link = e.target.closest ? e.target.closest('[data-track]') : null;
      if (!link) return;
      var kind = link.getAttribute('data-track');
      var event = { type: kind };
      if (kind === 'click') {
        event.article = link.getAttribute('data-article') || undefined;
        event.query = params.get('q') || undefined;
        event.rank = Number(link.getAttribute('data-rank')) || undefined;
      } else if (kind === 'contact') {
        // The link goes through the portal's /contact, which records the
        // contact for pages without script; here the event carries the
        // page's session and the browser goes straight to the ticket form.
        event.channel = 'portal';
        var ticket = link.getAttribute('data-ticket');
        if (ticket) {
          e.preventDefault();
          var go = function () { location.href = ticket; };
          sendEvent(event).then(go, go);
          return;
        }
      }
      sendEvent(event).catch(function () {});
    });
  }

  function setupFeedback(form) {
    var section = form.closest('.feedback');
    var article = section.getAttribute('data-article');
    form.addEventListener('submit', function (e) {
      var button = e.submitter;
      if (!button) return;  // no submitter known: let the form post itself
      e.preventDefault();
      var text = form.querySelector('textarea').value;
      sendEvent({ type: 'vote', article: article, helpful: button.value === 'yes', text: text || undefined })
        .then(function (r) {
          if (!r.ok) throw new Error('events ' + r.status);
          form.hidden = true;
          section.querySelector('.feedback-thanks').hidden = false;
        })
        .catch(function () {
          // No events endpoint: the plain form records the vote.
          var field = document.createElement('input');
          field.type = 'hidden'; field.name = 'helpful'; field.value = button.value;
          form.appendChild(field);
          form.submit();
        });
    });
  }

  function setupFacets(form) {
    form.addEventListener('change', function () { form.submit(); });
  }

  var q = document.getElementById('q');
  if (q) setupCombobox(q);
  setupTracking();
  var feedback = document.querySelector('.feedback-form');
  if (feedback) setupFeedback(feedback);
  var facets = document.querySelector('form.facets');
  if (facets) setupFacets(facets);
  var article = document.querySelector('.feedback[data-article]');
  if (article) sendEvent({ type: 'view', article: article.getAttribute('data-article') }).catch(function () {});
  void lang;
}());
