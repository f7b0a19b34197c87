import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/lib/links/check.ts';
import { cssUrls } from '../../src/lib/links/css-urls.ts';
import { extractPageFacts } from '../../src/lib/links/extract.ts';

/** Every place HTML, SVG and CSS put a URL, written with `URL` where the address goes. */
const URL_PLACES: readonly [string, string][] = [
  ['a[href]', '<a href="URL">x</a>'],
  ['a[ping]', '<a href="/" ping="URL">x</a>'],
  ['area[href]', '<map name="m"><area href="URL" alt="x"></map>'],
  ['link[href]', '<link rel="stylesheet" href="URL">'],
  ['link[imagesrcset]', '<link rel="preload" as="image" imagesrcset="URL 1x">'],
  ['img[src]', '<img src="URL" alt="">'],
  ['img[srcset]', '<img src="/" srcset="URL 2x" alt="">'],
  ['source[srcset]', '<picture><source srcset="URL"><img src="/" alt=""></picture>'],
  ['video[poster]', '<video poster="URL"></video>'],
  ['video[src]', '<video src="URL"></video>'],
  ['audio[src]', '<audio src="URL"></audio>'],
  ['track[src]', '<video><track src="URL"></video>'],
  ['iframe[src]', '<iframe src="URL" title="x"></iframe>'],
  ['embed[src]', '<embed src="URL">'],
  ['object[data]', '<object data="URL"></object>'],
  ['form[action]', '<form action="URL"><button>x</button></form>'],
  ['button[formaction]', '<form><button formaction="URL">x</button></form>'],
  ['input[src]', '<input type="image" src="URL" alt="x">'],
  ['input[formaction]', '<form><input type="submit" formaction="URL"></form>'],
  ['blockquote[cite]', '<blockquote cite="URL">x</blockquote>'],
  ['q[cite]', '<q cite="URL">x</q>'],
  ['table[background]', '<table background="URL"><tr><td>x</td></tr></table>'],
  ['td[background]', '<table><tr><td background="URL">x</td></tr></table>'],
  ['meta[content]', '<meta http-equiv="refresh" content="0; url=URL">'],
  ['a[xlink:href]', '<svg><a xlink:href="URL"><text>x</text></a></svg>'],
  ['a[href]', '<svg><a href="URL"><text>x</text></a></svg>'],
  ['image[href]', '<svg><image href="URL" width="1" height="1"/></svg>'],
  ['image[xlink:href]', '<svg><image xlink:href="URL" width="1" height="1"/></svg>'],
  ['use[href]', '<svg><use href="URL"/></svg>'],
  ['feImage[href]', '<svg><filter><feImage href="URL"/></filter></svg>'],
  ['rect[fill]', '<svg><rect fill="url(URL)"/></svg>'],
  ['div[style]', '<div style="background: url(URL)">x</div>'],
  ['div[style]', '<div style="background-image: url(\'URL\')">x</div>'],
  ['div[style]', '<div style="background: image-set(&quot;URL&quot; 1x)">x</div>'],
  ['style', '<style>.x { background: url(URL) }</style>'],
  ['style', '<style>@import "URL";</style>'],
  ['style', '<style>.x { background: u\\72l(URL) }</style>'],
];

const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

describe('every URL-bearing attribute and CSS URL is link-checked', () => {
  it.each(URL_PLACES)('%s: %s', (source, markup) => {
    const html = page(markup.replace('URL', '/missing-page'));
    const problems = checkLinks({ files: new Set(['index.html']), pages: new Map([['index.html', extractPageFacts(html)]]), base: '/' });
    expect(problems.map((problem) => [problem.kind, problem.source, problem.url])).toContainEqual(['missing-page', source, '/missing-page']);
  });

  it('finds a missing address in any place, at any path (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...URL_PLACES), fc.stringMatching(/^[a-z0-9-]{1,12}$/), ([, markup], name) => {
        const html = page(markup.replace('URL', `/gone/${name}`));
        const problems = checkLinks({ files: new Set(['index.html']), pages: new Map([['index.html', extractPageFacts(html)]]), base: '/' });
        expect(problems.some((problem) => problem.kind === 'missing-page' && problem.url === `/gone/${name}`)).toBe(true);
      }),
    );
  });

  it('leaves an address that exists alone', () => {
    const html = page('<svg><image href="/a.png"/></svg><div style="background:url(/a.png)"></div><meta http-equiv="refresh" content="0;url=/">');
    const problems = checkLinks({ files: new Set(['index.html', 'a.png']), pages: new Map([['index.html', extractPageFacts(html)]]), base: '/' });
    expect(problems).toEqual([]);
  });

  it('reads an <input> src only on an image button', () => {
    const facts = extractPageFacts(page('<input type="text" src="/nowhere">'));
    expect(facts.links.map((link) => link.url)).not.toContain('/nowhere');
  });
});

describe('cssUrls', () => {
  it.each([
    ['a { background: url(/a.png) }', ['/a.png']],
    ['a { background: url( "/b.png" ) }', ['/b.png']],
    ["@import '/c.css';", ['/c.css']],
    ['@import url(/d.css) screen;', ['/d.css']],
    ['a { b: U\\52L(/e.png) }', ['/e.png']],
    ['/* url(/hidden.png) */ a { color: red }', []],
    ['a { content: "url(/not-a-url)" }', []],
    ['a { background: image-set("/f.png" 1x, url(/g.png) 2x) }', ['/f.png', '/g.png']],
    ['a { background: url(/h\\).png) }', ['/h).png']],
  ])('%s', (css, urls) => {
    expect(cssUrls(css)).toEqual(urls);
  });
});
