import { createHash } from 'node:crypto';
import { markdownToHtml } from 'satteri';
import { isConsentEntry } from './consent-entry.ts';

export { isConsentEntry };
import {
  attributesOf,
  elements,
  javaScriptOnParsedElement,
  normalizeUrl,
  parseDocument,
  parseHtmlFragment,
  type HtmlElement,
  type JavaScriptFound,
} from '../links/html.ts';

/**
 * Scripts only by the owner's consent. A page keeps a `<script>` only when its front matter lists it
 * under `scripts:`: an external script by its exact `https://` URL, an inline one by
 * `sha256-<base64>` of its text (what a Content-Security-Policy hash is made of). That page's policy
 * then allows exactly those; every other page stays at zero JavaScript. Event-handler attributes,
 * `javascript:` links and `srcdoc` cannot be consented to: a policy cannot allow them one by one.
 */

/** The Markdown features the site renders with (the checks render a body the same way). */
export const MARKDOWN_FEATURES = { gfm: true, smartPunctuation: true };

/** `sha256-<base64>` of a script's text, as a policy's hash source names it (without the quotes). */
export function scriptHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** What a `<script>` element would need to run: its consent entry, or why none can be given. */
export type ScriptNeed = { entry: string } | { refused: string };

/** The consent a `<script>` element needs: the URL it loads (the browser ignores its text then), or its text's hash. */
export function scriptNeed(element: HtmlElement): ScriptNeed {
  const src = element.attrs.find((attribute) => attribute.name === 'src' && !attribute.prefix && !attribute.namespace);
  if (src) {
    // A scheme-relative address loads over the page's own scheme: https, where the site is served.
    const url = normalizeUrl(src.value).replace(/^\/\/(?=[^/])/, 'https://');
    try {
      if (new URL(url).protocol === 'https:') return { entry: url };
    } catch {
      // A relative address: the site's own file.
    }
    return {
      refused: `loads "${src.value}", which is not an https:// address another site serves. Put the script's text inline, or load it from its https:// address`,
    };
  }
  const text = element.childNodes.map((child) => ('value' in child && typeof child.value === 'string' ? child.value : '')).join('');
  return { entry: scriptHash(text) };
}

/** One thing on a page that would run JavaScript, with the consent entry that would let it (only a `<script>` has one). */
export interface ScriptFound extends JavaScriptFound {
  need?: ScriptNeed | undefined;
}

/** Everything that would run JavaScript in parsed HTML, each `<script>` with the consent it needs. */
export function scriptsIn(root: ReturnType<typeof parseDocument>, text: string): ScriptFound[] {
  const found: ScriptFound[] = [];
  for (const element of elements(root)) {
    for (const finding of javaScriptOnParsedElement(element, attributesOf(element), text)) {
      found.push(finding.kind === 'script' ? { ...finding, need: scriptNeed(element) } : finding);
    }
  }
  return found;
}

/** Whether a finding is allowed by a page's consent list. */
export function consented(found: ScriptFound, consent: readonly string[]): boolean {
  return found.need !== undefined && 'entry' in found.need && consent.includes(found.need.entry);
}

/** The sentence that says how to consent to a script, or why it cannot be. */
export function consentAdvice(found: ScriptFound, consent: readonly string[]): string {
  if (!found.need) return '';
  if ('refused' in found.need) return ` It ${found.need.refused}, and list it under "scripts:" in the page's front matter.`;
  const line = consent.length === 0 ? `scripts: ["${found.need.entry}"]` : `- "${found.need.entry}" (under "scripts:")`;
  return ` To let it run on this page, add to the page's front matter: ${line}. Otherwise remove it.`;
}

/**
 * The consent entries a page's body would need for its scripts to run, in order and without
 * repeats: for the importer, which writes them into the front matter of a page whose Jekyll original
 * ran them. `format` is how the body is read: Markdown (its raw HTML, rendered as the build renders
 * it) or HTML. Scripts that cannot be consented to are left out (the build reports them).
 */
export function consentEntriesFor(body: string, format: 'md' | 'html' = 'md'): string[] {
  const html = format === 'md' ? markdownToHtml(body, { features: MARKDOWN_FEATURES }).html : body;
  if (!/<script/i.test(html)) return [];
  const entries: string[] = [];
  for (const found of scriptsIn(parseHtmlFragment(html), html)) {
    if (found.need && 'entry' in found.need && !entries.includes(found.need.entry)) entries.push(found.need.entry);
  }
  return entries;
}

/** The consent entries of the scripts in rendered HTML (what a page's policy allows, once the checks passed). */
export function scriptEntriesOf(html: string): string[] {
  return /<script/i.test(html) ? consentEntriesFor(html, 'html') : [];
}

/** What on a built page would run JavaScript without the page's consent. */
export function unconsentedScripts(html: string, consent: readonly string[]): ScriptFound[] {
  return scriptsIn(parseDocument(html), html).filter((found) => !consented(found, consent));
}
