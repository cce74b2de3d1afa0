/*
 * AtlasSearch — client-side passage search over the exported Lucene index (site/search/).
 *
 *   AtlasSearch.query(text, { province, theme, limit }) → Promise<[{ url, href, programme, province, section,
 *       snippet, parts, matches, score, ... }]>   (the array also carries .total and .facets)
 *   AtlasSearch.search(text, options) → Promise<{ results, total, facets, clauses }>
 *
 * Scores are Lucene 4.8 BM25Similarity scores, reproduced in float32 (Math.fround) from the exported statistics:
 * the same query structure as src/Atlas/Search/SearchQuery.cs and the same text rules as VietnameseText.cs.
 * Shards are self-registering .js files loaded with <script> tags, so this works from file:// and http(s)://.
 * No dependencies, no eval, no HTML built from strings.
 */
(function (global) {
  "use strict";

  var fround = Math.fround;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var a = 0; a < ALPHABET.length; a++) DIGIT[ALPHABET.charAt(a)] = a;

  // Where the shards live: the folder of this script, unless configured.
  var base = (function () {
    var s = typeof document !== "undefined" ? document.currentScript : null;
    if (s && s.src) return s.src.replace(/[^\/]*$/, "");
    return "search/";
  })();

  var loaded = Object.create(null);   // name → data
  var waiting = Object.create(null);  // name → { promise, resolve, reject }

  function register(name, data) {
    loaded[name] = data;
    var w = waiting[name];
    if (w) w.resolve(data);
  }

  function load(name) {
    if (name in loaded) return Promise.resolve(loaded[name]);
    if (waiting[name]) return waiting[name].promise;
    var w = {};
    w.promise = new Promise(function (resolve, reject) { w.resolve = resolve; w.reject = reject; });
    waiting[name] = w;
    var el = document.createElement("script");
    el.src = base + name + ".js";
    el.async = true;
    el.onerror = function () {
      delete waiting[name];
      w.reject(new Error("AtlasSearch: cannot load " + el.src));
    };
    el.onload = function () { el.parentNode && el.parentNode.removeChild(el); };
    (document.head || document.documentElement).appendChild(el);
    return w.promise;
  }

  // ---------------------------------------------------------------- text rules (VietnameseText.cs)

  var WORD_CHAR = /[\p{L}\p{Nd}\p{M}]/u;
  var TONES = [
    ["òa", "oà"], ["óa", "oá"], ["ỏa", "oả"], ["õa", "oã"], ["ọa", "oạ"],
    ["òe", "oè"], ["óe", "oé"], ["ỏe", "oẻ"], ["õe", "oẽ"], ["ọe", "oẹ"],
    ["ùy", "uỳ"], ["úy", "uý"], ["ủy", "uỷ"], ["ũy", "uỹ"], ["ụy", "uỵ"]
  ];
  var MAX_WORD = 64;

  function canonicalTones(s) {
    var out = null;
    for (var i = 0; i + 1 < s.length; i++) {
      for (var t = 0; t < TONES.length; t++) {
        var old = TONES[t][0];
        if (s.charCodeAt(i) === old.charCodeAt(0) && s.charCodeAt(i + 1) === old.charCodeAt(1)) {
          if (!out) out = s.split("");
          out[i] = TONES[t][1].charAt(0);
          out[i + 1] = TONES[t][1].charAt(1);
          i++;
          break;
        }
      }
    }
    return out ? out.join("") : s;
  }

  /** NFC → lower case (one UTF-16 unit at a time, like char.ToLowerInvariant) → canonical tones. Keeps the NFC length. */
  function normalize(text) {
    var nfc = String(text).normalize("NFC");
    var chars = new Array(nfc.length);
    for (var i = 0; i < nfc.length; i++) {
      var c = nfc.charAt(i), l = c.toLowerCase();
      chars[i] = l.length === 1 ? l : c;
    }
    return canonicalTones(chars.join(""));
  }

  /** Marks removed, đ → d: "điện" → "dien". */
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
  }

  /** [{ term, position, start, end }] of normalised words; offsets index the NFC text. */
  function words(text) {
    var s = normalize(text), out = [], position = 0, i = 0;
    while (i < s.length) {
      var cp = s.codePointAt(i), w = cp > 0xffff ? 2 : 1;
      if (!WORD_CHAR.test(String.fromCodePoint(cp))) { i += w; continue; }
      var start = i;
      while (i < s.length) {
        cp = s.codePointAt(i); w = cp > 0xffff ? 2 : 1;
        if (!WORD_CHAR.test(String.fromCodePoint(cp))) break;
        i += w;
      }
      if (i - start <= MAX_WORD) out.push({ term: s.slice(start, i), position: position, start: start, end: i });
      position++;
    }
    return out;
  }

  function codePoints(s) { return Array.from(s).length; }

  // ---------------------------------------------------------------- query structure (SearchQuery.cs)

  function splitQuotes(text) {
    var s = String(text).replace(/[\u201c\u201d]/g, '"');
    var count = (s.match(/"/g) || []).length;
    if (count % 2 === 1) { var last = s.lastIndexOf('"'); s = s.slice(0, last) + " " + s.slice(last + 1); }
    return s.split('"').map(function (part, i) { return { text: part, quoted: i % 2 === 1 }; })
      .filter(function (seg) { return words(seg.text).length > 0; });
  }

  function parse(text, meta) {
    var minPrefix = meta ? meta.minPrefixLength : 2;
    var segments = splitQuotes(text == null ? "" : text), clauses = [];
    segments.forEach(function (seg) {
      var ws = words(seg.text).map(function (w) { return w.term; });
      if (seg.quoted && ws.length > 1) {
        clauses.push({ input: ws.join(" "), exact: ws, folded: ws.map(fold), phrase: true, prefix: false });
      } else {
        ws.forEach(function (w) { clauses.push({ input: w, exact: [w], folded: [fold(w)], phrase: false, prefix: false }); });
      }
    });
    if (clauses.length > 0 && !segments[segments.length - 1].quoted) {
      var lastClause = clauses[clauses.length - 1];
      if (!lastClause.phrase && codePoints(lastClause.folded[0]) >= minPrefix) lastClause.prefix = true;
    }
    return clauses;
  }

  // ---------------------------------------------------------------- index access

  function keyOf(term) {
    var f = Array.from(fold(term)).slice(0, 2), key = "";
    f.forEach(function (ch) {
      var cp = ch.codePointAt(0);
      if ((cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57)) key += ch;
      else { var hex = cp.toString(16); while (hex.length < 4) hex = "0" + hex; key += "_" + hex; }
    });
    return key;
  }

  function shardOf(meta, key) {
    var starts = meta.dictionary, lo = 0, hi = starts.length - 1;
    while (lo < hi) { // last shard whose first key is <= key (ordinal, UTF-16 code units)
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return "d/" + lo;
  }

  function readVarints(s) {
    var out = [], value = 0, shift = 0;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s.charAt(i)];
      value += (d & 31) * Math.pow(2, shift);
      if (d & 32) { shift += 5; continue; }
      out.push(value); value = 0; shift = 0;
    }
    return out;
  }

  var decoded = Object.create(null); // "p/N|f:term" → { docs, freqs }

  function postingsOf(chunkName, key) {
    var id = chunkName + "|" + key;
    if (decoded[id]) return decoded[id];
    var v = readVarints(loaded[chunkName][key]), docs = [], freqs = [], doc = 0;
    for (var i = 0; i < v.length; i += 2) { doc += v[i]; docs.push(doc); freqs.push(v[i + 1]); }
    return (decoded[id] = { docs: docs, freqs: freqs });
  }

  function positionsOf(chunkName, key, postings) {
    var id = chunkName + "|" + key;
    if (decoded[id]) return decoded[id];
    var v = readVarints(loaded[chunkName][key]), byDoc = new Map(), k = 0;
    for (var i = 0; i < postings.docs.length; i++) {
      var list = [], pos = 0;
      for (var j = 0; j < postings.freqs[i]; j++) { pos += v[k++]; list.push(pos); }
      byDoc.set(postings.docs[i], list);
    }
    return (decoded[id] = byDoc);
  }

  // ---------------------------------------------------------------- BM25 exactly as Lucene 4.8 computes it (float32)

  function byte315ToFloat(b) {
    if (b === 0) return 0;
    var bits = ((b & 0xff) << 21) + ((63 - 15) << 24);
    var view = new DataView(new ArrayBuffer(4));
    view.setInt32(0, bits);
    return view.getFloat32(0);
  }

  var NORM_TABLE = (function () {
    var t = new Float64Array(256);
    for (var i = 0; i < 256; i++) { var f = byte315ToFloat(i); t[i] = fround(1 / fround(f * f)); }
    return t;
  })();

  function idf(docFreq, maxDoc) { return fround(Math.log(1 + (maxDoc - docFreq + 0.5) / (docFreq + 0.5))); }

  var caches = Object.create(null);
  function normCache(meta, field) {
    if (caches[field]) return caches[field];
    var stats = meta.fields[field], k1 = fround(meta.k1), b = fround(meta.b);
    var avgdl = stats.sumTotalTermFreq <= 0 ? 1 : fround(stats.sumTotalTermFreq / stats.maxDoc);
    var cache = new Float64Array(256);
    for (var i = 0; i < 256; i++) cache[i] = fround(k1 * fround(fround(1 - b) + fround(fround(b * NORM_TABLE[i]) / avgdl)));
    return (caches[field] = cache);
  }

  // ---------------------------------------------------------------- evaluation

  function loadAll(names) { return Promise.all(names.map(load)); }
  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

  /** The sub-queries of each clause with their dictionary entries: what Lucene's BooleanQuery holds. */
  function plan(meta, clauses) {
    var shardNames = [];
    clauses.forEach(function (c) { c.folded.forEach(function (t) { shardNames.push(shardOf(meta, keyOf(t))); }); });
    return loadAll(unique(shardNames)).then(function () {
      function entry(field, term) {
        var d = loaded[shardOf(meta, keyOf(term))][field === "text" ? "t" : "f"];
        return d && Object.prototype.hasOwnProperty.call(d, term) ? d[term] : null;
      }
      clauses.forEach(function (c) {
        c.subs = [];
        var extra = c.boost || 1; // the adjacency clause's weight (SearchQuery.AdjacencyBoost)
        c.subs.push({ field: "text", terms: c.exact, boost: fround(meta.exactBoost * extra), how: "exact" });
        c.subs.push({ field: "folded", terms: c.folded, boost: extra, how: "folded" });
        if (c.prefix) {
          var prefix = c.folded[0], dict = loaded[shardOf(meta, keyOf(prefix))].f || {}, found = [];
          Object.keys(dict).forEach(function (t) {
            if (t !== prefix && t.length > prefix.length && t.slice(0, prefix.length) === prefix) found.push([t, dict[t][0]]);
          });
          found.sort(function (x, y) { return y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0); });
          found.slice(0, meta.maxPrefixTerms).forEach(function (f) {
            c.subs.push({ field: "folded", terms: [f[0]], boost: meta.prefixBoost, how: "prefix" });
          });
        }
        c.subs.forEach(function (s) {
          s.entries = s.terms.map(function (t) { return entry(s.field, t); });
          s.exists = s.entries.every(function (e) { return e !== null; });
        });
      });
      var chunks = [];
      clauses.forEach(function (c) {
        c.subs.forEach(function (s) {
          if (!s.exists) return;
          s.entries.forEach(function (e) {
            chunks.push("p/" + e[1]);
            if (s.terms.length > 1) chunks.push("x/" + e[2]);
          });
        });
      });
      return loadAll(unique(chunks));
    });
  }

  /** Per sub-query: doc → freq (term frequency, or exact phrase frequency like ExactPhraseScorer). */
  function matchSub(s) {
    var freqs = new Map();
    if (!s.exists) return freqs;
    var lists = s.entries.map(function (e, i) { return postingsOf("p/" + e[1], (s.field === "text" ? "t:" : "f:") + s.terms[i]); });
    if (s.terms.length === 1) {
      lists[0].docs.forEach(function (d, i) { freqs.set(d, lists[0].freqs[i]); });
      return freqs;
    }
    var positions = s.entries.map(function (e, i) {
      return positionsOf("x/" + e[2], (s.field === "text" ? "t:" : "f:") + s.terms[i], lists[i]);
    });
    var shortest = 0;
    lists.forEach(function (l, i) { if (l.docs.length < lists[shortest].docs.length) shortest = i; });
    lists[shortest].docs.forEach(function (doc) {
      for (var i = 0; i < positions.length; i++) if (!positions[i].has(doc)) return;
      var sets = positions.map(function (p) { return new Set(p.get(doc)); }), count = 0;
      positions[0].get(doc).forEach(function (p0) {
        for (var i = 1; i < sets.length; i++) if (!sets[i].has(p0 + i)) return;
        count++;
      });
      if (count > 0) freqs.set(doc, count);
    });
    return freqs;
  }

  function docInfo(meta, doc) {
    var block = Math.floor(doc / meta.docInfoBlock), s = loaded["n/" + block];
    var width = 2 + meta.themeWidth, at = (doc - block * meta.docInfoBlock) * width;
    var norm = DIGIT[s.charAt(at)] * 64 + DIGIT[s.charAt(at + 1)], themes = [];
    for (var i = 0; i < meta.themeWidth; i++) {
      var m = DIGIT[s.charAt(at + 2 + i)];
      for (var bit = 0; bit < 6; bit++) if (m & (1 << bit)) themes.push(i * 6 + bit);
    }
    return { norm: norm, themes: themes };
  }

  function programmeOf(meta, doc) {
    var p = meta.programmes, lo = 0, hi = p.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (p[mid][0] <= doc) lo = mid; else hi = mid - 1; }
    return lo;
  }

  function score(meta, clauses, docs) {
    var k1 = fround(meta.k1), scores = new Map();
    docs.forEach(function (d) { scores.set(d, 0); });
    clauses.forEach(function (c) {
      var clauseSum = new Map();
      c.subs.forEach(function (s) {
        if (!s.exists) return;
        var i, idfSum = 0;
        for (i = 0; i < s.entries.length; i++) idfSum = fround(idfSum + idf(s.entries[i][0], meta.maxDoc));
        var weight = fround(fround(idfSum * fround(s.boost)) * 1);
        var weightValue = fround(weight * fround(k1 + 1)), cache = normCache(meta, s.field);
        s.freqs.forEach(function (freq, doc) {
          if (!scores.has(doc)) return;
          var norm = cache[docInfo(meta, doc).norm];
          var sc = fround(fround(weightValue * freq) / fround(freq + norm));
          clauseSum.set(doc, (clauseSum.get(doc) || 0) + sc);
        });
      });
      clauseSum.forEach(function (v, doc) { scores.set(doc, fround(scores.get(doc) + fround(v))); });
    });
    return scores;
  }

  // ---------------------------------------------------------------- snippets

  var SNIPPET = 240, LEAD = 60;
  var ADJACENCY_BOOST = 3; // SearchQuery.AdjacencyBoost

  function snippet(text, highlight) {
    var nfc = String(text).normalize("NFC"), ws = words(nfc), hits = ws.filter(highlight);
    var start = 0, end = nfc.length;
    if (nfc.length > SNIPPET) {
      var first = hits.length ? hits[0].start : 0;
      start = Math.max(0, first - LEAD);
      if (start > 0) { // begin on a word
        var w = ws.filter(function (x) { return x.start >= start; })[0];
        start = w ? Math.min(w.start, first) : first;
      }
      end = Math.min(nfc.length, start + SNIPPET);
      var cut = ws.filter(function (x) { return x.start < end && x.end > end; })[0];
      if (cut) end = cut.end;
    }
    var parts = [], at = start;
    if (start > 0) parts.push({ text: "…", match: false });
    hits.forEach(function (h) {
      if (h.start < start || h.end > end) return;
      if (h.start > at) parts.push({ text: nfc.slice(at, h.start), match: false });
      parts.push({ text: nfc.slice(h.start, h.end), match: true });
      at = h.end;
    });
    if (at < end) parts.push({ text: nfc.slice(at, end), match: false });
    if (end < nfc.length) parts.push({ text: "…", match: false });
    return { parts: parts, text: parts.map(function (p) { return p.text; }).join("") };
  }

  // ---------------------------------------------------------------- public API

  var siteRoot = base.replace(/search\/$/, "");

  function search(text, options) {
    options = options || {};
    var limit = options.limit == null ? 10 : Math.max(0, options.limit | 0);
    return load("meta").then(function (meta) {
      var clauses = parse(text, meta);
      var empty = { results: [], total: 0, facets: { provinces: [], themes: [] }, clauses: clauses };
      if (clauses.length === 0 || meta.maxDoc === 0) return empty;
      // Adjacency (SearchQuery.Adjacency): two or more unquoted words also score as a phrase, optionally.
      var adjacency = clauses.length >= 2 && clauses.every(function (c) { return !c.phrase; })
        ? [{ input: "", exact: clauses.map(function (c) { return c.exact[0]; }), folded: clauses.map(function (c) { return c.folded[0]; }), phrase: true, prefix: false, optional: true, boost: ADJACENCY_BOOST }]
        : [];
      var scored = clauses.concat(adjacency);
      return plan(meta, scored).then(function () {
        adjacency.forEach(function (c) { c.subs.forEach(function (s) { s.freqs = matchSub(s); }); });
        // Every clause must match (MUST); a clause matches through any of its sub-queries (SHOULD).
        var candidates = null;
        clauses.forEach(function (c) {
          var any = new Set();
          c.subs.forEach(function (s) { s.freqs = matchSub(s); s.freqs.forEach(function (f, d) { any.add(d); }); });
          candidates = candidates === null ? any : new Set(Array.from(candidates).filter(function (d) { return any.has(d); }));
        });
        var docs = Array.from(candidates).sort(function (x, y) { return x - y; });
        var blocks = unique(docs.map(function (d) { return "n/" + Math.floor(d / meta.docInfoBlock); }));
        return loadAll(blocks).then(function () {
          var scores = score(meta, scored, docs);
          var province = options.province || "", theme = options.theme || "";
          var themeIdx = -1;
          meta.themes.forEach(function (t, i) { if (t[0] === theme) themeIdx = i; });
          var provinceCounts = new Map(), themeCounts = new Map(), kept = [];
          docs.forEach(function (d) {
            var info = docInfo(meta, d), prov = meta.provinces[meta.programmes[programmeOf(meta, d)][1]][0];
            var inProvince = !province || prov === province, inTheme = !theme || info.themes.indexOf(themeIdx) >= 0;
            if (inTheme) provinceCounts.set(prov, (provinceCounts.get(prov) || 0) + 1);
            if (inProvince) info.themes.forEach(function (t) { themeCounts.set(t, (themeCounts.get(t) || 0) + 1); });
            if (inProvince && inTheme) kept.push(d);
          });
          kept.sort(function (x, y) { return scores.get(y) - scores.get(x) || x - y; });
          var top = kept.slice(0, limit);
          var facets = {
            provinces: meta.provinces.filter(function (p) { return provinceCounts.has(p[0]); })
              .map(function (p) { return { slug: p[0], name: p[1], count: provinceCounts.get(p[0]) }; }),
            themes: meta.themes.map(function (t, i) { return { id: t[0], name: t[1], nameEn: t[2], count: themeCounts.get(i) || 0 }; })
              .filter(function (t) { return t.count > 0; })
          };
          var stored = unique(top.map(function (d) { return "s/" + Math.floor(d / meta.storedBlock); }));
          return loadAll(stored).then(function () {
            var results = top.map(function (d) { return result(meta, clauses, d, scores.get(d)); });
            return { results: results, total: kept.length, facets: facets, clauses: clauses };
          });
        });
      });
    });
  }

  function result(meta, clauses, doc, sc) {
    var block = Math.floor(doc / meta.storedBlock), data = loaded["s/" + block];
    var row = data.d[doc - block * meta.storedBlock], prog = data.p.filter(function (p) { return p[0] === row[0]; })[0];
    var province = meta.provinces[meta.programmes[row[0]][1]];
    var exact = new Set(), folded = new Set(), matches = [];
    clauses.forEach(function (c) {
      var found = null;
      c.subs.forEach(function (s) {
        if (!s.freqs || !s.freqs.has(doc)) return;
        if (s.how === "exact") s.terms.forEach(function (t) { exact.add(t); });
        else s.terms.forEach(function (t) { folded.add(t); });
        if (!found || (found.how !== "exact" && s.how === "exact") || (found.how === "prefix" && s.how === "folded")) found = s;
      });
      if (found) matches.push({ clause: c.input, term: found.terms.join(" "), how: found.how });
    });
    var snip = snippet(row[3], function (w) { return exact.has(w.term) || folded.has(fold(w.term)); });
    var url = "programmes/" + prog[1] + ".html#" + row[1];
    var themes = docInfo(meta, doc).themes.map(function (i) { return meta.themes[i][0]; });
    return {
      url: url, href: siteRoot + url, doc: doc, slug: prog[1], passage: row[1],
      programme: prog[2], province: province[1], provinceSlug: province[0], section: row[2],
      snippet: snip.text, parts: snip.parts, matches: matches, themes: themes, score: sc
    };
  }

  function query(text, options) {
    return search(text, options).then(function (r) {
      var list = r.results.slice();
      list.total = r.total;
      list.facets = r.facets;
      return list;
    });
  }

  global.AtlasSearch = {
    query: query,
    search: search,
    parse: function (text) { return parse(text, loaded.meta); },
    normalize: normalize,
    fold: fold,
    words: words,
    configure: function (o) { if (o && o.base) { base = o.base; siteRoot = base.replace(/search\/$/, ""); } },
    _register: register
  };
})(typeof window !== "undefined" ? window : this);
