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
    if (global.__atlasLoads) global.__atlasLoads.push(name); // the benchmark's and tests' count of files a query reads
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

  // The tone table by the pair's first character (every pair starts with a toned o or u, U+00F2 and above): one
  // comparison skips almost every character (this runs over the stored text of every passage a query scores).
  var TONE_FIRST = Object.create(null);
  TONES.forEach(function (t) { (TONE_FIRST[t[0].charCodeAt(0)] = TONE_FIRST[t[0].charCodeAt(0)] || []).push(t); });

  function canonicalTones(s) {
    var out = null;
    for (var i = 0; i + 1 < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0xf2) continue;
      var pairs = TONE_FIRST[c];
      if (!pairs) continue;
      for (var t = 0; t < pairs.length; t++) {
        if (s.charCodeAt(i + 1) === pairs[t][0].charCodeAt(1)) {
          if (!out) out = s.split("");
          out[i] = pairs[t][1].charAt(0);
          out[i + 1] = pairs[t][1].charAt(1);
          i++;
          break;
        }
      }
    }
    return out ? out.join("") : s;
  }

  // Lower-casing the whole string equals lower-casing it one unit at a time except for final sigma (context) and
  // U+0130 (two units): only text holding one of them takes the slow path.
  var UNIT_LOWER = /[\u03a3\u0130]/;

  /** NFC → lower case (one UTF-16 unit at a time, like char.ToLowerInvariant) → canonical tones. Keeps the NFC length. */
  function normalize(text) {
    var nfc = String(text).normalize("NFC"), lower = nfc.toLowerCase();
    if (lower.length !== nfc.length || UNIT_LOWER.test(nfc)) {
      var chars = new Array(nfc.length);
      for (var i = 0; i < nfc.length; i++) {
        var c = nfc.charAt(i), l = c.toLowerCase();
        chars[i] = l.length === 1 ? l : c;
      }
      lower = chars.join("");
    }
    return canonicalTones(lower);
  }

  // Folded forms of words already seen: scoring from stored text folds every word of every passage it reads, and
  // the vocabulary is small. Bounded (cleared when full); long text is not kept.
  var foldMemo = new Map();
  var NON_ASCII = /[^\x00-\x7f]/;

  /** Marks removed, đ → d: "điện" → "dien". */
  function fold(text) {
    var s = String(text), r = foldMemo.get(s);
    if (r !== undefined) return r;
    r = NON_ASCII.test(s) ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC") : s;
    if (s.length <= MAX_WORD) {
      if (foldMemo.size >= 50000) foldMemo.clear();
      foldMemo.set(s, r);
    }
    return r;
  }

  // Whether a BMP code unit is a letter, decimal digit or mark, decided once per character by the regular expression
  // (0 not yet known, 1 yes, 2 no); ASCII by ranges.
  var WORD_BMP = new Uint8Array(65536);
  function isWordCode(cp) {
    if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
    if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp));
    var k = WORD_BMP[cp];
    if (k === 0) WORD_BMP[cp] = k = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    return k === 1;
  }

  /** [{ term, position, start, end }] of normalised words; offsets index the NFC text. */
  function words(text) {
    var s = normalize(text), out = [], position = 0, i = 0, n = s.length;
    while (i < n) {
      var cp = s.codePointAt(i);
      if (!isWordCode(cp)) { i += cp > 0xffff ? 2 : 1; continue; }
      var start = i;
      while (i < n) {
        cp = s.codePointAt(i);
        if (!isWordCode(cp)) break;
        i += cp > 0xffff ? 2 : 1;
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

  // A province named at the start or the end of the query is a province filter (SearchQuery.WithoutProvince).
  var UNIT_KINDS = [["tinh"], ["thanh", "pho"], ["tp"]];

  function impliedProvince(clauses, meta) {
    var found = null, ambiguous = false;
    function at(i, ws) {
      if (i < 0 || i + ws.length > clauses.length) return false;
      for (var k = 0; k < ws.length; k++) if (clauses[i + k].phrase || clauses[i + k].folded[0] !== ws[k]) return false;
      return true;
    }
    function runs(name) {
      var out = [], lead = -1, kindBefore = 0, end = clauses.length - name.length;
      UNIT_KINDS.forEach(function (k) { if (at(0, k) && at(k.length, name)) lead = Math.max(lead, k.length); });
      if (lead >= 0) out.push([0, lead + name.length]);
      else if (at(0, name)) out.push([0, name.length]);
      if (end > 0 && at(end, name)) {
        UNIT_KINDS.forEach(function (k) { if (at(end - k.length, k)) kindBefore = Math.max(kindBefore, k.length); });
        out.push([end - kindBefore, name.length + kindBefore]);
      }
      return out;
    }
    (meta.provinces || []).forEach(function (p) {
      if (!p[0]) return;
      var name = words(p[1] || "").map(function (w) { return fold(w.term); });
      if (name.length === 0 || name.length >= clauses.length) return;
      runs(name).forEach(function (r) {
        if (found && found.slug !== p[0]) ambiguous = true;
        if (!found || r[1] > found.length) found = { slug: p[0], start: r[0], length: r[1] };
      });
    });
    if (!found || ambiguous || found.length >= clauses.length) return null;
    return {
      slug: found.slug,
      clauses: clauses.filter(function (c, i) { return i < found.start || i >= found.start + found.length; })
    };
  }

  // ---------------------------------------------------------------- index access (format 5, BrowserIndexWriter.cs)

  function hasOwn(o, k) { return o != null && Object.prototype.hasOwnProperty.call(o, k); }

  /** The dictionary shard holding a folded word: the last one whose first word is <= it (ordinal, UTF-16 units). */
  function shardIndex(meta, folded) {
    var starts = meta.dictionary, lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= folded) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function shardsFor(meta, folded, prefix) {
    var first = shardIndex(meta, folded), last = prefix ? shardIndex(meta, folded + "\uffff") : first, out = [];
    for (var i = first; i <= last; i++) out.push("d/" + i);
    return out;
  }

  /** Dictionary entry [docFreq, match-set chunk, (page chunk, freq, norm)…] or null. */
  function entryOf(meta, field, term) {
    var shard = loaded["d/" + shardIndex(meta, field === "f" ? term : fold(term))];
    var d = shard && shard[field];
    return hasOwn(d, term) ? d[term] : null;
  }

  function varintReader(s) {
    var at = 0;
    return {
      more: function () { return at < s.length; },
      next: function () {
        var value = 0, shift = 0;
        for (;;) {
          var d = DIGIT[s.charAt(at++)];
          value += (d & 31) * Math.pow(2, shift);
          if (!(d & 32)) return value;
          shift += 5;
        }
      },
      skip: function (n) { var from = at; at += n; return s.slice(from, at); }
    };
  }

  var decoded = Object.create(null); // chunk|key → decoded match set or page

  /** A match set (DocSets.Encode) as a bit array over all documents. */
  function matchSet(meta, chunk, key) {
    var id = chunk + "|" + key;
    if (decoded[id]) return decoded[id];
    return (decoded[id] = decodeSet(meta, loaded[chunk][key]));
  }

  function decodeSet(meta, encoded) {
    if (encoded.charAt(0) === "~") return decodeTemplated(meta, encoded);
    var bits = new Uint32Array((meta.maxDoc + 31) >>> 5), r = varintReader(encoded);
    var cb = meta.containerBits, chars = Math.ceil((1 << cb) / 6), container = -1;
    while (r.more()) {
      container += r.next() + 1;
      var header = r.next(), count = Math.floor(header / 2), base = container << cb;
      if (header % 2 === 0) {
        var last = base - 1;
        for (var k = 0; k < count; k++) { last += r.next() + 1; bits[last >>> 5] |= 1 << (last & 31); }
      } else {
        var map = r.skip(chars);
        for (var c = 0; c < chars; c++) {
          var v = DIGIT[map.charAt(c)];
          for (var bit = 0; v && bit < 6; bit++, v >>= 1) {
            var doc = base + c * 6 + bit;
            if ((v & 1) && doc < meta.maxDoc) bits[doc >>> 5] |= 1 << (doc & 31);
          }
        }
      }
    }
    return bits;
  }

  /**
   * A set told per programme relative to its template, an earlier programme of the same length (CopyTemplates.cs):
   * the listed places of a programme flip its template's set at the same places.
   */
  function decodeTemplated(meta, encoded) {
    var bits = new Uint32Array((meta.maxDoc + 31) >>> 5), r = varintReader(encoded.slice(1));
    var starts = programmes(meta).starts, tmpl = templatesOf(meta), skip = r.more() ? r.next() : Infinity;
    for (var p = 0; p < starts.length; p++) {
      var from = starts[p], to = p + 1 < starts.length ? starts[p + 1] : meta.maxDoc, q = tmpl[p];
      if (q >= 0) for (var i = 0, src = starts[q]; from + i < to; i++) if (setHas(bits, src + i)) bits[(from + i) >>> 5] |= 1 << ((from + i) & 31);
      if (skip > 0) { skip--; continue; }
      var count = r.next() + 1, place = -1;
      for (var k = 0; k < count; k++) { place += r.next() + 1; bits[(from + place) >>> 5] ^= 1 << ((from + place) & 31); }
      skip = r.more() ? r.next() : Infinity;
    }
    return bits;
  }

  var templateCache = null;
  function templatesOf(meta) {
    if (templateCache && templateCache.meta === meta) return templateCache.list;
    var list = [], r = varintReader(meta.templates || ""), p = 0;
    while (r.more()) { var back = r.next(); list.push(back ? p - back : -1); p++; }
    templateCache = { meta: meta, list: list };
    return list;
  }

  // ---------------------------------------------------------------- copies (format 5)
  // Passages with the very same words (a resolution's wording repeated by many programmes) score alike for every
  // query: impact pages list only the first copy of each. meta.reps: the first copies (absent when every passage is
  // its own); r/N: per passage its first copy; x/N (with the text) and e/N: per first copy its other copies.

  var repsCache = null;
  function repsBits(meta) {
    if (!meta.reps) return null;
    if (repsCache && repsCache.meta === meta) return repsCache.bits;
    repsCache = { meta: meta, bits: decodeSet(meta, meta.reps) };
    return repsCache.bits;
  }

  function repBlockName(meta, doc) { return "r/" + Math.floor(doc / meta.repBlock); }
  /** The first copy of a passage (its r/ file loaded). */
  function repOf(meta, doc) {
    var block = Math.floor(doc / meta.repBlock), id = "r/" + block, reps = decoded[id];
    if (!reps) {
      var r = varintReader(loaded[id]), prev = -1, out = [];
      while (r.more()) { var v = r.next(); prev += 1 + (v % 2 === 0 ? v / 2 : -(v + 1) / 2); out.push(prev); }
      reps = decoded[id] = out;
    }
    return reps[doc - block * meta.repBlock];
  }

  /**
   * A first copy and its other copies, in document order (its x/ file loaded): x/ lists the first few with their
   * count and, when there are more, the e/ file listing all (used when it is loaded). { docs, more: e/ file or null }
   */
  function copiesOf(meta, rep) {
    var entry = textOf(meta, rep)[2], out = [rep], key = String(rep);
    if (!entry) return { docs: out, more: null };
    var r = varintReader(entry), count = r.next(), more = null;
    if (count > meta.copyTier) {
      more = "e/" + r.next();
      if (loaded[more]) { r = varintReader(loaded[more][key]); more = null; }
    }
    var last = rep;
    while (r.more()) { last += r.next() + 1; out.push(last); }
    return { docs: out, more: more };
  }

  function setAnd(a, b) { var out = new Uint32Array(a.length); for (var i = 0; i < a.length; i++) out[i] = a[i] & b[i]; return out; }
  function setOr(a, b) { var out = new Uint32Array(a.length); for (var i = 0; i < a.length; i++) out[i] = a[i] | b[i]; return out; }
  function setHas(bits, doc) { return (bits[doc >>> 5] & (1 << (doc & 31))) !== 0; }
  function popcount(v) { var x = v - ((v >>> 1) & 0x55555555); x = (x & 0x33333333) + ((x >>> 2) & 0x33333333); return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24; }
  function setCount(bits) {
    var n = 0;
    for (var i = 0; i < bits.length; i++) n += popcount(bits[i]);
    return n;
  }
  function setEach(bits, fn) {
    for (var i = 0; i < bits.length; i++) {
      var x = bits[i];
      while (x) { var low = x & -x; fn(i * 32 + 31 - Math.clz32(low)); x ^= low; }
    }
  }

  /**
   * One impact page: [{ doc, freq, norm, pos }] best first (a pair's page "p:…": no positions, pos null). An exact
   * form's posting ("t:…") also says whether it is the passage's only form of its folded word (sole: the folded
   * posting is the same).
   */
  function page(chunk, key) {
    var id = chunk + "|" + key;
    if (decoded[id]) return decoded[id];
    var r = varintReader(loaded[chunk][key]), out = [], withPos = key.charAt(0) !== "p", flagged = key.charAt(0) === "t";
    while (r.more()) {
      var freq = r.next(), norm = r.next(), count = r.next(), doc = 0;
      for (var k = 0; k < count; k++) {
        var v = r.next(), sole = false;
        if (flagged) { sole = v % 2 === 1; v = Math.floor(v / 2); }
        doc = k === 0 ? v : doc + v + 1;
        var pos = withPos ? new Array(freq) : null, p = 0;
        for (var j = 0; withPos && j < freq; j++) { p += r.next(); pos[j] = p; }
        out.push({ doc: doc, freq: freq, norm: norm, pos: pos, sole: sole });
      }
    }
    return (decoded[id] = out);
  }

  var programmeCache = null;
  function programmes(meta) {
    if (programmeCache && programmeCache.meta === meta) return programmeCache;
    var r = varintReader(meta.programmes), starts = [], provinces = [], at = 0;
    while (r.more()) { at += r.next(); starts.push(at); provinces.push(r.next()); }
    return (programmeCache = { meta: meta, starts: starts, provinces: provinces });
  }

  function programmeOf(meta, doc) {
    var p = programmes(meta).starts, lo = 0, hi = p.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (p[mid] <= doc) lo = mid; else hi = mid - 1; }
    return lo;
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
    var id = field + "|" + meta.maxDoc;
    if (caches[id]) return caches[id];
    var stats = meta.fields[field], k1 = fround(meta.k1), b = fround(meta.b);
    var avgdl = stats.sumTotalTermFreq <= 0 ? 1 : fround(stats.sumTotalTermFreq / stats.maxDoc);
    var cache = new Float64Array(256);
    for (var i = 0; i < 256; i++) cache[i] = fround(k1 * fround(fround(1 - b) + fround(fround(b * NORM_TABLE[i]) / avgdl)));
    return (caches[id] = cache);
  }

  /** BM25's term-frequency part, freq / (freq + length part), in (0, 1): what impact pages are ordered by. */
  function tfPart(cache, freq, norm) { return freq / (freq + cache[norm]); }

  // ---------------------------------------------------------------- evaluation

  function loadAll(names) { return Promise.all(names.map(load)); }
  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

  var MARGIN = 1 + 1e-5;   // upper bounds are computed in float64; Lucene sums float32
  // A document whose bound is within this of the k-th score can only tie it (float noise aside); ties go by document
  // order and the impact pages list equal postings in document order, so such documents are not read.
  var TIE = 1 + 3e-5;
  var PAGE_BATCH = 3;      // lists read one page further per step
  var SMALL_LIST = 512;    // a list of at most this many passages (of its first copies fewer) is read whole at once
  var TEXT_BATCH = 8;      // unresolved candidates scored from their stored text in one step
  var NEED_BATCH = 64;     // open candidates decided per step to choose the lists to read next
  var THEME_SAMPLE = 3;    // theme-mask files read for approximate theme counts on a large result set
  var EAGER_TEXTS = 1;      // per result asked for, passages scored from their text before the lists decide them
  // Impact pages one ranking may read. Words found in most passages (three such words in a large atlas) score nearly
  // alike everywhere, and proving the exact top passages read hundreds of pages (a megabyte on a phone). Past the
  // budget the best candidates so far are scored from their text and returned: the first results are then the best
  // of those read, not proven the best of all. An atlas of a few hundred programmes never reaches it.
  var PAGE_BUDGET = 80;
  var BUDGET_TEXTS = 2;     // per result asked for, candidates scored from their text once the page budget is spent
  var PHRASE_VERIFY = 4000;
  var PHRASE_REP_FILES = 4; // r/ files a quoted phrase's check may read
  var PHRASE_TEXTS = 16;    // passages holding all of a quoted phrase's pairs checked from their stored text // postings a quoted phrase's words may have for every match to be checked exactly

  /** A term's impact list as far as it is loaded: postings seen (doc → posting) and the best impact left. */
  function listOf(state, field, term) {
    var id = field + ":" + term;
    if (state.lists[id]) return state.lists[id];
    var e = entryOf(state.meta, field, term);
    var l = { id: id, field: field, term: term, entry: e, pages: 0, seen: new Map(), cache: normCache(state.meta, field === "t" ? "text" : "folded") };
    state.lists[id] = l;
    return l;
  }

  /** An adjacent word pair's impact list (postings: passage, pair frequency, norm), when the export has pages for it. */
  function pairList(state, pair, entry) {
    var id = "p:" + pair;
    if (state.lists[id]) return state.lists[id];
    if (!entry || entry.length <= 2) return null;
    return (state.lists[id] = { id: id, field: "p", term: pair, entry: entry, pages: 0, seen: new Map(), cache: normCache(state.meta, "folded") });
  }

  function pageCount(l) { return l.entry ? (l.entry.length - 2) / 3 : 0; }
  function complete(l) { return l.pages >= pageCount(l); }
  function remaining(l) {
    if (complete(l)) return 0;
    var at = 2 + 3 * l.pages;
    return tfPart(l.cache, l.entry[at + 1], l.entry[at + 2]);
  }
  function nextPageChunk(l) { return "i/" + l.entry[2 + 3 * l.pages]; }
  /**
   * Reads the list's next page into its seen postings. With a filter the postings are renamed after the lowest
   * passage of the filter among each first copy's copies (state.keyOf), those with none dropped.
   */
  function takePage(state, l) {
    var chunk = nextPageChunk(l), postings = page(chunk, (l.field) + ":" + l.term + ":" + l.pages);
    l.pages++;
    if (state.keyOf) return keyed(state.keyOf, l, postings);
    for (var i = 0; i < postings.length; i++) l.seen.set(postings[i].doc, postings[i]);
    return postings;
  }

  function keyed(keyOf, l, postings) {
    var out = [];
    for (var i = 0; i < postings.length; i++) {
      var p = postings[i], k = keyOf.get(p.doc);
      if (k === undefined) continue;
      if (k !== p.doc) p = { doc: k, freq: p.freq, norm: p.norm, pos: p.pos, sole: p.sole };
      l.seen.set(k, p);
      out.push(p);
    }
    return out;
  }

  /** The sub-queries of each clause with their lists: what Lucene's BooleanQuery holds (SearchQuery.cs). */
  function plan(meta, clauses, state) {
    var shardNames = [];
    clauses.forEach(function (c) {
      c.folded.forEach(function (t, i) { shardNames = shardNames.concat(shardsFor(meta, t, c.prefix && i === 0)); });
    });
    return loadAll(unique(shardNames)).then(function () {
      var k1 = fround(meta.k1);
      clauses.forEach(function (c) {
        c.subs = [];
        var extra = c.boost || 1; // the adjacency clause's weight (SearchQuery.AdjacencyBoost)
        c.subs.push({ field: "text", terms: c.exact, boost: fround(meta.exactBoost * extra), how: "exact" });
        c.subs.push({ field: "folded", terms: c.folded, boost: extra, how: "folded" });
        c.expansions = [];
        if (c.prefix) {
          var prefix = c.folded[0], found = [];
          shardsFor(meta, prefix, true).forEach(function (name) {
            var dict = loaded[name].f || {};
            Object.keys(dict).forEach(function (t) {
              if (t !== prefix && t.length > prefix.length && t.slice(0, prefix.length) === prefix) found.push([t, dict[t][0]]);
            });
          });
          found.sort(function (x, y) { return y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0); });
          found.slice(0, meta.maxPrefixTerms).forEach(function (f) {
            c.expansions.push(f[0]);
            c.subs.push({ field: "folded", terms: [f[0]], boost: meta.prefixBoost, how: "prefix" });
          });
          var u = loaded["d/" + shardIndex(meta, prefix)].u;
          c.union = hasOwn(u, prefix) ? "m/" + u[prefix] : null;
        }
        c.subs.forEach(function (s) {
          s.lists = s.terms.map(function (t) {
            var l = listOf(state, s.field === "text" ? "t" : "f", t);
            if (l.field === "t" && l.entry && !l.sibling) {
              var sib = listOf(state, "f", fold(t));
              if (sib.entry) { l.sibling = sib; (sib.exactForms = sib.exactForms || []).push(l); }
            }
            return l;
          });
          s.exists = s.lists.every(function (l) { return l.entry !== null; });
          if (!s.exists) return;
          var idfSum = 0;
          s.lists.forEach(function (l) { idfSum = fround(idfSum + idf(l.entry[0], meta.maxDoc)); });
          var weight = fround(fround(idfSum * fround(s.boost)) * 1);
          s.weight = fround(weight * fround(k1 + 1));
          s.cache = s.lists[0].cache;
        });
      });
    });
  }

  function pairHash(pair) {
    var h = 2166136261;
    for (var i = 0; i < pair.length; i++) { h ^= pair.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h;
  }

  /**
   * Phrases (quoted clauses and the adjacency clause) read the sets of their adjacent word pairs: a passage without
   * one of the pairs cannot hold the phrase, so its phrase score is decided (zero) without reading positions.
   */
  function loadPairs(meta, scored, state) {
    var pairs = [];
    scored.forEach(function (c) {
      if (!c.phrase) return;
      c.pairs = [];
      c.pairLists = [];
      for (var i = 0; i + 1 < c.folded.length; i++) { c.pairs.push(c.folded[i] + " " + c.folded[i + 1]); }
      pairs = pairs.concat(c.pairs);
    });
    if (!pairs.length || !meta.pairBuckets) return Promise.resolve();
    var bucketOf = function (p) { return "b/" + (pairHash(p) % meta.pairBuckets); };
    return loadAll(unique(pairs.map(bucketOf))).then(function () {
      var chunks = [];
      pairs.forEach(function (p) { var b = loaded[bucketOf(p)]; if (hasOwn(b, p)) chunks.push("m/" + b[p][1]); });
      return loadAll(unique(chunks));
    }).then(function () {
      scored.forEach(function (c) {
        if (!c.phrase) return;
        var set = null;
        c.pairs.forEach(function (p) {
          var b = loaded[bucketOf(p)], one = hasOwn(b, p) ? matchSet(meta, "m/" + b[p][1], "b:" + p) : new Uint32Array((meta.maxDoc + 31) >>> 5);
          set = set ? setAnd(set, one) : one;
          var pl = hasOwn(b, p) ? pairList(state, p, b[p]) : null;
          if (pl && c.pairLists.indexOf(pl) < 0) c.pairLists.push(pl);
        });
        c.pairSet = set;
      });
    });
  }

  /** The documents every required clause matches (a phrase clause: all its words; checked later). */
  function matchPlan(meta, clauses) {
    var names = [];
    clauses.forEach(function (c) {
      // A phrase's passages are those holding all its adjacent pairs (loadPairs), which hold its words too.
      if (c.phrase) return;
      c.folded.forEach(function (t) { var e = entryOf(meta, "f", t); if (e) names.push("m/" + e[1]); });
      if (c.union) names.push(c.union);
      else c.expansions.forEach(function (t) { names.push("m/" + entryOf(meta, "f", t)[1]); });
    });
    return unique(names);
  }

  function clauseSet(meta, c) {
    if (c.phrase) return c.pairSet || new Uint32Array((meta.maxDoc + 31) >>> 5); // no pair in the atlas: no phrase
    var words = c.folded.map(function (t) { var e = entryOf(meta, "f", t); return e ? matchSet(meta, "m/" + e[1], "f:" + t) : null; });
    var set = words[0] || new Uint32Array((meta.maxDoc + 31) >>> 5);
    if (c.union) return setOr(set, (c.unionSet = matchSet(meta, c.union, "u:" + c.folded[0])));
    c.expansions.forEach(function (t) { set = setOr(set, matchSet(meta, "m/" + entryOf(meta, "f", t)[1], "f:" + t)); });
    return set;
  }

  /** Phrase frequency from per-word positions, as Lucene's ExactPhraseScorer counts it. */
  function phraseFreq(positions) {
    var count = 0, first = positions[0];
    for (var i = 0; i < first.length; i++) {
      var ok = true;
      for (var j = 1; j < positions.length && ok; j++) ok = positions[j].indexOf(first[i] + j) >= 0;
      if (ok) count++;
    }
    return count;
  }

  /** Every sub-query's frequency in a passage, from its stored text (the analyzer's rules, VietnameseText.cs). */
  function textFeatures(scored, text, ws) {
    ws = ws || words(text);
    // Positions only of the words the sub-queries ask for (the query's terms, gathered once per query).
    var need = scored.need;
    if (!need) {
      need = scored.need = { exact: new Set(), folded: new Set() };
      scored.forEach(function (c) {
        (c.subs || []).forEach(function (s) { s.terms.forEach(function (t) { (s.field === "text" ? need.exact : need.folded).add(t); }); });
      });
    }
    var exact = Object.create(null), folded = Object.create(null);
    for (var i = 0; i < ws.length; i++) {
      var w = ws[i], f = fold(w.term);
      if (need.exact.has(w.term)) (exact[w.term] = exact[w.term] || []).push(w.position);
      if (need.folded.has(f)) (folded[f] = folded[f] || []).push(w.position);
    }
    var feats = [];
    scored.forEach(function (c) {
      feats.push(c.subs.map(function (s) {
        if (!s.exists) return 0;
        var map = s.field === "text" ? exact : folded;
        var positions = s.terms.map(function (t) { return map[t] || []; });
        if (positions.some(function (p) { return p.length === 0; })) return 0;
        return positions.length === 1 ? positions[0].length : phraseFreq(positions);
      }));
    });
    return feats;
  }

  /** Lucene's sum: float32 per sub-score, per clause, per query (BooleanScorer, no coord). */
  function exactScore(scored, feats, norm) {
    var total = 0;
    scored.forEach(function (c, ci) {
      var sum = 0, any = false;
      c.subs.forEach(function (s, si) {
        var f = feats[ci][si];
        if (!s.exists || !f) return;
        sum += fround(fround(s.weight * f) / fround(f + s.cache[norm]));
        any = true;
      });
      if (any) total = fround(total + fround(sum));
    });
    return total;
  }

  /** True when every required clause matches (a quoted phrase needs its words side by side). */
  function matchesAll(clauses, feats) {
    return clauses.every(function (c, ci) { return feats[ci].some(function (f) { return f > 0; }); });
  }

  /**
   * What the loaded impact pages say about one document: exact frequencies when every list is decided for it,
   * else an upper bound of its score. A list is decided when the document was seen in it, when the list is
   * complete, or when the word's match set excludes the document.
   */
  function assess(state, scored, doc) {
    // Plain loops, no closures: this runs for every candidate at every step of a ranking (hundreds of thousands of
    // times for a query of common words in a large atlas of distinct programmes).
    var feats = [], exact = true, ub = 0, norm = -1, ci, si, li, c, s, l, p;
    // A passage's norm is the same in every list (both fields have its length): the first posting seen gives it.
    for (ci = 0; ci < scored.length && norm < 0; ci++) {
      c = scored[ci];
      for (si = 0; si < c.subs.length && norm < 0; si++) {
        s = c.subs[si];
        if (!s.exists) continue;
        for (li = 0; li < s.lists.length; li++) { p = s.lists[li].seen.get(doc); if (p) { norm = p.norm; break; } }
      }
      if (c.pairLists) for (li = 0; li < c.pairLists.length && norm < 0; li++) { p = c.pairLists[li].seen.get(doc); if (p) norm = p.norm; }
    }
    for (ci = 0; ci < scored.length; ci++) {
      c = scored[ci];
      var cf = [];
      // The phrase's pair lists: its frequency is at most each pair's (a two-word phrase's folded frequency is its pair's).
      var pairFreq = Infinity, pairBound = Infinity;
      if (c.pairLists) for (li = 0; li < c.pairLists.length; li++) {
        l = c.pairLists[li];
        p = l.seen.get(doc);
        if (p) { pairFreq = Math.min(pairFreq, p.freq); pairBound = Math.min(pairBound, tfPart(l.cache, p.freq, p.norm)); }
        else pairBound = Math.min(pairBound, complete(l) ? 0 : remaining(l));
      }
      for (si = 0; si < c.subs.length; si++) {
        s = c.subs[si];
        if (!s.exists || (c.pairSet && s.lists.length > 1 && !setHas(c.pairSet, doc))) { cf.push(0); continue; }
        // A passage outside the union of a prefix's expansions holds none of them.
        if (s.how === "prefix" && c.unionSet && !setHas(c.unionSet, doc)) { cf.push(0); continue; }
        var phrase = s.lists.length > 1;
        if (phrase && pairBound === 0) { cf.push(0); continue; }
        var known = true, absent = false, bound = Infinity, positions = null;
        for (li = 0; li < s.lists.length; li++) {
          var info = termInfo(state, s.lists[li], doc, norm);
          if (info === ABSENT) { absent = true; break; }
          if (typeof info === "number") { known = false; bound = Math.min(bound, info); continue; }
          (positions = positions || []).push(info.pos);
          if (norm >= 0) bound = Math.min(bound, tfPart(s.cache, info.freq, norm));
        }
        if (absent) { cf.push(0); continue; }
        if (!known && phrase && s.lists.length === 2 && pairFreq !== Infinity && pairExact(state, s, doc)) {
          // Two words whose every occurrence here is the clause's form: the phrase frequency is the pair's.
          cf.push(pairFreq);
          if (norm >= 0) ub += s.weight * tfPart(s.cache, pairFreq, norm);
          continue;
        }
        if (phrase) bound = Math.min(bound, pairBound);
        if (known) {
          var f = positions.length === 1 ? positions[0].length : phraseFreq(positions);
          cf.push(f);
          if (f && norm >= 0) ub += s.weight * tfPart(s.cache, f, norm);
          continue;
        }
        exact = false;
        cf.push(null);
        ub += s.weight * Math.min(1, bound === Infinity ? 1 : bound);
      }
      feats.push(cf);
    }
    if (exact && norm >= 0) return { exact: true, feats: feats, norm: norm };
    return { exact: false, ub: ub * MARGIN };
  }

  var ABSENT = {};

  /** True when a folded list's posting for this passage is known from an exact form's sole posting. */
  function soleIn(l, doc) {
    if (!l.exactForms) return false;
    for (var e = 0; e < l.exactForms.length; e++) { var q = l.exactForms[e].seen.get(doc); if (q && q.sole) return true; }
    return false;
  }

  /**
   * True when a two-word phrase sub's frequency in this passage equals its pair's: folded words, or exact words each
   * seen with the frequency of its folded form (every occurrence of the folded word is this exact form).
   */
  function pairExact(state, s, doc) {
    return s.lists.every(function (l) {
      var p = l.seen.get(doc);
      if (!p) return false;
      if (l.field === "f" || p.sole) return true;
      var f = state.lists["f:" + fold(l.term)], q = f && f.seen.get(doc);
      return !!q && q.freq === p.freq;
    });
  }

  /**
   * What one list knows of a document: its posting, ABSENT, or (a number) a bound of its impact. An exact-form word
   * never occurs more often than its folded form, so the folded list bounds (and may exclude) the exact one.
   */
  function termInfo(state, l, doc, norm) {
    var p = l.seen.get(doc);
    if (p) return p;
    if (l.exactForms) for (var e = 0; e < l.exactForms.length; e++) { var q = l.exactForms[e].seen.get(doc); if (q && q.sole) return q; }
    var set = state.wordSets[wordSetKey(l)];
    if (complete(l) || (set && !setHas(set, doc))) return ABSENT;
    var b = remaining(l);
    if (l.sibling) {
      var si = termInfo(state, l.sibling, doc, norm);
      if (si === ABSENT) return ABSENT;
      b = Math.min(b, typeof si === "number" ? si : (norm >= 0 ? tfPart(l.cache, si.freq, norm) : b));
    }
    return b;
  }

  /** The key of a list's word in state.wordSets (made once per list: it is asked for every candidate). */
  function wordSetKey(l) { return l.wordSetKey || (l.wordSetKey = l.term + "|" + l.field); }

  function listBound(l) { return l.sibling ? Math.min(remaining(l), remaining(l.sibling)) : remaining(l); }

  /** Bound of any document no loaded page has shown yet. */
  function unseenBound(scored) {
    var ub = 0;
    scored.forEach(function (c) {
      // A phrase whose possible passages (all pairs present) have all been seen adds nothing to unseen ones.
      var phraseDone = c.pairDocs && c.pairDone;
      c.subs.forEach(function (s) {
        if (!s.exists || (phraseDone && s.lists.length > 1)) return;
        var b = Infinity;
        s.lists.forEach(function (l) { b = Math.min(b, listBound(l)); });
        if (s.lists.length > 1 && c.pairLists) c.pairLists.forEach(function (l) { b = Math.min(b, remaining(l)); });
        ub += s.weight * b;
      });
    });
    return ub * MARGIN;
  }

  // s/: what a result shows of a passage, x/: the text (and norm byte) of first copies, by their rank among them.
  function storedName(meta, doc) { return "s/" + Math.floor(doc / meta.storedBlock); }
  function storedRow(meta, doc) {
    var block = Math.floor(doc / meta.storedBlock);
    return loaded["s/" + block].d[doc - block * meta.storedBlock];
  }
  var rankCache = null;
  function repRank(meta, rep) {
    var bits = repsBits(meta);
    if (!bits) return rep;
    if (!rankCache || rankCache.meta !== meta) {
      var before = new Int32Array(bits.length + 1);
      for (var w = 0; w < bits.length; w++) before[w + 1] = before[w] + popcount(bits[w]);
      rankCache = { meta: meta, before: before };
    }
    return rankCache.before[rep >>> 5] + (rep & 31 ? popcount(bits[rep >>> 5] << (32 - (rep & 31))) : 0);
  }
  function textName(meta, rep) { return "x/" + Math.floor(repRank(meta, rep) / meta.textBlock); }
  /** [text, norm byte] of a first copy (its x/ file loaded). */
  function textOf(meta, rep) {
    var rank = repRank(meta, rep), block = Math.floor(rank / meta.textBlock);
    return loaded["x/" + block][rank - block * meta.textBlock];
  }
  /** The first copy of a passage whose s/ file is loaded. */
  function rowRep(meta, doc) { return doc - storedRow(meta, doc)[4]; }

  /**
   * The best `limit` documents of `set` by Lucene's score, then document order. Impact pages are read best first
   * until no document outside the current top can reach it (upper bounds); a candidate whose lists are not all
   * decided is scored exactly from its stored text.
   * Incremental: a document is assessed when a page first shows it; an exact score never changes, and a bound only
   * falls while the k-th score only rises, so a candidate once below the k-th score is dropped for good. A step costs
   * the postings it reads plus the candidates still open, not everything seen so far.
   */
  function topDocs(state, clauses, scored, set, count, limit, membersOf) {
    var meta = state.meta, lists = [], byText = state.byText;
    scored.forEach(function (c) { c.subs.forEach(function (s) { if (s.exists) s.lists.forEach(function (l) { if (lists.indexOf(l) < 0) lists.push(l); }); }); });
    scored.forEach(function (c) { (c.pairLists || []).forEach(function (l) { if (lists.indexOf(l) < 0) lists.push(l); }); });
    // First pages of the lists that bound something no other list bounds: a phrase's words are not read first when
    // its pairs have lists (a phrase occurs at most as often as each pair; its candidates are scored from their text).
    var firstNeeded = new Set();
    scored.forEach(function (c) {
      c.subs.forEach(function (s) {
        if (s.exists && (s.lists.length === 1 || !(c.pairLists && c.pairLists.length))) s.lists.forEach(function (l) { firstNeeded.add(l); });
      });
      (c.pairLists || []).forEach(function (l) { firstNeeded.add(l); });
    });
    var first = lists.filter(function (l) { return l.pages === 0 && !complete(l) && firstNeeded.has(l); });
    scored.forEach(function (c) {
      if (!c.pairSet) return;
      var docs = [], both = setAnd(set, c.pairSet);
      setEach(both, function (d) { if (docs.length <= 4096) docs.push(d); });
      c.pairDocs = docs.length <= 4096 ? docs : null;
      c.pairLeft = c.pairDocs ? c.pairDocs.length : -1; // phrase documents not seen yet
    });
    var seenBits = new Uint32Array(set.length), seenCount = 0, fresh = [];
    var pairSets = scored.filter(function (c) { return c.pairDocs; });
    function see(doc) {
      if (!setHas(set, doc) || setHas(seenBits, doc)) return;
      seenBits[doc >>> 5] |= 1 << (doc & 31);
      seenCount++;
      fresh.push(doc);
      for (var i = 0; i < pairSets.length; i++) if (setHas(pairSets[i].pairSet, doc)) pairSets[i].pairLeft--;
    }
    lists.forEach(function (l) { l.seen.forEach(function (p, doc) { see(doc); }); });
    function take(l) { var postings = takePage(state, l); for (var i = 0; i < postings.length; i++) see(postings[i].doc); }

    // Best exact { doc, score } groups of copies, best first, as many as hold the first `limit` passages. A group
    // stands for its passages (membersOf: those known, in document order; at least the group's own number), so
    // the k-th passage is found among the groups' members: a group of many copies fills the page alone.
    var top = [], kthCache = null;
    function better(x, y) { return x.score > y.score || (x.score === y.score && x.doc < y.doc); }
    function offer(doc, score) {
      if (score === null) return;
      var h = { doc: doc, score: score }, k = kth();
      if (k && !better(h, k)) return;
      for (var t = 0; t < top.length; t++) if (top[t].doc === doc) return; // offered again (scored from its text earlier)
      var i = top.length;
      top.push(h);
      while (i > 0 && better(h, top[i - 1])) { top[i] = top[i - 1]; i--; }
      top[i] = h;
      kthCache = null;
      k = kth();
      if (k) while (top.length && better(k, top[top.length - 1])) top.pop();
    }
    /** The k-th passage { doc, score } of the groups in top, or null while they hold fewer than `limit`. */
    function kth() {
      if (kthCache !== null) return kthCache || null;
      var cum = 0, found = null;
      for (var i = 0; i < top.length && !found;) {
        var score = top[i].score, docs = [];
        for (; i < top.length && top[i].score === score; i++) docs = docs.concat(membersOf ? membersOf(top[i].doc) : [top[i].doc]);
        if (cum + docs.length >= limit) {
          docs.sort(function (x, y) { return x - y; });
          found = { doc: docs[limit - cum - 1], score: score };
        }
        cum += docs.length;
      }
      kthCache = found || false;
      return found;
    }
    function theta() { var k = kth(); return k ? k.score * TIE : -Infinity; }
    function kthScore() { var k = kth(); return k ? k.score : -Infinity; }
    // Lucene breaks score ties by document number: a passage whose bound is within float noise of the k-th score
    // (TIE) can only tie it, and then wins only when its number is lower than the k-th's, so only those stay open.
    function isOpen(doc, ub) { var k = kth(); return !k || ub > k.score * TIE || (ub >= k.score && doc < k.doc); }
    function unseenBelow(doc) { // a passage of the set numbered below doc that no page has shown
      for (var w = 0; w * 32 < doc; w++) {
        var x = set[w] & ~seenBits[w];
        if (w * 32 + 32 > doc) x &= doc % 32 === 0 ? 0 : (0xffffffff >>> (32 - doc % 32));
        if (x) return true;
      }
      return false;
    }
    function decide(doc) { // exact score, or a bound to keep pending
      if (byText.has(doc)) { offer(doc, byText.get(doc)); return null; }
      var a = assess(state, scored, doc);
      if (a.exact) {
        if (matchesAll(clauses, a.feats)) offer(doc, exactScore(scored, a.feats, a.norm));
        else byText.set(doc, null);
        return null;
      }
      return a.ub;
    }
    // Documents scored from their text by an earlier part of this query (phrase checks) count from the start.
    byText.forEach(function (sc, doc) { if (sc !== null && setHas(set, doc)) offer(doc, sc); });
    function startPages() { // the first page of every list; small lists whole (they decide many documents cheaply)
      var names = [];
      first.forEach(function (l) { for (var p = 0; p < (l.entry[0] <= SMALL_LIST ? pageCount(l) : 1); p++) names.push("i/" + l.entry[2 + 3 * p]); });
      return loadAll(unique(names)).then(function () {
        first.forEach(function (l) { take(l); if (l.entry[0] <= SMALL_LIST) while (!complete(l)) take(l); });
      });
    }

    function textResolve(docs) {
      state.stats.texts += docs.length;
      var repOf = function (d) { return state.repOfKey ? state.repOfKey.get(d) : d; };
      return loadAll(unique(docs.map(function (d) { return textName(meta, repOf(d)); }))).then(function () {
        docs.forEach(function (d) {
          var text = textOf(meta, repOf(d)), feats = textFeatures(scored, text[0]);
          kthCache = null;
          var sc = matchesAll(clauses, feats) ? exactScore(scored, feats, text[1]) : null;
          byText.set(d, sc);
          if (setHas(set, d)) offer(d, sc);
        });
      });
    }

    function unseenLeft() {
      if (seenCount >= count) return -Infinity;
      for (var i = 0; i < pairSets.length; i++) pairSets[i].pairDone = pairSets[i].pairLeft === 0;
      return unseenBound(scored);
    }

    // Open candidates in a max-heap by bound. A stored bound may be stale but never too low (bounds only fall), so
    // only the candidates at the top are looked at again: a step costs the few it must decide, not all of them.
    var heap = [], eagerLeft = EAGER_TEXTS * limit, budgetTexts = BUDGET_TEXTS * limit;
    function above(x, y) { return x.ub > y.ub || (x.ub === y.ub && x.doc < y.doc); }
    function push(h) {
      var i = heap.length;
      heap.push(h);
      while (i > 0) { var up = (i - 1) >> 1; if (!above(h, heap[up])) break; heap[i] = heap[up]; i = up; }
      heap[i] = h;
    }
    function pop() {
      var topItem = heap[0], last = heap.pop();
      if (heap.length) {
        var i = 0, n = heap.length;
        for (;;) {
          var l = 2 * i + 1, r = l + 1, m = i, best = last;
          if (l < n && above(heap[l], best)) { m = l; best = heap[l]; }
          if (r < n && above(heap[r], best)) { m = r; best = heap[r]; }
          if (m === i) break;
          heap[i] = heap[m]; i = m;
        }
        heap[i] = last;
      }
      return topItem;
    }

    function step() {
      state.stats.steps++;
      var news = fresh;
      fresh = [];
      // A document a page shows for the first time is assessed once now, so the choice of what to read next sees
      // real bounds (documents not assessed would all look alike and steer the reading badly).
      for (var j = 0; j < news.length; j++) {
        var ubNew = decide(news[j]);
        if (ubNew !== null) push({ doc: news[j], ub: ubNew });
      }
      // Decide the candidates whose bound is above the k-th score, best bound first; stop once there are enough to
      // choose what to read next (those left keep their, still valid, bounds).
      // Popping goes on until the NEED_BATCH best current bounds are known (a stale bound below them cannot beat them).
      var th = theta(), need = [], floor = Infinity;
      while (heap.length && heap[0].ub >= kthScore() && (need.length < NEED_BATCH || heap[0].ub > floor)) {
        var p = pop();
        var ub = decide(p.doc);
        if (ub !== null && isOpen(p.doc, ub)) { need.push({ doc: p.doc, ub: ub }); if (need.length <= NEED_BATCH) floor = Math.min(floor, ub); }
        if (need.length > 4 * NEED_BATCH) break;
      }
      th = theta();
      var complete_ = !heap.length || heap[0].ub < kthScore();  // need holds every open candidate
      need = need.filter(function (p) { return isOpen(p.doc, p.ub); }).sort(function (x, y) { return y.ub - x.ub || x.doc - y.doc; });
      need.forEach(push);
      var unseen = unseenLeft();
      var unseenOpen = unseen > 0 && (unseen > th || (unseen >= kthScore() && unseenBelow(kth().doc)));
      if (!need.length && !unseenOpen) return Promise.resolve(top.slice());
      // The best candidates, when no unread passage can beat them, are scored from their text now: they are the likely
      // results (whose stored text is read anyway), and their scores raise the k-th score that prunes the rest.
      // At most EAGER_TEXTS · limit passages in all: copies of one passage tie and would each be read.
      var eager = need.filter(function (p) { return p.ub >= unseen && !byText.has(p.doc); }).slice(0, Math.min(TEXT_BATCH, eagerLeft));
      if (eager.length) { eagerLeft -= eager.length; return textResolve(eager.map(function (p) { return p.doc; })).then(step); }
      var open = lists.filter(function (l) { return !complete(l); });
      if (state.stats.pages >= PAGE_BUDGET && open.length) {
        var best = need.filter(function (p) { return !byText.has(p.doc); });
        if (best.length && budgetTexts > 0) {
          best = best.slice(0, Math.min(TEXT_BATCH, budgetTexts));
          budgetTexts -= best.length;
          return textResolve(best.map(function (p) { return p.doc; })).then(step);
        }
        state.stats.capped = true;
        return Promise.resolve(top.slice());
      }
      if (!open.length || (!unseenOpen && !need.length)) {
        if (need.length) return textResolve(need.slice(0, TEXT_BATCH).map(function (p) { return p.doc; })).then(step);
        // Documents no list shows (cannot happen with complete lists, kept as a safe end): read them from the set.
        var rest = [];
        setEach(set, function (d) { if (!setHas(seenBits, d) && !byText.has(d)) rest.push(d); });
        if (!rest.length) return Promise.resolve(top.slice());
        rest.forEach(function (d) { seenBits[d >>> 5] |= 1 << (d & 31); seenCount++; });
        return textResolve(rest).then(step);
      }
      // Read further where the bounds are loosest: for documents no page shows, the lists whose best remaining impact
      // weighs most; for the best candidates, the lists that leave them undecided. The very best candidates are
      // scored from their text meanwhile (a few small files), which raises the k-th score quickly.
      var weightOf = new Map();
      function credit(l, w) { weightOf.set(l, (weightOf.get(l) || 0) + w); }
      if (unseenOpen) scored.forEach(function (c) {
        c.subs.forEach(function (s) {
          if (!s.exists) return;
          s.lists.forEach(function (l) { credit(l, s.weight * listBound(l)); if (l.sibling) credit(l.sibling, s.weight * listBound(l)); });
          if (s.lists.length > 1 && c.pairLists) c.pairLists.forEach(function (l) { credit(l, s.weight * remaining(l)); });
        });
      });
      need.slice(0, 64).forEach(function (p) {
        scored.forEach(function (c) {
          c.subs.forEach(function (s) {
            if (!s.exists || (s.how === "prefix" && c.unionSet && !setHas(c.unionSet, p.doc))) return;
            if (s.lists.length > 1 && c.pairLists) c.pairLists.forEach(function (l) { if (!complete(l) && !l.seen.has(p.doc)) credit(l, s.weight * remaining(l)); });
            s.lists.forEach(function (l) {
              if (complete(l) || l.seen.has(p.doc) || soleIn(l, p.doc)) return;
              var ws = state.wordSets[wordSetKey(l)];
              if (ws && !setHas(ws, p.doc)) return;
              credit(l, s.weight * remaining(l));
            });
          });
        });
      });
      if (!unseenOpen && complete_ && need.length <= TEXT_BATCH) return textResolve(need.map(function (p) { return p.doc; })).then(step);
      var next = open.filter(function (l) { return weightOf.get(l) > 0; }).sort(function (x, y) { return weightOf.get(y) - weightOf.get(x); }).slice(0, PAGE_BATCH);
      state.stats.pages += next.length;
      return loadAll(unique(next.map(nextPageChunk))).then(function () {
        next.forEach(take);
        return step();
      });
    }

    if (count <= TEXT_BATCH) {
      var all = [];
      setEach(set, function (d) { all.push(d); });
      return textResolve(all).then(function () { return top.slice(); });
    }
    return startPages().then(step);
  }

  function themeBlockName(meta, doc) { return "t/" + Math.floor(doc / meta.themeBlock); }
  function themesOf(meta, doc) {
    var block = Math.floor(doc / meta.themeBlock), s = loaded["t/" + block], at = (doc - block * meta.themeBlock) * meta.themeWidth, out = [];
    for (var i = 0; i < meta.themeWidth; i++) {
      var m = DIGIT[s.charAt(at + i)];
      for (var bit = 0; bit < 6; bit++) if (m & (1 << bit)) out.push(i * 6 + bit);
    }
    return out;
  }
  function blocksOf(meta, set, size) {
    var blocks = [];
    var per = size / 32;
    for (var b = 0; b * size < meta.maxDoc; b++) {
      for (var w = b * per; w < Math.min(set.length, (b + 1) * per); w++) if (set[w]) { blocks.push(b); break; }
    }
    return blocks;
  }

  function decodeStoredThemes(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) { var m = DIGIT[s.charAt(i)]; for (var bit = 0; bit < 6; bit++) if (m & (1 << bit)) out.push(i * 6 + bit); }
    return out;
  }

  // ---------------------------------------------------------------- snippets

  var SNIPPET = 240, LEAD = 60;
  var ADJACENCY_BOOST = 3; // SearchQuery.AdjacencyBoost

  /** ws: the words of the text (words(text)), when the caller has them already. */
  function snippet(text, highlight, ws) {
    var nfc = String(text).normalize("NFC");
    ws = ws || words(nfc);
    var hits = ws.filter(highlight);
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
    return load("meta").then(function (meta) {
      var clauses = parse(text, meta);
      var named = options.province ? null : impliedProvince(clauses, meta);
      if (!named) return searchClauses(meta, clauses, options);
      var within = {};
      Object.keys(options).forEach(function (k) { within[k] = options[k]; });
      within.province = named.slug;
      return searchClauses(meta, named.clauses, within).then(function (r) {
        if (r.total > 0) { r.impliedProvince = named.slug; return r; }
        return searchClauses(meta, clauses, options);
      });
    });
  }

  function searchClauses(meta, clauses, options) {
    var limit = options.limit == null ? 10 : Math.max(0, options.limit | 0);
    return Promise.resolve().then(function () {
      var empty = { results: [], total: 0, facets: { provinces: [], themes: [], exact: true }, clauses: clauses, exact: true };
      if (clauses.length === 0 || meta.maxDoc === 0) return empty;
      // Adjacency (SearchQuery.Adjacency): two or more unquoted words also score as a phrase, optionally.
      var adjacency = clauses.length >= 2 && clauses.every(function (c) { return !c.phrase; })
        ? [{ input: "", exact: clauses.map(function (c) { return c.exact[0]; }), folded: clauses.map(function (c) { return c.folded[0]; }), phrase: true, prefix: false, optional: true, boost: meta.adjacencyBoost || ADJACENCY_BOOST }]
        : [];
      var scored = clauses.concat(adjacency);
      clauses.need = null; // the words textFeatures looks for, gathered again once plan() has made the sub-queries
      var state = { meta: meta, lists: Object.create(null), wordSets: Object.create(null), byText: new Map(), stats: { steps: 0, pages: 0, texts: 0 } };
      return plan(meta, scored, state).then(function () {
        return Promise.all([loadAll(matchPlan(meta, clauses)), loadPairs(meta, scored, state)]);
      }).then(function () {
        var all = null;
        clauses.forEach(function (c) {
          var set = clauseSet(meta, c);
          all = all ? setAnd(all, set) : set;
        });
        // What each word's match set says about its lists (a passage without the folded word has neither form).
        scored.forEach(function (c) {
          c.subs.forEach(function (s) {
            (s.lists || []).forEach(function (l) {
              var e = entryOf(meta, "f", l.field === "f" ? l.term : fold(l.term));
              var name = e && "m/" + e[1];
              if (name && loaded[name]) state.wordSets[wordSetKey(l)] = matchSet(meta, name, "f:" + (l.field === "f" ? l.term : fold(l.term)));
            });
          });
        });
        return phraseCheck(state, clauses, all).then(function (exactMatches) {
          return filtered(state, all, options).then(function (f) {
            var count = setCount(f.kept);
            var top = limit === 0 || count === 0 ? Promise.resolve([]) : firstCopies(state, f.kept, options).then(function (view) {
              return topDocs(state, clauses, scored, view.set, setCount(view.set), limit, view.membersOf).then(function (hits) { return spread(state, view, hits, limit); });
            });
            return top.then(function (hits) {
              var names = hits.map(function (h) { return storedName(meta, h.doc); }).concat(hits.map(function (h) { return textName(meta, h.rep); }));
              return loadAll(unique(names)).then(function () {
                var results = hits.map(function (h) { return result(meta, clauses, scored, h.doc, h.score, h.rep); });
                f.facets.exact = f.facets.exact && exactMatches;
                return { results: results, total: count, facets: f.facets, clauses: clauses, exact: exactMatches, stats: state.stats };
              });
            });
          });
        });
      });
    });
  }

  /**
   * The passages the ranking works on: one per group of copies (identical passages score alike). Without a filter a
   * group is in or out of the set as a whole, and its first copy stands for it. With a filter each group is named
   * after its lowest passage the filter keeps (r/ of the kept passages tells the groups); pages are renamed so.
   */
  function firstCopies(state, kept, options) {
    var meta = state.meta, reps = repsBits(meta);
    if (!reps) return Promise.resolve({ set: kept, members: null });
    if (!options.province && !options.theme) return Promise.resolve({
      set: setAnd(kept, reps), members: null, copies: true,
      // A group's copies are known once its text (x/) is loaded: the first few, enough for a page of results.
      membersOf: function (rep) { return loaded[textName(meta, rep)] ? copiesOf(meta, rep).docs : [rep]; }
    });
    var names = blocksOf(meta, kept, meta.repBlock).map(function (b) { return "r/" + b; });
    return loadAll(names).then(function () {
      var keyOf = new Map(), repOfKey = new Map(), members = new Map(), set = new Uint32Array(kept.length);
      setEach(kept, function (d) {
        var r = repOf(meta, d), k = keyOf.get(r);
        if (k === undefined) { keyOf.set(r, d); repOfKey.set(d, r); members.set(d, [d]); set[d >>> 5] |= 1 << (d & 31); }
        else members.get(k).push(d);
      });
      // Lists read before (phrase checks) are renamed too.
      Object.keys(state.lists).forEach(function (id) {
        var l = state.lists[id], seen = l.seen;
        l.seen = new Map();
        keyed(keyOf, l, Array.from(seen.values()));
      });
      state.keyOf = keyOf;
      state.repOfKey = repOfKey;
      return { set: set, members: members, membersOf: function (key) { return members.get(key); } };
    });
  }

  /** The ranked groups as passages: each group's passages in the set, best score first, then document order. */
  function spread(state, view, hits, limit) {
    if (!view.members && !view.copies) return Promise.resolve(hits.map(function (h) { return { doc: h.doc, score: h.score, rep: h.doc }; }));
    var meta = state.meta;
    var names = view.members ? [] : unique(hits.map(function (h) { return textName(meta, h.doc); }));
    function gather() {
      var out = [], more = [];
      hits.forEach(function (h) {
        var c = view.members ? { docs: view.members.get(h.doc), more: null } : copiesOf(meta, h.doc);
        var rep = state.repOfKey ? state.repOfKey.get(h.doc) : h.doc;
        c.docs.forEach(function (d) { out.push({ doc: d, score: h.score, rep: rep }); });
        if (c.more) more.push({ name: c.more, last: c.docs[c.docs.length - 1], score: h.score });
      });
      out.sort(function (x, y) { return y.score - x.score || x.doc - y.doc; });
      out = out.slice(0, limit);
      // A group whose listed copies all made the page may have more that belong on it.
      var k = out[out.length - 1];
      var needed = out.length < limit ? more : more.filter(function (m) { return m.score > k.score || (m.score === k.score && m.last < k.doc); });
      needed = needed.filter(function (m) { return out.some(function (o) { return o.doc === m.last; }); });
      if (!needed.length) return out;
      return loadAll(unique(needed.map(function (m) { return m.name; }))).then(gather);
    }
    return loadAll(names).then(gather);
  }

  /**
   * A quoted phrase's clause set holds the passages with all its words; when its words' lists are small enough,
   * read them whole and keep only the passages where the words stand side by side (exact totals and facets).
   * Otherwise the totals are an upper bound (result.exact false) and the ranking still checks every hit.
   */
  function phraseCheck(state, clauses, all) {
    var phrases = clauses.filter(function (c) { return c.phrase; });
    if (!phrases.length) return Promise.resolve(true);
    if (setCount(all) <= PHRASE_TEXTS) {
      // Few passages hold every pair of the phrase: their stored text (shown as results anyway) decides and scores them.
      var docs = [];
      setEach(all, function (d) { docs.push(d); });
      var meta = state.meta;
      return loadAll(unique(docs.map(function (d) { return storedName(meta, d); }))).then(function () {
        return loadAll(unique(docs.map(function (d) { return textName(meta, rowRep(meta, d)); })));
      }).then(function () {
        docs.forEach(function (d) {
          var text = textOf(meta, rowRep(meta, d)), feats = textFeatures(clauses, text[0]);
          var ok = matchesAll(clauses, feats);
          state.byText.set(d, ok ? exactScore(clauses, feats, text[1]) : null);
          if (!ok) all[d >>> 5] &= ~(1 << (d & 31));
        });
        return true;
      });
    }
    var lists = [];
    phrases.forEach(function (c) { c.folded.forEach(function (t) { var l = listOf(state, "f", t); if (l.entry) lists.push(l); }); });
    var postings = lists.reduce(function (n, l) { return n + l.entry[0]; }, 0);
    if (postings > PHRASE_VERIFY) return Promise.resolve(false);
    var names = [];
    lists.forEach(function (l) { for (var p = l.pages; p < pageCount(l); p++) names.push("i/" + l.entry[2 + 3 * p]); });
    // The postings name first copies: each passage's first copy comes from r/ (skipped when that is many files).
    var meta = state.meta, repNames = meta.reps ? blocksOf(meta, all, meta.repBlock).map(function (b) { return "r/" + b; }) : [];
    if (repNames.length > PHRASE_REP_FILES) return Promise.resolve(false);
    return loadAll(unique(names.concat(repNames))).then(function () {
      lists.forEach(function (l) { while (!complete(l)) takePage(state, l); });
      setEach(all, function (doc) {
        var first = meta.reps ? repOf(meta, doc) : doc;
        var ok = phrases.every(function (c) {
          var positions = c.folded.map(function (t) { var p = state.lists["f:" + t].seen.get(first); return p ? p.pos : []; });
          return phraseFreq(positions) > 0;
        });
        if (!ok) all[doc >>> 5] &= ~(1 << (doc & 31));
      });
      return true;
    });
  }

  /**
   * Filters and facets. Province counts ignore the province filter, theme counts the theme filter. Province counts are
   * exact (programmes are contiguous document ranges); theme counts read the theme masks of the passages involved,
   * exactly when they sit in a few files, else from an even sample of those files (facets.exact false).
   */
  function filtered(state, all, options) {
    var meta = state.meta, province = options.province || "", theme = options.theme || "";
    var themeIdx = -1;
    meta.themes.forEach(function (t, i) { if (t[0] === theme) themeIdx = i; });
    var progs = programmes(meta), provOf = function (p) { return meta.provinces[progs.provinces[p]][0]; };
    var inProvince = new Uint32Array(all.length);
    var provinceCounts = new Map();
    var prog = 0;
    var needThemes = theme ? blocksOf(meta, all, meta.themeBlock) : [];
    return loadAll(needThemes.map(function (b) { return "t/" + b; })).then(function () {
      setEach(all, function (doc) {
        while (prog + 1 < progs.starts.length && progs.starts[prog + 1] <= doc) prog++;
        var prov = provOf(prog);
        var okTheme = !theme || (themeIdx >= 0 && themesOf(meta, doc).indexOf(themeIdx) >= 0);
        if (okTheme) provinceCounts.set(prov, (provinceCounts.get(prov) || 0) + 1);
        if (!province || prov === province) inProvince[doc >>> 5] |= 1 << (doc & 31);
      });
      var blocks = blocksOf(meta, inProvince, meta.themeBlock), exact = true, sample = blocks;
      if (blocks.length > THEME_SAMPLE && !theme) {
        exact = false;
        sample = [];
        for (var i = 0; i < THEME_SAMPLE; i++) sample.push(blocks[Math.floor((i + 0.5) * blocks.length / THEME_SAMPLE)]);
      }
      return loadAll(sample.map(function (b) { return "t/" + b; })).then(function () {
        var themeCounts = new Map(), kept = new Uint32Array(all.length), inSample = 0, total = 0;
        var sampled = new Set(sample);
        setEach(inProvince, function (doc) {
          total++;
          var block = Math.floor(doc / meta.themeBlock), ts = null;
          if (sampled.has(block)) {
            inSample++;
            ts = themesOf(meta, doc);
            ts.forEach(function (t) { themeCounts.set(t, (themeCounts.get(t) || 0) + 1); });
          }
          if (!theme) kept[doc >>> 5] |= 1 << (doc & 31);
          else if ((ts || themesOf(meta, doc)).indexOf(themeIdx) >= 0) kept[doc >>> 5] |= 1 << (doc & 31);
        });
        var scale = exact || inSample === 0 ? 1 : total / inSample;
        var facets = {
          provinces: meta.provinces.filter(function (p) { return provinceCounts.has(p[0]); })
            .map(function (p) { return { slug: p[0], name: p[1], count: provinceCounts.get(p[0]) }; }),
          themes: meta.themes.map(function (t, i) { return { id: t[0], name: t[1], nameEn: t[2], count: Math.round((themeCounts.get(i) || 0) * scale) }; })
            .filter(function (t) { return t.count > 0; }),
          exact: exact
        };
        return { kept: kept, facets: facets };
      });
    });
  }

  function result(meta, clauses, scored, doc, sc, rep) {
    var block = Math.floor(doc / meta.storedBlock), data = loaded["s/" + block];
    var row = data.d[doc - block * meta.storedBlock], prog = data.p.filter(function (p) { return p[0] === row[0]; })[0];
    var province = meta.provinces[programmes(meta).provinces[row[0]]];
    var text = textOf(meta, rep)[0];
    var ws = words(text), feats = textFeatures(scored, text, ws);
    var exact = new Set(), folded = new Set(), matches = [];
    clauses.forEach(function (c, ci) {
      var found = null;
      c.subs.forEach(function (s, si) {
        if (!feats[ci][si]) return;
        if (s.how === "exact") s.terms.forEach(function (t) { exact.add(t); });
        else s.terms.forEach(function (t) { folded.add(t); });
        if (!found || (found.how !== "exact" && s.how === "exact") || (found.how === "prefix" && s.how === "folded")) found = s;
      });
      if (found) matches.push({ clause: c.input, term: found.terms.join(" "), how: found.how });
    });
    var snip = snippet(text, function (w) { return exact.has(w.term) || folded.has(fold(w.term)); }, ws);
    var url = "programmes/" + prog[1] + ".html#" + row[1];
    var themes = decodeStoredThemes(row[3] || "").map(function (i) { return meta.themes[i][0]; });
    return {
      url: url, href: siteRoot + url, doc: doc, slug: prog[1], passage: row[1],
      programme: prog[2], province: province[1], provinceSlug: province[0], section: data.c[row[2]],
      snippet: snip.text, parts: snip.parts, matches: matches, themes: themes, score: sc
    };
  }

  function query(text, options) {
    return search(text, options).then(function (r) {
      var list = r.results.slice();
      list.total = r.total;
      list.facets = r.facets;
      list.exact = r.exact;
      return list;
    });
  }

  global.AtlasSearch = {
    query: query,
    search: search,
    parse: function (text) { return parse(text, loaded.meta); },
    normalize: normalize,
    fold: fold,
    /** The themes: [{ id, name, nameEn }] in registry order (meta.js, already loaded by any search). */
    themes: function () { return load("meta").then(function (meta) { return meta.themes.map(function (t) { return { id: t[0], name: t[1], nameEn: t[2] }; }); }); },
    words: words,
    configure: function (o) { if (o && o.base) { base = o.base; siteRoot = base.replace(/search\/$/, ""); } },
    _register: register
  };
})(typeof window !== "undefined" ? window : this);
