#!/usr/bin/env node
// `npm run package`: packs the extension into tension-lens-<version>.vsix with @vscode/vsce — offline, no publisher
// login, `--no-dependencies` because esbuild bundles everything (vsce runs `vscode:prepublish`, the build, first) —
// then reads the .vsix back and checks it: no sources, tests, node_modules, source maps or CLI; every file
// package.json points to is inside; under 2 MB. Prints the size and the files; exit 1 when a check fails.
//   node scripts/package.mjs [--out FILE] [--json] [--prebuilt]
//     --out FILE   where the .vsix goes (default: tension-lens-<version>.vsix in the repository root)
//     --json       print {file, bytes, entries, problems} instead of the human summary (test/unit/package.test.ts)
//     --prebuilt   pack dist/ as it is, without vsce's `vscode:prepublish` build; also when TENSION_LENS_BUILT=1, which
//                  `npm test` (scripts/test.mjs) sets once its own build step has passed, so that its .vsix checks
//                  do not build the same bundles twice more
// What goes in is decided by .vscodeignore (an allow-list).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The Marketplace takes far more, but this extension has no reason to come near it: the bundles are ~0.5 MB each,
 * and dist/import.js (#22: pdf.js alone is two thirds of its ~750 KB compressed, loaded only on an import) ~0.8 MB.
 * The cap stays a guard against a dependency sneaking in whole, with room for feature code (tension pairs, memos,
 * co-occurrence) rather than a reason to trim the README to fit.
 */
export const MAX_BYTES = 2.5 * 1024 * 1024;
/** Bundles in dist/ that are not part of the extension (the command-line tool, the worker of its pool, its commands loaded on demand). */
const NOT_SHIPPED = new Set(['dist/cli.js', 'dist/cli-worker.js', 'dist/cli-export.js', 'dist/cli-agreement.js', 'dist/cli-codebook.js', 'dist/cli-annotations.js']);
/** Paths (inside the .vsix's `extension/` folder) that must never ship. */
const FORBIDDEN = [/^src\//, /^test\//, /^node_modules\//, /^bench\//, /^scripts\//, /^out\//, /^docs\//, /\.map$/,
  /^dist\/cli(?:-[a-z]+)?\.js$/, /\.ts$/, /^tsconfig/, /^\.vscode-test/, /\.vsix$/];

/**
 * The entries of a zip file from its central directory: `{ name, size }` (uncompressed bytes). Enough for a .vsix
 * (no zip64, no multi-disk), so no unzip tool or zip library is needed.
 */
export function zipEntries(file) {
  const buf = fs.readFileSync(file);
  // The end-of-central-directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes (comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The files package.json refers to (entry points, icons, grammars, schemas, walkthrough media...), relative. */
export function manifestFiles(manifest) {
  const files = new Set([manifest.main, manifest.browser, manifest.icon]);
  const c = manifest.contributes ?? {};
  for (const container of Object.values(c.viewsContainers ?? {})) for (const v of container) files.add(v.icon);
  for (const views of Object.values(c.views ?? {})) for (const v of views) files.add(v.icon);
  for (const g of c.grammars ?? []) files.add(g.path);
  for (const j of c.jsonValidation ?? []) if (!/^https?:/.test(j.url)) files.add(j.url);
  for (const w of c.walkthroughs ?? []) {
    for (const step of w.steps ?? []) {
      const media = step.media ?? {};
      const images = typeof media.image === 'string' ? [media.image] : Object.values(media.image ?? {});
      for (const f of [...images, media.svg, media.markdown]) files.add(f);
    }
  }
  if (manifest.l10n) files.add(`${manifest.l10n}/bundle.l10n.zh-cn.json`);
  return [...files].filter((f) => typeof f === 'string' && !f.startsWith('$(')).map((f) => path.posix.normalize(f));
}

/** Every JavaScript bundle under dist/ (relative, posix), source maps aside. */
export function distBundles(dir = path.join(root, 'dist')) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => `dist/${f.split(path.sep).join('/')}`);
}

/**
 * What is wrong with a .vsix: forbidden files, files package.json refers to that are missing, bundles built into
 * dist/ but left out (.vscodeignore is an allow-list: a new bundle must be added to it), its size. Empty when fine.
 */
export function checkVsix({ bytes, entries }, manifest, bundles = distBundles()) {
  const problems = [];
  const names = new Set(entries.map((e) => e.name));
  for (const e of entries) {
    const inner = e.name.replace(/^extension\//, '');
    if (FORBIDDEN.some((re) => re.test(inner))) problems.push(`must not ship: ${e.name}`);
  }
  for (const f of manifestFiles(manifest)) {
    if (!names.has(`extension/${f}`)) problems.push(`package.json refers to ${f}, which is not in the .vsix`);
  }
  for (const f of bundles) {
    if (!NOT_SHIPPED.has(f) && !names.has(`extension/${f}`)) problems.push(`${f} was built but is not in the .vsix: add it to .vscodeignore`);
  }
  if (bytes >= MAX_BYTES) problems.push(`${(bytes / 1024).toFixed(0)} KB: the .vsix must stay under ${MAX_BYTES / 1024} KB`);
  return problems;
}

/** `vsce package --no-dependencies --out FILE`: the build (`vscode:prepublish`), then the .vsix. */
function packWithBuild(out, json) {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  // vsce prints its file tree on stdout and warnings on stderr: show them unless --json wants stdout clean.
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`vsce package failed (exit ${r.status ?? r.signal})`);
  }
  if (!json && r.stderr.trim()) process.stderr.write(r.stderr);
}

/**
 * The same .vsix from dist/ as it is: vsce's own pack step (the one `vsce package` runs after `vscode:prepublish`),
 * same .vscodeignore and manifest checks. vsce's messages go to stderr, so that --json keeps stdout clean.
 */
async function packPrebuilt(out) {
  const { pack } = createRequire(import.meta.url)('@vscode/vsce/out/package.js');
  const log = console.log;
  console.log = (...args) => console.error(...args);
  try {
    await pack({ cwd: root, packagePath: out, dependencies: false });
  } finally {
    console.log = log;
  }
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, json: { type: 'boolean' }, prebuilt: { type: 'boolean' } } });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const out = path.resolve(values.out ?? path.join(root, `${manifest.name}-${manifest.version}.vsix`));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const started = Date.now();
  if (values.prebuilt || process.env.TENSION_LENS_BUILT === '1') await packPrebuilt(out);
  else packWithBuild(out, values.json);
  const bytes = fs.statSync(out).size;
  const entries = zipEntries(out);
  const problems = checkVsix({ bytes, entries }, manifest);
  if (values.json) {
    console.log(JSON.stringify({ file: out, bytes, entries, problems, seconds: (Date.now() - started) / 1000 }));
  } else {
    const files = entries.filter((e) => e.name.startsWith('extension/')).sort((x, y) => x.name.localeCompare(y.name));
    for (const e of files) console.log(`  ${e.name.slice('extension/'.length).padEnd(48)} ${(e.size / 1024).toFixed(1).padStart(7)} KB`);
    const unpacked = files.reduce((sum, e) => sum + e.size, 0);
    console.log(`\n${path.relative(process.cwd(), out) || out}: ${(bytes / 1024).toFixed(0)} KB ` +
      `(${files.length} files, ${(unpacked / 1024).toFixed(0)} KB unpacked), built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`Install: code --install-extension ${path.basename(out)}`);
  }
  for (const p of problems) console.error(`error: ${p}`);
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exit(await main());
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
