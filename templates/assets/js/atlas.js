// Progressive enhancement only: every page works without this file.
// "Copy citation" buttons carry the citation text in data-cite (built in C#) and the passage anchor in data-href;
// the copied text is the citation followed by the passage's absolute URL as the reader sees it.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // An English companion page (en/programmes/…) has no passage text: a link to one of its passages (#s-iii-2-p1, e.g.
  // from a search result) opens the Vietnamese page at that passage instead.
  var fullText = document.querySelector('.companion a.full-text-link');
  var wanted = window.location.hash.slice(1);
  if (fullText && wanted) {
    var id = wanted;
    try { id = decodeURIComponent(wanted); } catch (e) { id = wanted; }
    if (!document.getElementById(id)) window.location.replace(fullText.getAttribute('href') + '#' + wanted);
  }

  function absolute(href) {
    try { return new URL(href || '', window.location.href).href; } catch (e) { return window.location.href; }
  }

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'copy-buffer';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }

  function ready() {
    // On a phone the menu is one row that scrolls sideways (atlas.css): bring the current section's link into view.
    // scrollLeft, not scrollIntoView, which would also scroll the page away from a #passage the reader opened.
    var current = document.querySelector('.site-header nav [aria-current="page"]');
    var row = current && current.closest('ul');
    if (row && row.scrollWidth > row.clientWidth) row.scrollLeft = Math.max(0, current.offsetLeft - row.offsetLeft - (row.clientWidth - current.offsetWidth) / 2);
    // On a narrow screen the document card and the contents list come before the text and would push it two screens
    // down: start them folded (they are open without JS; the line above the title already gives issuer, number and date).
    if (window.matchMedia && window.matchMedia('(max-width: 63.99rem)').matches) {
      Array.prototype.forEach.call(document.querySelectorAll('details.toc-details, details.card-details'), function (d) { d.open = false; });
      // A printed (or saved as PDF) programme keeps its document card, folded or not on screen.
      window.addEventListener('beforeprint', function () {
        Array.prototype.forEach.call(document.querySelectorAll('details.card-details'), function (d) { d.open = true; });
      });
    }
    // The programme page states its citation once (on the article) and each permalink names its section (data-sec):
    // the copy buttons are made here, next to each permalink, rather than repeating the citation in every passage.
    var article = document.querySelector('article[data-cite]');
    if (article) {
      var base = article.getAttribute('data-cite');
      var inSection = article.getAttribute('data-cite-section') || base;
      var label = article.getAttribute('data-cite-label') || 'Copy citation';
      Array.prototype.forEach.call(article.querySelectorAll('.doc-text a.permalink'), function (link) {
        var sec = link.getAttribute('data-sec');
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'cite';
        button.textContent = label;
        button.setAttribute('data-cite', sec ? inSection.replace('{0}', sec) : base);
        button.setAttribute('data-href', link.getAttribute('href'));
        link.parentNode.insertBefore(button, link.nextSibling);
        link.parentNode.insertBefore(document.createTextNode(' '), button);
      });
    }
    var buttons = document.querySelectorAll('button.cite[data-cite]');
    var done = document.documentElement.lang === 'en' ? 'Copied' : 'Đã chép';
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      var label = button.textContent;
      button.addEventListener('click', function () {
        var text = button.getAttribute('data-cite') + '. ' + absolute(button.getAttribute('data-href'));
        button.setAttribute('data-copied-text', text);
        copy(text).then(function (ok) {
          button.textContent = ok ? done : label;
          window.setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
