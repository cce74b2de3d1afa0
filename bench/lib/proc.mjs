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

/**
 * Moves every entry of dir except the named ones (and those keep(name) accepts) into trash: the previous output is
 * out of the way without deleting anything while builds are timed. On ext4 without a journal (this machine's), a file
 * created soon after many were deleted steps over every recently freed inode of its group while looking for a free
 * one (for 60 s after a deletion, and for 6 minutes while the inode's table block is dirty, which a new file in the
 * same block makes it). Measured here: a 1,000-programme atlas build spent 14-19 s of system time instead of 4 when
 * the benchmark had just deleted the previous build's 57,000 files, even after `sync` and a minute's wait.
 * The trash is deleted once every build has been timed (emptyTrash).
 */
export function moveAsideExcept(dir, names, trash, keep = () => false) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir)) if (!names.includes(e) && !keep(e)) moveAside(path.join(dir, e), trash);
}

/** Moves a file or folder into trash under a new name (a rename: nothing is deleted). */
export function moveAside(entry, trash) {
  if (!fs.existsSync(entry)) return;
  fs.mkdirSync(trash, { recursive: true });
  let n = 0;
  while (fs.existsSync(path.join(trash, `${path.basename(entry)}-${n}`))) n++;
  fs.renameSync(entry, path.join(trash, `${path.basename(entry)}-${n}`));
}

export function emptyTrash(trash) {
  fs.rmSync(trash, { recursive: true, force: true });
}
