import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanServedFile, SCRIPTABLE_TYPES, servedKind } from '../../src/lib/checks/served-files.ts';
import { browserTestsAvailable, launchChromium, releaseChromium } from '../helpers/browser.ts';
import { OUTPUT_ROOT } from '../helpers/site.ts';

/**
 * The scan sees what Chromium runs: files of every type a static host serves, each carrying one way of
 * running script (or none), are opened in Chromium with the Content-Type GitHub Pages gives them.
 * Every file that opened a dialog must be one the scan refuses.
 */
const HTML_BODIES: Record<string, string> = {
  script: '<script>alert(1)</script>',
  onerror: '<img src="missing.png" onerror="alert(1)">',
  svgScript: '<svg><script>alert(1)</script></svg>',
  select: '<select><option>a</option><img src="missing.png" onerror="alert(1)"></select>',
  selectButton: '<select><button><img src="missing.png" onerror="alert(1)"></button><option>a</option></select>',
  iframeSrcdoc: '<iframe srcdoc="&lt;script&gt;parent.alert(1)&lt;/script&gt;"></iframe>',
  iframeData: '<iframe src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  objectData: '<object data="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></object>',
  refresh: '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">',
  clean: '<p>Nothing runs here.</p><select><option>a</option></select>',
};
const XML_BODIES: Record<string, string> = {
  script: '<script>alert(1)</script>',
  xhtmlScript: '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div></foreignObject>',
  prefixed: '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
  onload: '<rect width="5" height="5" onload="alert(1)"/><image href="missing.png" onerror="alert(1)" width="5" height="5"/>',
  entity: '',
  clean: '<rect width="5" height="5" fill="url(#g)"/>',
};

function files(): Record<string, string> {
  const written: Record<string, string> = {};
  for (const extension of Object.keys(SCRIPTABLE_TYPES)) {
    if (extension === 'svgz') continue;
    if (SCRIPTABLE_TYPES[extension] === 'text/html') {
      for (const [name, body] of Object.entries(HTML_BODIES))
        written[`${name}.${extension}`] = `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>\n`;
      continue;
    }
    for (const [name, body] of Object.entries(XML_BODIES)) {
      const doctype = name === 'entity' ? '<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]>\n' : '';
      written[`${name}.${extension}`] =
        `<?xml version="1.0"?>\n${doctype}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${name === 'entity' ? '&s;' : body}</svg>\n`;
    }
  }
  // XSLT writes a new page from an XML file.
  written['transformed.xml'] = '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="transform.xsl"?>\n<r/>\n';
  written['transform.xsl'] =
    '<?xml version="1.0"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html></xsl:template></xsl:stylesheet>\n';
  return written;
}

describe.runIf(browserTestsAvailable())('the served-file scan and Chromium agree', () => {
  const folder = join(OUTPUT_ROOT, 'security-served-files');
  let server: Server;
  let origin = '';
  let browser: Browser;
  const written = files();

  beforeAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    for (const [name, text] of Object.entries(written)) await writeFile(join(folder, name), text);
    server = createServer((request, response) => {
      const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1));
      if (!(name in written)) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('Not found');
        return;
      }
      const extension = name.slice(name.lastIndexOf('.') + 1);
      response.writeHead(200, { 'content-type': SCRIPTABLE_TYPES[extension] ?? 'application/octet-stream' });
      createReadStream(join(folder, name)).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('refuses every file from which Chromium ran script, and passes the clean ones', async () => {
    const opened = new Set<string>();
    const context = await browser.newContext();
    const queue = Object.keys(written).sort();
    // Four tabs at a time, each going from file to file. A dialog is the doing of the file its tab
    // shows when it opens: the tab's address changes only once the next file's document replaces
    // it, and no document opens a dialog after that (a blank page between two files cost a load each).
    const visit = async () => {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        opened.add(decodeURIComponent(new URL(page.url()).pathname.slice(1)));
        void dialog.dismiss();
      });
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        // The load event waits for frames and images, whose handlers have run by then.
        await page.goto(`${origin}/${name}`, { waitUntil: 'load' }).catch(() => undefined);
      }
      await page.close();
    };
    await Promise.all([visit(), visit(), visit(), visit()]);
    await context.close();
    const ran = [...opened].sort();
    const kindOf = (name: string) => servedKind(name) ?? 'html';
    const refused = Object.keys(written).filter((name) => scanServedFile(kindOf(name), new TextEncoder().encode(written[name] ?? '')).length > 0);
    // The test has teeth: Chromium does run script from these files.
    expect(ran.length).toBeGreaterThan(10);
    expect(ran.filter((name) => !refused.includes(name))).toEqual([]);
    expect(refused.filter((name) => name.startsWith('clean.'))).toEqual([]);
  }, 300_000);
});
