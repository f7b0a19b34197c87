import type { HastPluginDefinition } from 'satteri';

const NEW_TAB_REL = 'noopener noreferrer';
const RAW_NEW_TAB_ANCHOR = /<a\b(?=[^>]*\btarget\s*=\s*["']?_blank)[^>]*>/gi;

/** The `rel` value a new-tab link needs, keeping any words the author wrote (`me`, `nofollow`). */
export function newTabRel(rel: unknown): string {
  const words = new Set(
    (Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/) : []).filter((word) => word !== ''),
  );
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
        if (node.properties['target'] !== '_blank') return;
        const rel = newTabRel(node.properties['rel']);
        ctx.setProperty(node, 'rel', rel.split(' '));
      },
    },
    mdxJsxTextElement: { filter: ['a'], visit: visitJsx },
    mdxJsxFlowElement: { filter: ['a'], visit: visitJsx },
    raw(node, ctx) {
      const rewritten = node.value.replace(RAW_NEW_TAB_ANCHOR, (tag) => {
        const rel = /\brel\s*=\s*(["'])(.*?)\1/i.exec(tag);
        const value = newTabRel(rel?.[2]);
        return rel ? tag.replace(rel[0], `rel="${value}"`) : tag.replace(/^<a\b/i, `<a rel="${value}"`);
      });
      if (rewritten !== node.value) ctx.replaceNode(node, { type: 'raw', value: rewritten });
    },
  };

  function visitJsx(
    node: { attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }> },
    ctx: { setProperty(node: never, key: string, value: unknown): void },
  ): void {
    const attribute = (name: string) => node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
    if (attribute('target')?.value !== '_blank') return;
    ctx.setProperty(node as never, 'rel', newTabRel(attribute('rel')?.value));
  }
}
