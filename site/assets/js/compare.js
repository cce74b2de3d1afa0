// Progressive enhancement for the comparison views; every page works without this file.
// 1. The programme page's "hide shared wording" switch: a toggle button (aria-pressed) that hides passages marked
//    .shared; without JS the button stays hidden and nothing is hidden.
// 2. The home page's indicator map: a <select> (shown only with JS) recolours the markers from the data the build
//    wrote on each <option> (classes are computed in C#; this only applies them).
(function () {
  'use strict';
  if (window.AtlasCompare) return; // the script may be included by two partials of one page
  window.AtlasCompare = true;

  function sharedToggle(root) {
    var button = root.querySelector('button.shared-toggle');
    if (!button) return;
    var status = root.querySelector('.shared-status');
    var scope = root.closest('article') || document.body;
    var count = root.getAttribute('data-shared-count') || '0';
    button.hidden = false;
    function set(hide) {
      button.setAttribute('aria-pressed', hide ? 'true' : 'false');
      scope.classList.toggle('hide-shared', hide);
      if (status) status.textContent = hide ? (status.getAttribute('data-template') || '').replace('{0}', count) : '';
    }
    button.addEventListener('click', function () { set(button.getAttribute('aria-pressed') !== 'true'); });
    // A link to a hidden passage (contents, a citation, "what do other provinces say") shows the shared wording again.
    window.addEventListener('hashchange', function () {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var target = id && document.getElementById(id);
      if (target && target.classList.contains('shared') && scope.classList.contains('hide-shared')) {
        set(false);
        target.scrollIntoView();
      }
    });
  }

  var SVG = 'http://www.w3.org/2000/svg';

  function swatch(fill, stroke, dashed) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'swatch');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var c = document.createElementNS(SVG, 'circle');
    c.setAttribute('cx', '8');
    c.setAttribute('cy', '8');
    c.setAttribute('r', '6');
    c.setAttribute('fill', fill);
    c.setAttribute('stroke', stroke);
    c.setAttribute('stroke-width', '2');
    if (dashed) c.setAttribute('stroke-dasharray', '3 2');
    svg.appendChild(c);
    return svg;
  }

  function applyMap(figure, option) {
    var data;
    try { data = JSON.parse(option.getAttribute('data-map')); } catch (e) { return; }
    var legend = data.legend || [];
    var none = legend.filter(function (l) { return l[3]; })[0]; // the dashed "no target" entry, when any
    Array.prototype.forEach.call(figure.querySelectorAll('a.vn-map-marker[data-province]'), function (a) {
      var m = data.markers[a.getAttribute('data-province')];
      var entry = m && m[0] !== '' ? legend[+m[0]] : none;
      var circle = a.querySelector('circle');
      if (!entry || !circle) return;
      circle.setAttribute('fill', entry[1]);
      circle.setAttribute('stroke', entry[2]);
      if (entry[3]) circle.setAttribute('stroke-dasharray', '3 2'); else circle.removeAttribute('stroke-dasharray');
      var title = a.querySelector('title');
      if (title && m) title.textContent = m[1];
    });
    var svgTitle = figure.querySelector('svg.vn-map > title');
    if (svgTitle) svgTitle.textContent = data.caption;
    var map = figure.querySelector('svg.vn-map');
    if (map) map.setAttribute('aria-label', data.caption);
    figure.querySelector('.map-caption-text').textContent = data.caption;
    figure.querySelector('.map-note').textContent = data.note;
    var list = figure.querySelector('.map-legend');
    while (list.firstChild) list.removeChild(list.firstChild);
    legend.forEach(function (l) {
      var li = document.createElement('li');
      li.appendChild(swatch(l[1], l[2], l[3]));
      var label = document.createElement('span');
      label.className = 'legend-label';
      label.textContent = l[0];
      var n = document.createElement('span');
      n.className = 'muted legend-count';
      n.textContent = '(' + l[4] + ')';
      li.appendChild(document.createTextNode(' '));
      li.appendChild(label);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(n);
      list.appendChild(li);
    });
    var more = figure.querySelector('a.map-more');
    if (more) more.setAttribute('href', option.getAttribute('data-href'));
    figure.setAttribute('data-indicator', option.value);
  }

  function indicatorMap(figure) {
    var select = figure.querySelector('.map-select select');
    if (!select) return;
    figure.querySelector('.map-select').hidden = false;
    figure.setAttribute('data-indicator', select.value);
    // A choice the browser restored (back button) is applied too; the build drew the default one.
    var restored = select.options[select.selectedIndex];
    if (restored && !restored.defaultSelected) applyMap(figure, restored);
    select.addEventListener('change', function () {
      var option = select.options[select.selectedIndex];
      if (option) applyMap(figure, option);
    });
  }

  function ready() {
    Array.prototype.forEach.call(document.querySelectorAll('.ownership'), sharedToggle);
    Array.prototype.forEach.call(document.querySelectorAll('figure[data-indicator-map]'), indicatorMap);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
