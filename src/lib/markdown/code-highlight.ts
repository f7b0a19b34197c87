import Prism from 'prismjs';
import loadLanguages from 'prismjs/components/index.js';
import { htmlToHast, type HastPluginDefinition } from 'satteri';

// Languages Prism does not know are shown as plain code, so no warning about them is wanted.
loadLanguages.silent = true;

/** Prism's grammar for a fence's language, loading it on first use; undefined when Prism has none. */
export function grammarFor(language: string): Prism.Grammar | undefined {
  if (!/^[a-z0-9+#-]+$/i.test(language)) return undefined;
  const name = language.toLowerCase();
  if (!Prism.languages[name]) {
    try {
      // Templating languages (PHP, ERB, Handlebars) build on this one.
      loadLanguages(['markup-templating', name]);
    } catch {
      return undefined;
    }
  }
  return Prism.languages[name];
}

/** Prism's token HTML for code in a language it knows; undefined otherwise. Prism escapes the code. */
export function highlightCode(code: string, language: string): string | undefined {
  const grammar = grammarFor(language);
  return grammar ? Prism.highlight(code, grammar, language.toLowerCase()) : undefined;
}

/**
 * A Sätteri hast plugin that makes every code block a Tab stop (it may scroll sideways) and highlights
 * fenced code with Prism's token classes, coloured by the site's
 * stylesheet for light and dark: no inline styles for the Content-Security-Policy to allow, no script.
 * Used instead of Astro's own Prism step, which writes code of a language Prism does not know into
 * the page unescaped, as HTML; here such code, and code without a language, stays plain escaped text.
 */
export function codeHighlightPlugin(): HastPluginDefinition {
  return {
    name: 'portfolio-code-highlight',
    element: {
      filter: ['pre'],
      visit(node, ctx) {
        // A code block wider than the screen scrolls sideways: keyboard users reach it with Tab.
        ctx.setProperty(node, 'tabIndex', 0);
        const code = node.children.find((child) => child.type === 'element' && child.tagName === 'code');
        if (!code || code.type !== 'element') return undefined;
        const classes = Array.isArray(code.properties['className']) ? code.properties['className'].map(String) : [];
        const fromData = (code.data as { lang?: unknown } | undefined)?.lang;
        const language = typeof fromData === 'string' ? fromData : classes.find((name) => name.startsWith('language-'))?.slice('language-'.length);
        if (!language) return undefined;
        const html = highlightCode(ctx.textContent(code).replace(/\n$/, ''), language);
        if (html === undefined) return undefined;
        const safe = language.toLowerCase();
        const tree = htmlToHast(`<pre class="language-${safe}" tabindex="0"><code class="language-${safe}">${html}</code></pre>`, { fragment: true });
        return 'children' in tree ? (tree.children[0] as typeof node) : undefined;
      },
    },
  };
}
