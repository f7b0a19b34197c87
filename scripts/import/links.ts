/**
 * Links written as a bare domain, `[Github](github.com)`: a browser reads that as a page beside the
 * current one (`/blog/2019/github.com`), so it was broken on the Jekyll site too, and this project's
 * link check would stop the build on it. The author meant the site: the import writes
 * `https://github.com` and says so. Links are found in Sätteri's syntax tree, the parse that renders
 * the page, so code and text that only looks like a link are left alone.
 */
import { markdownToMdast } from 'satteri';
import type { ReportLine } from './report.ts';

/** Top-level domains common enough to be sure `name.tld/...` names a site, not a file. */
const TOP_LEVEL = new Set([
  'com',
  'org',
  'net',
  'io',
  'dev',
  'edu',
  'gov',
  'co',
  'me',
  'ai',
  'app',
  'info',
  'us',
  'uk',
  'de',
  'fr',
  'ca',
  'au',
  'in',
  'jp',
  'ly',
  'gg',
  'tv',
  'xyz',
]);

/** `github.com/x` as `https://github.com/x`; undefined when the URL is not a bare domain. */
export function bareDomainUrl(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^[/#.?]/i.test(url)) return undefined;
  const host = url.split(/[/?#]/)[0] ?? '';
  const labels = host.toLowerCase().split('.');
  if (labels.length < 2 || !labels.every((label) => /^[a-z0-9-]+$/.test(label))) return undefined;
  return TOP_LEVEL.has(labels.at(-1) ?? '') ? `https://${url}` : undefined;
}

interface Node {
  type: string;
  url?: string;
  position?: { start: { offset: number; line: number }; end: { offset: number } };
  children?: Node[];
}

/** The Markdown with every bare-domain link made absolute, and a report line for each. */
export function fixBareDomainLinks(markdown: string, where: { file: string; firstLine: number }): { text: string; report: ReportLine[] } {
  const edits: { start: number; end: number; url: string; line: number }[] = [];
  const visit = (node: Node) => {
    if ((node.type === 'link' || node.type === 'definition') && node.url !== undefined && node.position) {
      const fixed = bareDomainUrl(node.url);
      const source = markdown.slice(node.position.start.offset, node.position.end.offset);
      // The destination is written after the link text (or the label's colon); find it from the end.
      const at = fixed === undefined ? -1 : source.lastIndexOf(node.url);
      if (fixed !== undefined && at !== -1) {
        const start = node.position.start.offset + at;
        edits.push({ start, end: start + node.url.length, url: fixed, line: node.position.start.line });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(markdownToMdast(markdown) as Node);
  let text = markdown;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.url + text.slice(edit.end);
  return {
    text,
    report: edits.map((edit) => ({
      kind: 'changed' as const,
      file: where.file,
      line: edit.line + where.firstLine - 1,
      message: `the link "${markdown.slice(edit.start, edit.end)}" names a site without "https://", so browsers read it as a page of this site (it was broken on the Jekyll site too); it is written "${edit.url}".`,
    })),
  };
}
