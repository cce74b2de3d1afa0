// The comparison: the same corpus as a minimal Hugo site (one page per programme, body = the source text,
// no theme), indexed by Pagefind. Only programme pages carry data-pagefind-body, so Pagefind indexes what the
// atlas indexes: the programmes' text.
import fs from 'node:fs';
import path from 'node:path';

const CONFIG = `baseURL = "/"
languageCode = "vi"
title = "Atlas bench (Hugo)"
disableKinds = ["taxonomy", "term"]
relativeURLs = true
`;

const SINGLE = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }}</title></head>
<body><main data-pagefind-body><h1>{{ .Title }}</h1>
{{ .Content }}
</main></body>
</html>
`;

const LIST = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></body>
</html>
`;

export function writeHugoSite(sourcesDir, hugoDir) {
  fs.rmSync(hugoDir, { recursive: true, force: true });
  const content = path.join(hugoDir, 'content', 'programmes');
  fs.mkdirSync(content, { recursive: true });
  fs.mkdirSync(path.join(hugoDir, 'layouts', '_default'), { recursive: true });
  fs.writeFileSync(path.join(hugoDir, 'config.toml'), CONFIG);
  fs.writeFileSync(path.join(hugoDir, 'layouts', '_default', 'single.html'), SINGLE);
  fs.writeFileSync(path.join(hugoDir, 'layouts', '_default', 'list.html'), LIST);
  fs.writeFileSync(path.join(hugoDir, 'layouts', 'index.html'), LIST);
  for (const file of fs.readdirSync(sourcesDir).filter(f => !/\.ya?ml$/.test(f)).sort()) {
    const text = fs.readFileSync(path.join(sourcesDir, file), 'utf8');
    const title = firstLine(text) ?? file;
    const slug = file.replace(/\.[^.]+$/, '');
    fs.writeFileSync(path.join(content, slug + '.md'), `+++\ntitle = ${JSON.stringify(title)}\nslug = ${JSON.stringify(slug)}\n+++\n\n${text}`);
  }
}

function firstLine(text) {
  return text.split('\n').map(l => l.replace(/[*#\t]/g, ' ').trim()).find(l => l.length > 3);
}

/** The native Pagefind binary from the npm package (run directly, so time -v measures Pagefind, not a node wrapper). */
export function pagefindBinary(benchDir) {
  const modules = path.join(benchDir, 'node_modules', '@pagefind');
  if (fs.existsSync(modules)) {
    for (const platform of fs.readdirSync(modules)) {
      const bin = path.join(modules, platform, 'bin');
      if (!fs.existsSync(bin)) continue;
      for (const name of ['pagefind', 'pagefind_extended']) if (fs.existsSync(path.join(bin, name))) return path.join(bin, name);
    }
  }
  const wrapper = path.join(benchDir, 'node_modules', '.bin', 'pagefind');
  return fs.existsSync(wrapper) ? wrapper : null;
}
