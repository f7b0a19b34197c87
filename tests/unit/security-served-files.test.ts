import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/lib/checks/body.ts';
import { decodeUtf8, scanServedFile, servedKind } from '../../src/lib/checks/served-files.ts';
import { parseHtmlFragment, parserDisagreements, SELECT_DISAGREEMENT } from '../../src/lib/links/html.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Script as each kind of served file can carry it; `%N%` is where a generated number goes. */
const HTML_SCRIPT = [
  '<script>alert(%N%)</script>',
  '<img src="x" onerror="alert(%N%)">',
  '<a href="javascript:alert(%N%)">x</a>',
  '<a href=" JaVa\tScRiPt:alert(%N%)">x</a>',
  '<iframe srcdoc="&lt;script&gt;%N%&lt;/script&gt;"></iframe>',
  '<svg><script>alert(%N%)</script></svg>',
  '<meta http-equiv="refresh" content="0; url=javascript:alert(%N%)">',
  '<select><option>x</option><img src=x onerror=alert(%N%)></select>',
];
const XML_SCRIPT = [
  '<script>alert(%N%)</script>',
  '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(%N%)</x:script>',
  '<rect onclick="alert(%N%)"/>',
  '<a xlink:href="javascript:alert(%N%)"><text>x</text></a>',
  '<a q:href="java&#x73;cript:alert(%N%)" xmlns:q="http://www.w3.org/1999/xlink"><text>x</text></a>',
  '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml" onload="alert(%N%)"/></foreignObject>',
  '<set attributeName="href" to="javascript:alert(%N%)"/>',
];

describe('servedKind', () => {
  it.each([
    ['a.html', 'html'],
    ['a.HTM', 'html'],
    ['a.shtml', 'html'],
    ['a.xhtml', 'xml'],
    ['a.svg', 'xml'],
    ['a/b.xml', 'xml'],
    ['a.xsl', 'xml'],
    ['a.rss', 'xml'],
    ['a.svgz', 'refused'],
    ['a.png', undefined],
    ['a.mht', undefined],
    ['README', undefined],
  ])('%s is read as %s', (path, kind) => {
    expect(servedKind(path)).toBe(kind);
  });
});

describe('script in every served file type is found, with its line (property)', () => {
  it('HTML files', () => {
    fc.assert(
      fc.property(fc.constantFrom('html', 'htm', 'shtml'), fc.constantFrom(...HTML_SCRIPT), fc.nat(5), fc.nat(999), (extension, script, blank, n) => {
        const kind = servedKind(`f.${extension}`);
        if (kind === undefined) throw new Error('not scanned');
        const text = `<!doctype html>\n<p>x</p>${'\n'.repeat(blank)}\n${script.replace('%N%', String(n))}\n`;
        const found = scanServedFile(kind, bytes(text));
        expect(found.length).toBeGreaterThan(0);
        expect(found[0]?.line).toBe(blank + 3);
      }),
    );
  });

  it('XML files', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('svg', 'xhtml', 'xht', 'xml', 'xsl', 'xslt', 'rss', 'atom', 'rdf', 'mml'),
        fc.constantFrom(...XML_SCRIPT),
        fc.nat(5),
        fc.nat(999),
        (extension, script, blank, n) => {
          const kind = servedKind(`f.${extension}`);
          if (kind === undefined) throw new Error('not scanned');
          const text = `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${'\n'.repeat(blank)}\n${script.replace('%N%', String(n))}\n</svg>\n`;
          const found = scanServedFile(kind, bytes(text));
          expect(found.length).toBeGreaterThan(0);
          expect(found[0]?.line).toBe(blank + 3);
        },
      ),
    );
  });

  it('refuses what it cannot read as the browser does', () => {
    expect(scanServedFile('xml', bytes('<?xml-stylesheet type="text/xsl" href="/s.xsl"?>\n<r/>')).length).toBe(1);
    expect(scanServedFile('xml', bytes('<?xml-stylesheet type="text/css" href="/s.css"?>\n<r/>'))).toEqual([]);
    expect(scanServedFile('xml', bytes('<!DOCTYPE svg [<!ENTITY e "x">]>\n<svg>&e;</svg>')).length).toBe(1);
    expect(scanServedFile('refused', bytes(''))[0]?.message).toMatch(/compressed SVG/);
    expect(scanServedFile('html', new Uint8Array([0x3c, 0x70, 0x3e, 0x0a, 0x0a, 0xc3, 0x28]))).toEqual([
      { line: 3, message: expect.stringMatching(/not valid UTF-8/) },
    ]);
  });

  it('passes a clean file', () => {
    expect(scanServedFile('xml', bytes('<svg xmlns="http://www.w3.org/2000/svg"><a href="/x"><rect fill="url(#g)"/></a></svg>'))).toEqual([]);
    expect(scanServedFile('xml', bytes('<feed><content type="html">&lt;script&gt;alert(1)&lt;/script&gt;</content></feed>'))).toEqual([]);
    expect(
      scanServedFile('html', bytes('<!doctype html><title>t</title><select><option>a</option><optgroup label="g"><option>b</option></optgroup></select>')),
    ).toEqual([]);
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8, the BOM dropped as a browser drops it', () => {
    expect(decodeUtf8(bytes('\ufeffé'))).toEqual({ text: 'é' });
  });
  it('names the line of the first byte that is not UTF-8', () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xff]))).toEqual({ line: 3 });
  });
});

describe('markup that parse5 and Chromium read differently', () => {
  it.each([
    ['<select><option>a</option><img src=x onerror=alert(1)></select>', 1],
    ['<select><option>a<b>bold</b></option></select>', 1],
    ['<select><svg><script>1</script></svg></select>', 1],
    ['<select>\n<option>a</option>\n<optgroup label="x"><option>b</option></optgroup>\n<hr>\n</select>', 0],
  ])('%s', (html, count) => {
    expect(parserDisagreements(parseHtmlFragment(html), html).length).toBe(count);
  });

  it('is refused in a page body, on its line, with what to write instead', () => {
    const body = 'Intro.\n\n<select>\n<option>a</option>\n<button onclick="alert(1)">x</button>\n</select>\n';
    const problems = checkBody(body, { bodyLine: 5, format: 'md', permalinkOfFile: () => undefined });
    expect(problems).toContainEqual({ field: 'body', line: 9, message: SELECT_DISAGREEMENT });
  });
});
