// The machine and tool versions a run was measured with.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { run } from './proc.mjs';
import { pagefindBinary } from './hugo-site.mjs';

export function machineInfo(root, benchDir) {
  const first = (cmd, args) => { const r = run(cmd, args); return r.status === 0 ? r.output.trim().split('\n')[0] : 'n/a'; };
  const pkg = name => { try { return JSON.parse(fs.readFileSync(path.join(benchDir, 'node_modules', name, 'package.json'), 'utf8')).version; } catch { return 'n/a'; } };
  const pf = pagefindBinary(benchDir);
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'n/a',
    memoryGb: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    loadAverageStart: os.loadavg().map(x => +x.toFixed(2)),
    commit: first('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
    versions: {
      dotnet: first('dotnet', ['--version']),
      hugo: first('hugo', ['version']).replace(/^hugo /, ''),
      pagefind: pf ? first(pf, ['--version']) : 'n/a',
      chromium: first('/usr/bin/chromium', ['--version']),
      playwrightCore: pkg('playwright-core'),
      node: process.version,
    },
  };
}
