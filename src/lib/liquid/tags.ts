/**
 * Jekyll's own Liquid tags (https://jekyllrb.com/docs/liquid/tags/), as one table. liquidjs brings
 * `raw`, and `include` with Jekyll's parameters (`include.x`) once `jekyllInclude` is on; the rows
 * here add `link`, `post_url`, `include_relative` and `highlight`.
 */
import { IncludeTag, Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken, type Template } from 'liquidjs';
import { lookupTable } from '../lookup.ts';

/** What the tags need to know about the site being built. */
export interface TagSite {
  /** `{% link path %}`: the address of the page, post or file Jekyll knew by that path; `undefined` when none. */
  linkTo(path: string): string | undefined;
  /** `{% post_url name %}`: the address of the post with that file name (dated, without extension). */
  postUrl(name: string): string | undefined;
}

/** A tag class as liquidjs's `registerTag` takes it (the type itself is not exported). */
export type TagClass = Extract<Parameters<Liquid['registerTag']>[1], abstract new (...args: never[]) => unknown>;

/** A tag's argument, with any `{{ ... }}` in it rendered first, as Jekyll 4 does for `link` and `post_url`. */
function* argumentOf(liquid: Liquid, args: string, ctx: Context): Generator<unknown, string, unknown> {
  const text = args.trim();
  if (!text.includes('{{')) return text;
  const rendered = yield liquid.renderer.renderTemplates(liquid.parse(text), ctx);
  return String(rendered).trim();
}

/** `{% link _posts/2019-06-10-x.md %}`: the address of a file of the site, or a failed build. */
function addressTag(kind: 'link' | 'post_url', site: TagSite): TagClass {
  return class extends Tag {
    private readonly args: string;
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.args = token.args;
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = (yield* argumentOf(this.liquid, this.args, ctx)) as string;
      const address = kind === 'link' ? site.linkTo(name) : site.postUrl(name.replace(/^\/+/, ''));
      if (address === undefined) {
        throw new Error(
          kind === 'link'
            ? `Could not find a page, post or file at "${name}" for {% link %}: write its path as Jekyll knew it, from the site's folder (like "_posts/2019-06-10-x.md" or "about.md").`
            : `Could not find a post named "${name}" for {% post_url %}: write its file name without the extension, like "2019-06-10-my-post".`,
        );
      }
      emitter.write(address);
    }
  };
}

/** `{% include_relative file.md param=value %}`: an include found beside the file that names it. */
class IncludeRelativeTag extends IncludeTag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: ConstructorParameters<typeof IncludeTag>[3]) {
    super(token, remainTokens, liquid, parser);
    const self = this as unknown as { file: unknown };
    if (typeof self.file === 'string' && !/^\.\.?\//.test(self.file)) self.file = `./${self.file}`;
  }
}

/** A Markdown fence that no run of backticks in `code` can close. */
function fenceFor(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * `{% highlight ruby linenos %}...{% endhighlight %}`: the code as a fenced block, which the Markdown
 * step then highlights like any other (Prism's classes; src/lib/markdown/code-highlight.ts). The
 * Liquid inside is run first, as Jekyll's block does. `linenos` and `mark_lines` are not shown.
 */
class HighlightTag extends Tag {
  private readonly language: string;
  private readonly templates: Template[] = [];
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: ConstructorParameters<typeof IncludeTag>[3]) {
    super(token, remainTokens, liquid);
    const language = /^\s*([\w+#.-]+)/.exec(token.args)?.[1];
    if (!language) throw new Error('{% highlight %} needs the language of the code, like {% highlight ruby %}.');
    this.language = language.toLowerCase();
    const stream = parser
      .parseStream(remainTokens)
      .on('tag:endhighlight', () => stream.stop())
      .on('template', (template: Template) => this.templates.push(template))
      .on('end', () => {
        throw new Error(`{% highlight ${this.language} %} is never closed: add {% endhighlight %} after the code.`);
      });
    stream.start();
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const code = String(yield this.liquid.renderer.renderTemplates(this.templates, ctx)).replace(/^\n+|\s+$/g, '');
    const fence = fenceFor(code);
    emitter.write(`\n${fence}${this.language}\n${code}\n${fence}\n`);
  }
}

/** The tags this module adds to liquidjs's own, by name; each row takes the site and gives the tag. */
export const JEKYLL_TAGS: Readonly<Record<string, (site: TagSite) => TagClass>> = lookupTable<(site: TagSite) => TagClass>({
  link: (site) => addressTag('link', site),
  post_url: (site) => addressTag('post_url', site),
  include_relative: () => IncludeRelativeTag as unknown as TagClass,
  highlight: () => HighlightTag as unknown as TagClass,
});
