// Running and timing processes, and the small statistics the report needs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TIME = '/usr/bin/time';

/** Runs a command to completion; output (stdout + stderr) is returned as text. */
export function run(cmd, args, { cwd } = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) return { status: 127, output: String(r.error.message) };
  return { status: r.status ?? 1, output: (r.stdout ?? '') + (r.stderr ?? '') };
}

/**
 * Runs a command under /usr/bin/time -v: wall time of the whole process (measured here) and its peak resident
 * memory (from time -v). Output goes to logFile, not to a pipe, so a chatty tool is not slowed by us reading it.
 */
export function timed(cmd, args, { cwd, logFile }) {
  const useTime = fs.existsSync(TIME);
  const timeFile = path.join(os.tmpdir(), `atlas-bench-time-${process.pid}.txt`);
  const fd = fs.openSync(logFile, 'w');
  const argv = useTime ? ['-v', '-o', timeFile, cmd, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(useTime ? TIME : cmd, argv, { cwd, stdio: ['ignore', fd, fd] });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  fs.closeSync(fd);
  const output = fs.readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  let peakRssKb = null, cpuMs = null;
  if (useTime && fs.existsSync(timeFile)) {
    const t = fs.readFileSync(timeFile, 'utf8');
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(t);
    if (m) peakRssKb = Number(m[1]);
    // CPU time (user + system) is far less sensitive than wall time to other work on a shared machine.
    const u = /User time \(seconds\): ([\d.]+)/.exec(t), sy = /System time \(seconds\): ([\d.]+)/.exec(t);
    if (u && sy) cpuMs = Math.round((Number(u[1]) + Number(sy[1])) * 1000);
    fs.rmSync(timeFile, { force: true });
  }
  const status = r.error ? 127 : (r.status ?? 1);
  return { status, wallMs: +wallMs.toFixed(1), cpuMs, peakRssKb, output: r.error ? String(r.error.message) : output };
}

export function median(xs) {
  const s = xs.filter(x => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return +(s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2).toFixed(1);
}

/** Nearest-rank percentile. */
export function percentile(xs, p) {
  const s = xs.filter(x => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Median, min and max wall time and the highest peak memory of the runs that succeeded. */
export function summarise(runs) {
  const ok = runs.filter(r => r.status === 'ok');
  if (ok.length === 0) return { status: 'n/a', reason: runs.find(r => r.reason)?.reason ?? 'not run' };
  const walls = ok.map(r => r.wallMs);
  const peaks = ok.map(r => r.peakRssKb).filter(x => x);
  return {
    status: 'ok', runs: ok.length, medianMs: median(walls), minMs: Math.min(...walls), maxMs: Math.max(...walls),
    medianCpuMs: median(ok.map(r => r.cpuMs)),
    peakRssMb: peaks.length ? Math.round(Math.max(...peaks) / 1024) : null,
  };
}

export function dirStats(dir) {
  let files = 0, bytes = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size;
  }
  return { files, bytes };
}

/** Removes every entry of dir except the named ones (and those keep(name) accepts); returns how many files went. */
export function removeExcept(dir, names, keep = () => false) {
  if (!fs.existsSync(dir)) return 0;
  let files = 0;
  for (const e of fs.readdirSync(dir)) {
    if (names.includes(e) || keep(e)) continue;
    const p = path.join(dir, e);
    files += fs.statSync(p).isDirectory() ? dirStats(p).files : 1;
    fs.rmSync(p, { recursive: true, force: true });
  }
  return files;
}

/** Deletions above this many files are followed by settle(). */
export const SETTLE_MIN_FILES = 5000;

/**
 * Waits, after the benchmark deleted a previous build's output, until the file system no longer treats the freed
 * inodes as recently deleted, so that a timed build does not pay for the benchmark's own clean-up. On ext4 without a
 * journal (this machine's), each file created within 60 s of an inode's deletion (longer while its inode table block
 * is unwritten, hence the sync) steps over every such inode: measured here, 30,000 small files took 12-15 s of
 * processor time right after 30,000 were deleted, and 2 s a minute later. Both tools get the same rule; a build that
 * deletes files itself (the atlas's rebuilds empty the trash of the site they replaced) still pays for it.
 */
export function settle(deletedFiles) {
  if (deletedFiles < SETTLE_MIN_FILES) return 0;
  spawnSync('sync');
  const ms = 61000;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return ms;
}
