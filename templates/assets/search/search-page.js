/*
 * search.html: results as you type, facets, "why this matched", state in the URL (?q=&province=&theme=).
 * Uses AtlasSearch (search/atlas-search.js). Every string from the documents goes into the DOM through textContent.
 */
(function () {
  "use strict";

  var root = document.getElementById("atlas-search");
  if (!root || !window.AtlasSearch) return;

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var provinceInput = document.getElementById("search-province");
  var themeInput = document.getElementById("search-theme");
  var statusEl = document.getElementById("search-status");
  var suggestEl = document.getElementById("search-suggest");
  var resultsEl = document.getElementById("search-results");
  var moreEl = document.getElementById("search-more");
  var facetsEl = root.querySelector(".search-facets");
  // On a narrow screen the filters come before the results and would push them a screen or two down: they start
  // folded there (a summary line opens them), as the programme page's contents list does. Open without JS.
  var facetDetails = root.querySelector(".facet-details");
  if (facetDetails && window.matchMedia && window.matchMedia("(max-width: 55.99rem)").matches) facetDetails.open = false;
  var provinceList = document.getElementById("facet-provinces");
  var themeList = document.getElementById("facet-themes");
  var langRoot = root.getAttribute("data-lang-root") || "";
  var english = root.getAttribute("data-lang") === "en";
  var PAGE = 10, DEBOUNCE = 180;
  // Fewer results than this and broader queries that find more are offered too ("chỉ tiêu tỷ lệ đô thị hóa": one
  // passage says all five words; "tỷ lệ đô thị hóa" finds the targets).
  var FEW = 3;
  // Words of a question or of a heading that passages seldom repeat ("tỉnh nào có chỉ tiêu kinh tế số").
  var FILLERS = ["tỉnh nào", "như thế nào", "bao nhiêu", "ra sao", "chỉ tiêu", "mục tiêu", "nào", "có", "những", "các", "về", "là", "gì"];

  function msg(name, arg) {
    var text = root.getAttribute("data-msg-" + name) || "";
    return arg === undefined ? text : text.replace("{0}", arg);
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }

  // ------------------------------------------------------------ state ⇄ URL

  var state = { q: "", province: "", theme: "", limit: PAGE };

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    state.q = params.get("q") || "";
    state.province = params.get("province") || "";
    state.theme = params.get("theme") || "";
    state.limit = PAGE;
    input.value = state.q;
    provinceInput.value = state.province;
    themeInput.value = state.theme;
  }

  function urlFor(q, province, theme) {
    var params = new URLSearchParams();
    if (q) params.set("q", q);
    if (province) params.set("province", province);
    if (theme) params.set("theme", theme);
    var s = params.toString();
    return window.location.pathname.replace(/^.*\//, "") + (s ? "?" + s : "");
  }

  function writeUrl(push) {
    provinceInput.value = state.province;
    themeInput.value = state.theme;
    var url = urlFor(state.q, state.province, state.theme);
    try {
      if (push) window.history.pushState(null, "", url); else window.history.replaceState(null, "", url);
    } catch (e) { /* some file:// setups refuse history changes; the form still works */ }
  }

  // ------------------------------------------------------------ rendering

  var sequence = 0;

  function run() {
    var mine = ++sequence;
    var q = state.q.trim();
    if (!q) { render(null); return; }
    statusEl.textContent = msg("loading");
    AtlasSearch.search(q, { province: state.province, theme: state.theme, limit: state.limit }).then(function (r) {
      if (mine !== sequence) return;
      render(r);
      if (r.total < FEW) suggest(q, mine, r.total);
    }, function () {
      if (mine !== sequence) return;
      statusEl.textContent = msg("error");
    });
  }

  var focusFirstNew = -1; // after "more results": the index of the first new result, to move the focus to

  function render(r) {
    // The filter lists are rebuilt: remember which filter had the focus so a keyboard user does not lose it.
    var focusedFacet = facetsEl.contains(document.activeElement) ? document.activeElement.getAttribute("data-facet") : null;
    clear(resultsEl);
    clear(suggestEl);
    suggestEl.hidden = true;
    clear(provinceList);
    clear(themeList);
    if (!r) { statusEl.textContent = ""; facetsEl.hidden = true; moreEl.hidden = true; return; }
    var filters = [];
    if (state.province) filters.push(state.province);
    if (state.theme) filters.push(state.theme);
    statusEl.textContent = r.total === 0 ? msg("none", state.q.trim()) : msg("count", r.total.toLocaleString(english ? "en" : "vi"));
    // A province named in the query narrows the results (SearchQuery.WithoutProvince): say so, never filter silently.
    if (r.impliedProvince) {
      var named = r.facets.provinces.filter(function (f) { return f.slug === r.impliedProvince; })[0];
      statusEl.textContent += " " + msg("implied", named && named.name ? named.name : r.impliedProvince);
    }
    r.results.forEach(function (hit) { resultsEl.appendChild(resultItem(hit)); });
    moreEl.hidden = r.results.length >= r.total;
    facetsEl.hidden = r.facets.provinces.length === 0 && r.facets.themes.length === 0 && !filters.length;
    facetList(provinceList, r.facets.provinces.map(function (f) { return { key: f.slug, name: f.name || f.slug, count: f.count }; }), "province");
    facetList(themeList, r.facets.themes.map(function (f) { return { key: f.id, name: (english ? f.nameEn : f.name) || f.id, count: f.count }; }), "theme");
    if (focusedFacet !== null) {
      var again = facetsEl.hidden ? null : (facetsEl.querySelector('[data-facet="' + CSS.escape(focusedFacet) + '"]') || facetsEl.querySelector(".facet"));
      (again || input).focus();
    }
    if (focusFirstNew >= 0) {
      var links = resultLinks();
      if (links[focusFirstNew]) links[focusFirstNew].focus();
      focusFirstNew = -1;
    }
  }

  function resultItem(hit) {
    var li = el("li", "search-result");
    var h = el("h3", "search-result-title");
    h.lang = "vi"; // the documents are Vietnamese on the English pages too
    var a = el("a", null, hit.programme);
    a.href = langRoot + hit.url;
    h.appendChild(a);
    li.appendChild(h);
    var meta = el("p", "search-result-meta");
    meta.lang = "vi";
    meta.appendChild(el("span", "search-province", hit.province));
    if (hit.section) {
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(el("span", "search-section", hit.section));
    }
    li.appendChild(meta);
    var snippet = el("p", "search-snippet");
    snippet.lang = "vi";
    hit.parts.forEach(function (p) {
      snippet.appendChild(p.match ? el("mark", null, p.text) : document.createTextNode(p.text));
    });
    li.appendChild(snippet);
    if (hit.matches.length) {
      var why = el("p", "search-why");
      why.appendChild(el("span", "search-why-label", msg("why")));
      hit.matches.forEach(function (m, i) {
        why.appendChild(document.createTextNode(i === 0 ? " " : ", "));
        var term = el("span", "search-why-term search-why-" + m.how);
        term.appendChild(el("strong", null, m.clause));
        if (m.term !== m.clause) term.appendChild(document.createTextNode(" → " + m.term));
        term.appendChild(document.createTextNode(" (" + msg(m.how) + ")"));
        why.appendChild(term);
      });
      li.appendChild(why);
    }
    return li;
  }

  function facetList(list, facets, kind) {
    var current = state[kind];
    if (current) {
      var all = el("li");
      var reset = el("button", "facet facet-all", msg("all"));
      reset.type = "button";
      reset.setAttribute("data-facet", kind + ":");
      reset.addEventListener("click", function () { setFilter(kind, ""); });
      all.appendChild(reset);
      list.appendChild(all);
    }
    facets.forEach(function (f) {
      var li = el("li");
      var b = el("button", "facet");
      b.type = "button";
      b.setAttribute("data-facet", kind + ":" + f.key);
      b.setAttribute("aria-pressed", f.key === current ? "true" : "false");
      b.appendChild(el("span", "facet-name", f.name));
      b.appendChild(el("span", "facet-count", f.count));
      b.addEventListener("click", function () { setFilter(kind, f.key === current ? "" : f.key); });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  function setFilter(kind, value) {
    state[kind] = value;
    state.limit = PAGE;
    writeUrl(true);
    run();
  }

  /** The query without the words of a question or heading (FILLERS), or null when it has none or nothing else. */
  function withoutFillers(plain) {
    var words = plain.split(" "), keep = [];
    var norm = words.map(function (w) { return AtlasSearch.normalize(w); });
    var fillers = FILLERS.map(function (f) {
      return f.split(" ").map(function (w) { var n = AtlasSearch.normalize(w); return { exact: n, folded: AtlasSearch.fold(n) }; });
    });
    for (var i = 0; i < words.length;) {
      var skip = 0;
      fillers.forEach(function (fw) {
        if (skip || i + fw.length > words.length) return;
        for (var k = 0; k < fw.length; k++) {
          var typed = norm[i + k];
          // A word typed without diacritics matches the filler's folded form.
          if (typed !== fw[k].exact && !(typed === AtlasSearch.fold(typed) && typed === fw[k].folded)) return;
        }
        skip = fw.length;
      });
      if (skip) i += skip; else keep.push(words[i++]);
    }
    return keep.length && keep.length < words.length ? keep.join(" ") : null;
  }

  /**
   * Broader queries that find more than the query's <found> passages: without quotes, without the filters, without the
   * words of a question, without one word, folded.
   */
  function suggest(q, mine, found) {
    var candidates = [];
    var plain = q.replace(/["\u201c\u201d]/g, " ").replace(/\s+/g, " ").trim();
    var folded = AtlasSearch.fold(AtlasSearch.normalize(q));
    if (folded !== AtlasSearch.normalize(q)) candidates.push({ label: msg("try-folded"), q: folded, province: state.province, theme: state.theme });
    if (state.province || state.theme) candidates.push({ label: msg("try-unfiltered"), q: q, province: "", theme: "" });
    if (plain !== q) candidates.push({ label: msg("try-broader"), q: plain, province: state.province, theme: state.theme });
    // "nq29", "ctr38": a document number typed as one word, where the texts write "29-NQ/TW".
    var apart = plain.replace(/(\p{L})(\p{N})/gu, "$1 $2").replace(/(\p{N})(\p{L})/gu, "$1 $2");
    if (apart !== plain) candidates.push({ label: msg("try-split"), q: apart, province: state.province, theme: state.theme });
    var essential = withoutFillers(plain);
    if (essential) candidates.push({ label: msg("try-broader"), q: essential, province: state.province, theme: state.theme });
    var words = plain.split(" ");
    if (words.length > 1) {
      words.forEach(function (w, i) {
        var shorter = words.slice(0, i).concat(words.slice(i + 1)).join(" ");
        candidates.push({ label: msg("try-broader"), q: shorter, province: state.province, theme: state.theme });
      });
    }
    Promise.all(candidates.map(function (c) {
      return AtlasSearch.search(c.q, { province: c.province, theme: c.theme, limit: 0 }).then(function (r) { c.total = r.total; return c; });
    })).then(function (all) {
      if (mine !== sequence) return;
      return AtlasSearch.themes().then(function (themes) { return { all: all, themes: themes }; });
    }).then(function (got) {
      if (!got || mine !== sequence) return;
      var all = got.all;
      // The themes first: for a query in English they are the only way in.
      themeSuggestions(plain, got.themes).forEach(function (t) {
        var p = el("p", "search-suggestion search-theme-suggestion");
        p.appendChild(document.createTextNode(msg("try-theme") + " "));
        var a = el("a", null, english ? t.nameEn + " (" + t.name + ")" : t.name);
        a.href = langRoot + "themes/" + encodeURIComponent(t.id) + ".html";
        p.appendChild(a);
        suggestEl.appendChild(p);
        suggestEl.hidden = false;
      });
      var seen = new Set();
      var useful = all.filter(function (c) {
        var key = c.q + "\u0000" + c.province + "\u0000" + c.theme;
        if (c.total <= found || seen.has(key)) return false;
        seen.add(key);
        return true;
      }).slice(0, 4);
      if (!useful.length) return;
      useful.forEach(function (c) {
        var p = el("p", "search-suggestion");
        p.appendChild(document.createTextNode(c.label + " "));
        var a = el("a", null, c.q);
        a.href = urlFor(c.q, c.province, c.theme);
        a.addEventListener("click", function (e) {
          e.preventDefault();
          state.q = c.q; state.province = c.province; state.theme = c.theme; state.limit = PAGE;
          input.value = c.q;
          writeUrl(true);
          run();
        });
        p.appendChild(a);
        p.appendChild(document.createTextNode(" (" + msg("count", c.total) + ")"));
        suggestEl.appendChild(p);
      });
      suggestEl.hidden = false;
    });
  }

  // Words many theme names hold ("Industry and construction", "Nông nghiệp, nông dân và nông thôn"): not a match.
  var LINKING_WORDS = new Set(["and", "the", "for", "with", "from", "into", "cua", "cac", "nhung", "trong", "voi"]);

  /**
   * Themes whose Vietnamese or English name holds at least half of the query's words (a word counts when it shares its
   * first five letters, or all of a shorter one, with a word of the name: "industrial" finds "Industry"), best first, two
   * at most. The passages are Vietnamese, so an English query ("digital transformation", "renewable energy") finds
   * nothing in them; the theme that gathers those passages is what it is looking for.
   */
  function themeSuggestions(q, themes) {
    var stem = function (w) { return w.slice(0, 5); };
    var wordsOf = function (text) { return AtlasSearch.fold(AtlasSearch.normalize(text)).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length >= 2; }); };
    var asked = wordsOf(q).filter(function (w) { return w.length >= 3 && !LINKING_WORDS.has(w); });
    if (!asked.length) return [];
    return themes.map(function (t, i) {
      var named = new Set(wordsOf(t.name + " " + (t.nameEn || "")).map(stem));
      var hits = asked.filter(function (w) { return named.has(stem(w)); }).length;
      return { theme: t, hits: hits, order: i };
    }).filter(function (m) { return m.hits * 2 >= asked.length; })
      .sort(function (x, y) { return y.hits - x.hits || x.order - y.order; })
      .slice(0, 2).map(function (m) { return m.theme; });
  }

  // ------------------------------------------------------------ events

  var timer = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      state.q = input.value;
      state.limit = PAGE;
      writeUrl(false);
      run();
    }, DEBOUNCE);
  });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    window.clearTimeout(timer);
    state.q = input.value;
    state.limit = PAGE;
    writeUrl(true);
    run();
  });

  moreEl.addEventListener("click", function () {
    if (document.activeElement === moreEl) focusFirstNew = state.limit;
    state.limit += PAGE;
    run();
  });

  // Arrow keys move between the box and the result links; Escape returns to the box.
  function resultLinks() { return Array.prototype.slice.call(resultsEl.querySelectorAll(".search-result-title a")); }
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") {
      var links = resultLinks();
      if (links.length) { e.preventDefault(); links[0].focus(); }
    }
  });
  resultsEl.addEventListener("keydown", function (e) {
    var links = resultLinks(), at = links.indexOf(document.activeElement);
    if (at < 0) return;
    if (e.key === "ArrowDown" && at + 1 < links.length) { e.preventDefault(); links[at + 1].focus(); }
    else if (e.key === "ArrowUp") { e.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    else if (e.key === "Escape") { e.preventDefault(); input.focus(); }
  });

  window.addEventListener("popstate", function () { readUrl(); run(); });

  readUrl();
  run();
  // No autofocus: keyboard and screen-reader users start at the top (skip link, then the box is the first stop in main).
})();
