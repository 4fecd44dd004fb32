// kb's embeddable search widget. On another site:
//   <script src="https://help.example.com/assets/widget.js" data-lang="en" async></script>
// It adds a search box after the script tag and lists matching articles from
// /api/v1/search (the site must be a --cors-origin of kb serve). No cookies,
// no other requests.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var base = script.src.replace(/\/assets\/widget\.js.*$/, '');
  var lang = script.getAttribute('data-lang') || 'auto';
  var box = document.createElement('div');
  box.className = 'kb-widget';
  var label = document.createElement('label');
  var input = document.createElement('input');
  input.type = 'search';
  input.setAttribute('dir', 'auto');
  input.setAttribute('aria-label', script.getAttribute('data-label') || 'Search help articles');
  label.appendChild(input);
  var list = document.createElement('ul');
  list.setAttribute('aria-live', 'polite');
  box.appendChild(label);
  box.appendChild(list);
  script.parentNode.insertBefore(box, script.nextSibling);
  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      list.textContent = '';
      if (q.length < 2) return;
      fetch(base + '/api/v1/search?limit=5&lang=' + encodeURIComponent(lang) + '&q=' + encodeURIComponent(q))
        .then(function (r) { return r.json(); })
        .then(function (j) {
          list.textContent = '';
          (j.hits || []).forEach(function (hit) {
            var li = document.createElement('li');
            var a = document.createElement('a');
            a.href = base + '/kb/' + hit.id;
            a.textContent = hit.title;
            a.setAttribute('dir', 'auto');
            li.appendChild(a);
            list.appendChild(li);
          });
        })
        .catch(function () {});
    }, 200);
  });
}());
