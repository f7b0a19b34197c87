#!/usr/bin/env node
/**
 * `npm run parity -- <Jekyll build folder> [dist] [--list]`: does our build serve
 * what Jekyll served? Prints every URL of the Jekyll build that ours does not serve the way GitHub
 * Pages serves files, every page whose main content keeps under 90% of the distinct words Jekyll
 * showed, every page that lost a heading Jekyll showed (reported, not judged), every
 * jekyll-redirect-from redirect that ours lost, then the summary lines ("N of M URLs served", "K of P
 * pages under 90% of words", "H of P pages lost a heading Jekyll showed", "R of S redirects kept").
 * `--list` prints the Jekyll build's URLs only. Exit code: 0 all kept, 1 something lost, 2 bad usage.
 * The rules live in scripts/lib/jekyll-parity.ts; see docs/moving-from-jekyll.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { comparePage, fileKind, formatReport, reachedBy, readPage, retiredUrls, urlOfFile, urlParity } from './lib/jekyll-parity.ts';

const USAGE = 'Usage: npm run parity -- <Jekyll build folder, e.g. _site> [our build folder, default dist] [--list]';

function parseArguments(argv) {
  const folders = [];
  let list = false;
  for (const argument of argv) {
    if (argument === '--list') list = true;
    else if (argument.startsWith('-')) return { error: `Unknown option ${argument}.` };
    else folders.push(argument);
  }
  if (folders.length === 0 || folders.length > 2) return { error: 'Give the Jekyll build folder, and optionally ours (dist).' };
  return { jekyll: folders[0], ours: folders[1] ?? 'dist', list };
}

/** Every file below `root`, as paths relative to it with `/` separators. */
function filesIn(root) {
  const out = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path).isFile())) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}

const args = parseArguments(process.argv.slice(2));
if ('error' in args) {
  console.error(`${args.error}\n${USAGE}`);
  process.exit(2);
}
if (!existsSync(args.jekyll) || !statSync(args.jekyll).isDirectory()) {
  console.error(`No Jekyll build at "${args.jekyll}". Build it first: jekyll build -s <site> -d <folder>.\n${USAGE}`);
  process.exit(2);
}
const jekyllFiles = filesIn(args.jekyll);
if (args.list) {
  for (const file of jekyllFiles.filter((path) => fileKind(path) !== 'pages-own').sort()) console.log(urlOfFile(file));
  process.exit(0);
}
// A build that failed leaves no dist/: then nothing is served, which is what a visitor would meet.
const ourFiles = new Set(existsSync(args.ours) ? filesIn(args.ours) : []);
if (ourFiles.size === 0) console.log(`note: "${args.ours}" holds no files (did the build fail?)`);

const urls = urlParity(jekyllFiles, ourFiles);
const pages = [];
for (const entry of urls.urls) {
  if (!entry.file.endsWith('.html')) continue;
  const jekyll = readPage(readFileSync(join(args.jekyll, entry.file), 'utf8'));
  // A page's words are read wherever a link to it lands, even through a redirect; a redirect is
  // kept only at its own address.
  const reached = jekyll.redirect === undefined ? reachedBy(entry.file, ourFiles) : entry.served.status === 'file' ? entry.served.file : undefined;
  const ours = reached === undefined ? undefined : readPage(readFileSync(join(args.ours, reached), 'utf8'));
  pages.push(comparePage(entry.url, jekyll, ours));
}
// Run in the project, the URL list says which addresses were retired on purpose, and why.
const legacyUrls = 'src/data/legacy-urls.txt';
const retired = existsSync(legacyUrls) ? retiredUrls(readFileSync(legacyUrls, 'utf8')) : new Map();
const report = formatReport(urls, pages, { retired });
for (const line of report.lines) console.log(line);
process.exit(report.ok ? 0 : 1);
