// Search as a reader's browser sees it: headless Debian Chromium (never a downloaded browser) driven by
// playwright-core, the built site served by python3 -m http.server on 127.0.0.1.
//  - first query: for each query, a fresh browser context (empty cache) opens a blank page at the site root,
//    loads the engine's script and runs that one query; every byte the network delivers is counted
//    (headers + bodies, as served, uncompressed) together with what gzip would have made of the bodies;
//  - warm: one page runs every query once, then each query `warmRepeats` times; median and p95 of the
//    time from the call to the results in hand (Pagefind: search() then data() of the first results).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './proc.mjs';

const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];
const HARNESS = '__bench__.html';

// In the page: load the engine, run one query, return the number of results and the time it took.
const ENGINES = {
  atlas: {
    script: 'search/atlas-search.js',
    harness: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title></head><body>
<script src="search/atlas-search.js"></script></body></html>`,
    query: async ([q, limit]) => {
      const api = window.AtlasSearch;
      if (!api || typeof api.query !== 'function') throw new Error('window.AtlasSearch.query is not defined');
      const t0 = performance.now();
      const r = await api.query(q, { limit });
      const ms = performance.now() - t0;
      const list = Array.isArray(r) ? r : (r?.results ?? r?.hits ?? r?.passages ?? []);
      return { ms, count: r?.total ?? list.length };
    },
  },
  pagefind: {
    script: 'pagefind/pagefind.js',
    harness: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title></head><body>
<script type="module">window.pagefindReady = import('./pagefind/pagefind.js').then(async m => { await m.options({}); window.pagefind = m; });</script></body></html>`,
    query: async ([q, limit]) => {
      await window.pagefindReady;
      const t0 = performance.now();
      const s = await window.pagefind.search(q);
      await Promise.all(s.results.slice(0, limit).map(r => r.data()));
      const ms = performance.now() - t0;
      return { ms, count: s.results.length };
    },
  },
};

export async function measureSearch({ engine, siteDir, queries, warmRepeats, resultsLoaded }) {
  const spec = ENGINES[engine];
  if (!fs.existsSync(path.join(siteDir, spec.script))) return { status: 'n/a', reason: `${spec.script} not in the built site` };
  if (!fs.existsSync(CHROMIUM)) return { status: 'n/a', reason: `${CHROMIUM} not installed` };
  let chromium;
  try { ({ chromium } = await import(path.join(BENCH, 'node_modules', 'playwright-core', 'index.mjs'))); }
  catch (e) { return { status: 'n/a', reason: 'playwright-core not installed in bench/node_modules: ' + e.message }; }

  const server = await serve(siteDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const base = `http://127.0.0.1:${server.port}/`;
    const first = [];
    for (const q of queries) first.push({ query: q, ...(await firstQuery(browser, base, spec, q, resultsLoaded)) });

    const { page, context } = await openHarness(browser, base, spec);
    const samples = [];
    const perQuery = [];
    for (const q of queries) await page.evaluate(spec.query, [q, resultsLoaded]);
    for (const q of queries) {
      const times = [];
      let count = null;
      for (let i = 0; i < warmRepeats; i++) {
        const r = await page.evaluate(spec.query, [q, resultsLoaded]);
        times.push(r.ms);
        count = r.count;
      }
      samples.push(...times);
      perQuery.push({ query: q, medianMs: round(median(times)), results: count });
    }
    await context.close();

    const bytes = first.map(f => f.bytes);
    const gz = first.map(f => f.gzipBytes);
    return {
      status: 'ok',
      firstQuery: {
        bytes: { median: median(bytes), max: Math.max(...bytes), min: Math.min(...bytes) },
        gzipBytes: { median: median(gz), max: Math.max(...gz) },
        requests: { median: median(first.map(f => f.requests)), max: Math.max(...first.map(f => f.requests)) },
        coldMs: { median: round(median(first.map(f => f.ms))), max: round(Math.max(...first.map(f => f.ms))) },
        perQuery: first.map(f => ({ query: f.query, bytes: f.bytes, requests: f.requests, results: f.count })),
        filesOfFirst: first[0].files,
      },
      warm: { samples: samples.length, medianMs: round(median(samples)), p95Ms: round(percentile(samples, 95)), maxMs: round(Math.max(...samples)), perQuery },
      zeroResultQueries: perQuery.filter(p => !p.results).map(p => p.query),
    };
  } finally {
    await browser.close();
    server.stop();
  }
}

async function firstQuery(browser, base, spec, q, resultsLoaded) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await routeHarness(page, base, spec);
  const harnessUrl = base + HARNESS;
  // Playwright's network events include the requests of dedicated workers (Pagefind searches in one).
  const finished = [];
  context.on('requestfinished', req => {
    if (req.url() === harnessUrl) return;
    finished.push((async () => {
      const sizes = await req.sizes();
      const body = await (await req.response())?.body().catch(() => null) ?? Buffer.alloc(0);
      return { url: req.url(), wire: sizes.responseHeadersSize + sizes.responseBodySize, headers: sizes.responseHeadersSize, gzip: zlib.gzipSync(body, { level: 9 }).length };
    })());
  });
  await page.goto(harnessUrl, { waitUntil: 'load' });
  const r = await page.evaluate(spec.query, [q, resultsLoaded]);
  await page.waitForTimeout(100); // let the last requestfinished events arrive
  const sized = await Promise.all(finished);
  await context.close();
  return {
    bytes: sized.reduce((a, x) => a + x.wire, 0),
    // What a server that gzips would send: the same headers, each body gzipped.
    gzipBytes: sized.reduce((a, x) => a + x.headers + x.gzip, 0),
    requests: sized.length,
    files: sized.map(x => x.url.slice(base.length)),
    ms: r.ms, count: r.count,
  };
}

async function openHarness(browser, base, spec) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await routeHarness(page, base, spec);
  await page.goto(base + HARNESS, { waitUntil: 'load' });
  // No interception while timing: an active route turns off Chromium's HTTP cache for the page.
  await page.unrouteAll();
  return { page, context };
}

// The blank page lives at the site root (so relative paths resolve as on search.html) but is not a site file.
async function routeHarness(page, base, spec) {
  await page.route(base + HARNESS, route => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: spec.harness }));
}

async function serve(dir) {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  const deadline = Date.now() + 60000; // python starts slowly on a loaded machine
  while (Date.now() < deadline) {
    try { await fetch(`http://127.0.0.1:${port}/`); return { port, stop: () => proc.kill() }; }
    catch { await new Promise(r => setTimeout(r, 100)); }
  }
  proc.kill();
  throw new Error('python3 -m http.server did not start');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

function round(x) { return x === null || x === undefined ? null : +x.toFixed(2); }
