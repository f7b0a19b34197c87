import type { HastPluginDefinition } from 'satteri';
import { editRawHtml, quoteAttribute, rawStartTags, type RawEdit } from '../links/html.ts';

const NEW_TAB_REL = 'noopener noreferrer';
/** Browsers read the `_blank` keyword in any case. */
const opensNewTab = (target: unknown) => typeof target === 'string' && target.trim().toLowerCase() === '_blank';

/** The `rel` value a new-tab link needs, keeping any words the author wrote (`me`, `nofollow`). */
export function newTabRel(rel: unknown): string {
  const words = new Set((Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/) : []).filter((word) => word !== ''));
  for (const word of NEW_TAB_REL.split(' ')) words.add(word);
  return [...words].join(' ');
}

/**
 * A Sätteri hast plugin that gives every link opening in a new tab (`target="_blank"`) the
 * `rel="noopener noreferrer"` that keeps the opened page from reaching back into this one, in
 * Markdown raw HTML and MDX JSX alike.
 */
export function newTabLinksPlugin(): HastPluginDefinition {
  return {
    name: 'portfolio-new-tab-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        if (!opensNewTab(node.properties['target'])) return;
        const rel = newTabRel(node.properties['rel']);
        ctx.setProperty(node, 'rel', rel.split(' '));
      },
    },
    mdxJsxTextElement: { filter: ['a'], visit: visitJsx },
    mdxJsxFlowElement: { filter: ['a'], visit: visitJsx },
    // Raw HTML: its tags are parsed as a browser would (a `>` inside quotes ends nothing) and only
    // `rel` is written; every other character stays as written.
    raw(node, ctx) {
      const edits: RawEdit[] = [];
      for (const tag of rawStartTags(node.value)) {
        if (tag.namespace !== 'html' || tag.tagName !== 'a') continue;
        const attribute = (name: string) => tag.attributes.find((candidate) => candidate.name === name)?.value;
        if (!opensNewTab(attribute('target'))) continue;
        const rel = attribute('rel');
        const value = newTabRel(rel);
        if (rel === undefined) edits.push({ at: tag.start + '<a'.length, text: ` rel=${quoteAttribute(value)}` });
        else if (value !== rel) edits.push({ tag, attribute: 'rel', value });
      }
      if (edits.length > 0) ctx.replaceNode(node, { type: 'raw', value: editRawHtml(node.value, edits) });
    },
  };

  function visitJsx(
    node: { attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }> },
    ctx: { setProperty(node: never, key: string, value: unknown): void },
  ): void {
    const attribute = (name: string) => node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
    if (!opensNewTab(attribute('target')?.value)) return;
    ctx.setProperty(node as never, 'rel', newTabRel(attribute('rel')?.value));
  }
}
