// Orchestrates the benchmark (started by bench/run.sh, which installs the tools and publishes the CLI).
// For each corpus size: atlas full builds and incremental rebuilds, Hugo + Pagefind builds interleaved with them
// (so both see the same machine load), site sizes, then search in headless Chromium for both.
// Every part records "n/a" with a reason instead of aborting the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timed, run, median, summarise, dirStats, moveAsideExcept, moveAside, emptyTrash } from './lib/proc.mjs';
import { writeHugoSite, pagefindBinary } from './lib/hugo-site.mjs';
import { measureSearch } from './lib/search.mjs';
import { machineInfo } from './lib/machine.mjs';
import { writeReport } from './lib/report.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const OUT = path.join(BENCH, 'out');
const CLI = path.join(OUT, 'cli', 'atlas.dll');
// Earlier outputs are moved here, not deleted, while builds are timed (lib/proc.mjs, moveAsideExcept).
const TRASH = path.join(OUT, 'trash');

const opts = parseArgs(process.argv.slice(2));
const queries = fs.readFileSync(path.join(BENCH, 'queries.txt'), 'utf8').split('\n').map(l => l.trim()).filter(Boolean);

const results = {
  date: new Date().toISOString(),
  command: 'bench/run.sh ' + process.argv.slice(2).join(' '),
  machine: machineInfo(ROOT, BENCH),
  settings: { corpus: opts.reword ? 'reworded' : 'plain', sizes: opts.sizes, runs: opts.runs, incrementalRuns: opts.runs, queries: queries.length, warmRepeats: opts.warmRepeats, resultsLoaded: opts.resultsLoaded },
  sizes: [],
};

for (const n of opts.sizes) {
  log(`\n=== N = ${n} ===`);
  const entry = { n };
  results.sizes.push(entry);
  const work = path.join(OUT, opts.reword ? `n${n}-reworded` : `n${n}`);
  fs.mkdirSync(work, { recursive: true });

  entry.corpus = step('corpus', () => makeCorpus(n, work));
  if (entry.corpus.status === 'n/a') continue;

  const hugoDir = path.join(work, 'hugo');
  const hugoReady = step('hugo site', () => { moveAside(hugoDir, TRASH); writeHugoSite(path.join(work, 'content', 'sources'), hugoDir); return { status: 'ok' }; });

  entry.atlas = { full: [], incremental: [] };
  entry.hugoPagefind = { runs: [] };
  for (let r = 0; r < opts.runs; r++) {
    entry.atlas.full.push(step(`atlas full build ${r + 1}/${opts.runs}`, () => atlasBuild(work, { clean: true })));
    if (hugoReady.status === 'ok') entry.hugoPagefind.runs.push(step(`hugo + pagefind ${r + 1}/${opts.runs}`, () => hugoPagefind(hugoDir)));
  }
  // The last full build left its cache (if the builder keeps one): each incremental run changes one more source.
  if (n > opts.incrementalMaxN) entry.atlas.incremental.push({ status: 'n/a', reason: `not run above N = ${opts.incrementalMaxN} (--incremental-max-n)` });
  else for (let r = 0; r < opts.runs; r++)
    entry.atlas.incremental.push(step(`atlas incremental ${r + 1}/${opts.runs}`, () => { touchOneSource(work, n, r); return atlasBuild(work, { clean: false }); }));

  entry.atlas.fullSummary = summarise(entry.atlas.full);
  entry.atlas.incrementalSummary = summarise(entry.atlas.incremental);
  entry.atlas.stages = stageMedians(entry.atlas.full);
  entry.atlas.incrementalStages = stageMedians(entry.atlas.incremental);
  entry.atlas.stagesCpu = stageMedians(entry.atlas.full, 'stagesCpu');
  entry.atlas.incrementalStagesCpu = stageMedians(entry.atlas.incremental, 'stagesCpu');
  entry.hugoPagefind.summary = summarise(entry.hugoPagefind.runs);
  entry.hugoPagefind.hugoMs = median(entry.hugoPagefind.runs.filter(x => x.status === 'ok').map(x => x.hugoMs));
  entry.hugoPagefind.pagefindMs = median(entry.hugoPagefind.runs.filter(x => x.status === 'ok').map(x => x.pagefindMs));

  const site = path.join(work, 'site');
  entry.atlas.site = step('atlas site size', () => siteSize(site, n, ['search', 'sources', 'data', 'assets', 'en', 'programmes']));
  entry.hugoPagefind.site = step('hugo site size', () => siteSize(path.join(hugoDir, 'public'), n, ['pagefind', 'programmes']));

  if (!opts.skipBrowser) {
    entry.atlas.search = await stepAsync('atlas search (Chromium)', () =>
      measureSearch({ engine: 'atlas', siteDir: site, queries, warmRepeats: opts.warmRepeats, resultsLoaded: opts.resultsLoaded }));
    entry.hugoPagefind.search = await stepAsync('pagefind search (Chromium)', () =>
      measureSearch({ engine: 'pagefind', siteDir: path.join(hugoDir, 'public'), queries, warmRepeats: opts.warmRepeats, resultsLoaded: opts.resultsLoaded }));
  } else {
    entry.atlas.search = entry.hugoPagefind.search = { status: 'n/a', reason: '--skip-browser' };
  }
  // Written after every size, so an interrupted run still leaves the sizes it finished.
  save();
}

// Every build is timed: the earlier outputs can go now.
emptyTrash(TRASH);
results.machine.loadAverageEnd = os.loadavg().map(x => +x.toFixed(2));
save();
log(`\nwrote ${path.relative(ROOT, opts.json)} and ${path.relative(ROOT, opts.markdown)}`);

function save() {
  fs.writeFileSync(opts.json, JSON.stringify(results, null, 2) + '\n');
  writeReport(results, opts.markdown);
}

function makeCorpus(n, work) {
  const r = run('dotnet', [CLI, 'bench', 'corpus', '--count', String(n), '--out', work, '--from', path.join(ROOT, 'content'), ...(opts.reword ? ['--reword'] : [])], { cwd: ROOT });
  if (r.status !== 0) return { status: 'n/a', reason: 'atlas bench corpus failed: ' + tail(r.output) };
  const sources = path.join(work, 'content', 'sources');
  const stats = dirStats(sources);
  return { status: 'ok', documents: stats.files, bytes: stats.bytes };
}

function atlasBuild(work, { clean }) {
  // A full build starts from the sources and registries alone: no site, no generated Markdown, no cache.
  if (clean) moveAsideExcept(work, ['content', 'hugo'], TRASH), moveAsideExcept(path.join(work, 'content'), ['sources'], TRASH, name => /\.ya?ml$/.test(name));
  const args = [CLI, 'build', '--quiet', '--content', path.join(work, 'content'), '--templates', path.join(ROOT, 'templates'), '--site', path.join(work, 'site')];
  const r = timed('dotnet', args, { cwd: work, logFile: path.join(work, clean ? 'build-full.log' : 'build-incremental.log') });
  const stages = {}, stagesCpu = {};
  for (const m of r.output.matchAll(/stage (.+?): (\d+) ms(?: \(cpu (\d+) ms\))?/g)) {
    stages[m[1]] = (stages[m[1]] ?? 0) + Number(m[2]);
    if (m[3] !== undefined) stagesCpu[m[1]] = (stagesCpu[m[1]] ?? 0) + Number(m[3]);
  }
  const published = /published: (\d+) programme\(s\), (\d+) failed/.exec(r.output);
  const result = { wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssKb: r.peakRssKb, exit: r.status, stages, stagesCpu, built: published ? +published[1] : null, failed: published ? +published[2] : null };
  // Exit 1 with the site published means some documents were rejected: the timing still counts, the report says so.
  if (!fs.existsSync(path.join(work, 'site')) || r.status > 1) return { status: 'n/a', reason: `atlas build exit ${r.status}: ` + tail(r.output), ...result };
  return { status: 'ok', ...result };
}

function touchOneSource(work, n, round) {
  const dir = path.join(work, 'content', 'sources');
  const files = fs.readdirSync(dir).filter(f => !/\.ya?ml$/.test(f)).sort();
  const file = path.join(dir, files[Math.floor(files.length / 2)]);
  const text = fs.readFileSync(file, 'utf8');
  // Lengthen one long body paragraph, as an editor correcting a sentence would.
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > lines.length / 3 && l.length > 200);
  lines[at >= 0 ? at : lines.length - 1] += ` Nội dung được điều chỉnh lần ${round + 1}.`;
  fs.writeFileSync(file, lines.join('\n'));
}

function hugoPagefind(hugoDir) {
  const pub = path.join(hugoDir, 'public');
  moveAside(pub, TRASH);
  const hugo = timed('hugo', ['--quiet', '--source', hugoDir, '--destination', pub], { cwd: hugoDir, logFile: path.join(hugoDir, 'hugo.log') });
  if (hugo.status !== 0) return { status: 'n/a', reason: 'hugo failed: ' + tail(hugo.output) };
  const bin = pagefindBinary(BENCH);
  if (!bin) return { status: 'n/a', reason: 'pagefind not installed (bench/node_modules)', hugoMs: hugo.wallMs };
  const pf = timed(bin, ['--site', pub], { cwd: hugoDir, logFile: path.join(hugoDir, 'pagefind.log') });
  if (pf.status !== 0) return { status: 'n/a', reason: 'pagefind failed: ' + tail(pf.output), hugoMs: hugo.wallMs };
  const pages = /Indexed (\d+) pages?/i.exec(pf.output);
  return {
    status: 'ok', wallMs: hugo.wallMs + pf.wallMs, hugoMs: hugo.wallMs, pagefindMs: pf.wallMs,
    cpuMs: hugo.cpuMs !== null && pf.cpuMs !== null ? hugo.cpuMs + pf.cpuMs : null,
    peakRssKb: Math.max(hugo.peakRssKb ?? 0, pf.peakRssKb ?? 0) || null, hugoPeakRssKb: hugo.peakRssKb, pagefindPeakRssKb: pf.peakRssKb,
    pagefindIndexed: pages ? +pages[1] : null,
  };
}

function siteSize(dir, n, parts) {
  if (!fs.existsSync(dir)) return { status: 'n/a', reason: 'no site built' };
  const all = dirStats(dir);
  const breakdown = {};
  for (const p of parts) if (fs.existsSync(path.join(dir, p))) breakdown[p] = dirStats(path.join(dir, p)).bytes;
  return { status: 'ok', bytes: all.bytes, files: all.files, bytesPerProgramme: Math.round(all.bytes / n), breakdown };
}

function stageMedians(runs, key = 'stages') {
  const ok = runs.filter(r => r.status === 'ok' && r[key]);
  const names = [...new Set(ok.flatMap(r => Object.keys(r[key])))];
  return Object.fromEntries(names.map(s => [s, median(ok.map(r => r[key][s]).filter(x => x !== undefined))]));
}

function step(name, fn) {
  log(`- ${name}…`);
  try {
    const r = fn();
    if (r?.status === 'n/a') log(`  n/a: ${r.reason}`);
    else if (r?.wallMs !== undefined) log(`  ${Math.round(r.wallMs)} ms${r.cpuMs ? `, CPU ${r.cpuMs} ms` : ''}${r.peakRssKb ? `, peak ${Math.round(r.peakRssKb / 1024)} MB` : ''}`);
    return r;
  } catch (e) {
    log(`  n/a: ${e.message}`);
    return { status: 'n/a', reason: e.message };
  }
}

async function stepAsync(name, fn) {
  log(`- ${name}…`);
  try {
    const r = await fn();
    if (r?.status === 'n/a') log(`  n/a: ${r.reason}`);
    else log(`  first query ${Math.round(r.firstQuery.bytes.median / 1024)} KB (max ${Math.round(r.firstQuery.bytes.max / 1024)} KB), warm median ${r.warm.medianMs} ms, p95 ${r.warm.p95Ms} ms`);
    return r;
  } catch (e) {
    log(`  n/a: ${e.message}`);
    return { status: 'n/a', reason: e.message };
  }
}

// The line that says what went wrong (an exception's first line, "Build failed: …"), else the last lines.
function tail(s) {
  const lines = (s ?? '').trim().split('\n');
  const said = lines.find(l => /Unhandled exception|Build failed|error/i.test(l));
  return (said ?? lines.slice(-3).join(' | ')).trim().slice(0, 400);
}
function log(s) { process.stdout.write(s + '\n'); }

function parseArgs(argv) {
  const o = { sizes: [5, 100, 1000], runs: 3, incrementalMaxN: Infinity, warmRepeats: 5, resultsLoaded: 10, skipBrowser: false,
    json: path.join(BENCH, 'results.json'), markdown: path.join(ROOT, 'BENCHMARKS.md') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.sizes = [5, 100];
    else if (a === '--sizes') o.sizes = argv[++i].split(',').map(Number);
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--incremental-max-n') o.incrementalMaxN = Number(argv[++i]);
    else if (a === '--warm-repeats') o.warmRepeats = Number(argv[++i]);
    else if (a === '--skip-browser') o.skipBrowser = true;
    else if (a === '--reword') o.reword = true;
    else if (a === '--json') o.json = path.resolve(argv[++i]);
    else if (a === '--markdown') o.markdown = path.resolve(argv[++i]);
    else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(path.join(BENCH, 'README.md'), 'utf8')); process.exit(0); }
    else { console.error(`bench: unknown option ${a}`); process.exit(2); }
  }
  return o;
}
