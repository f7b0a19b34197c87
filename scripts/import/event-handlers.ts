/**
 * What in a page's own HTML would run JavaScript and can have no consent: an `on*` handler
 * (`<li onclick="window.location='…'">`), a `javascript:` link, an `<iframe srcdoc>`. This project
 * ships no script a page's front matter does not list, and a handler cannot be listed, so the build
 * refuses it; the importer takes it out and says so, as it does for the HTML files it copies
 * (scripts.ts, `withoutJavaScript`), and the element keeps its text and its links. Found as the build
 * finds it, with the project's HTML parser, also where the page's Liquid writes the attribute
 * (`{% if post.xlink %}onclick="…"{% endif %}`): the Liquid is blanked out for the parser, so the
 * places it finds are the places in the text, and only an attribute the Liquid sits wholly inside or
 * wholly outside of is cut.
 */
import { maskCode } from '../../src/lib/checks/body.ts';
import { attributesOf, elements, javaScriptOnElement, namespaceOf, parseHtmlFragment } from '../../src/lib/links/html.ts';
import { liquidSpans, type Span } from './liquid.ts';
import type { ReportLine } from './report.ts';

/** The body without its handlers, and one report line for what was taken out. */
export function withoutHandlers(body: string, file: string, { markdown }: { markdown: boolean }): { body: string; report: ReportLine[] } {
  // Only text that could hold one is parsed; `&` for a scheme written with character references.
  if (!/on[a-z]+\s*=|script|srcdoc|&[#a-z]/i.test(body)) return { body, report: [] };
  const liquid = liquidSpans(body);
  if (liquid === undefined) return { body, report: [] };
  let text = body;
  let masked = blank(body, liquid, markdown);
  const removed: string[] = [];
  const kept = new Set<number>();
  const left = new Map<number, string>();
  for (let round = 0; round < 1000; round++) {
    const cut = firstCut(masked, kept);
    if (cut === undefined) break;
    const spans = liquidSpans(text) ?? [];
    // An unquoted value ends where its Liquid begins in the blanked text, though the Liquid is part of it.
    const unquoted = /^[^=]*=\s*[^\s"']/.test(masked.slice(cut.start, cut.end));
    const runsOn = unquoted && cut.end < text.length && !/[\s/>]/.test(text[cut.end] ?? '');
    const straddles = runsOn || spans.some((span) => span.begin < cut.end && span.end > cut.start && !(cut.start <= span.begin && span.end <= cut.end));
    if (straddles) {
      kept.add(cut.start);
      left.set(cut.start, cut.what);
      continue;
    }
    // The space before the attribute goes with it, when it is a real space and not blanked Liquid.
    const start =
      cut.start > 0 && /\s/.test(text[cut.start - 1] ?? '') && /\s/.test(masked[cut.start - 1] ?? '') && !inSpan(spans, cut.start - 1)
        ? cut.start - 1
        : cut.start;
    text = text.slice(0, start) + text.slice(cut.end);
    masked = blank(text, liquidSpans(text) ?? [], markdown);
    removed.push(cut.what);
    // Offsets after the cut moved: an attribute that could not be cut is looked at again.
    kept.clear();
    left.clear();
  }
  // What Liquid writes part of is not cut: the build names its line, and the owner takes it out.
  const leftLines: ReportLine[] = [...new Set(left.values())].map((what) => ({
    kind: 'leftover',
    file,
    message: `its HTML has ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what} that its Liquid writes part of, which would run JavaScript: the build will refuse it at its line. Take the attribute out by hand.`,
  }));
  if (removed.length === 0) return { body, report: leftLines };
  const counts = new Map<string, number>();
  for (const what of removed) counts.set(what, (counts.get(what) ?? 0) + 1);
  const items = [...counts].map(([what, count]) => `${count} ${what}${count === 1 ? '' : 's'}`);
  const list = items.length === 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
  return {
    body: text,
    report: [
      {
        kind: 'changed',
        file,
        message: `its HTML had ${list}, which would run JavaScript, and this project ships none (a handler cannot be given consent): taken out; each element keeps its text and links.`,
      },
      ...leftLines,
    ],
  };
}

const inSpan = (spans: readonly Span[], offset: number) => spans.some((span) => span.begin <= offset && offset < span.end);

/** The text with its Liquid (and, in Markdown, its code) blanked out, line breaks kept: the same length. */
function blank(text: string, spans: readonly Span[], markdown: boolean): string {
  let out = markdown ? maskCode(text) : text;
  for (const { begin, end } of spans) out = out.slice(0, begin) + out.slice(begin, end).replace(/[^\n]/g, ' ') + out.slice(end);
  return out;
}

/** The first attribute that would run JavaScript (not a `<script>`: that one gets consent). */
function firstCut(masked: string, kept: ReadonlySet<number>): { start: number; end: number; what: string } | undefined {
  for (const element of elements(parseHtmlFragment(masked))) {
    const location = element.sourceCodeLocation;
    if (!location) continue;
    for (const found of javaScriptOnElement(element.tagName, namespaceOf(element), attributesOf(element))) {
      if (found.kind === 'script' || found.attribute === undefined) continue;
      const at = location.attrs?.[found.attribute];
      if (at && !kept.has(at.startOffset)) return { start: at.startOffset, end: at.endOffset, what: found.what };
    }
  }
  return undefined;
}
