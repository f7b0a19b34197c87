import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, fixtureSiteBuild, listFiles, type CommandResult, type Site } from '../helpers/site.ts';

/**
 * The build tests build most sites in a warm process (tests/helpers/astro-build.ts), which calls the
 * `build` the `astro build` command calls. It must make the same site and say the same: the sample
 * site, built there after another site (the fixture site, under a base path and another address) and
 * by the command in another folder, byte for byte.
 */

/**
 * What the build said, line by line, tagged (`[build] …`, `[portfolio:og-cards] …`) and in order,
 * with its durations and numbers masked: durations differ from run to run (and are written in ms or
 * s by their size), and the cards one build drew the other found in the run's card cache. Left out:
 * the list of routes, as pages are written side by side and logged as they finish; Astro's notice
 * that it is waiting for a hook, printed only when the hook runs over 3 s; and Vite's notice that
 * its dependency optimizer is bundling, printed only when that takes over a second.
 */
const lines = (site: Site & CommandResult) =>
  site.output
    .replaceAll(site.root, '<site>')
    .split('\n')
    .map((line) => line.replace(/^\d{2}:\d{2}:\d{2} /, ''))
    .filter((line) => /^\[[^\]\s]+\] /.test(line) && !line.startsWith('[build] Waiting for integration') && !line.startsWith('[vite] [optimizer]'))
    .map((line) => line.replace(/\b\d+(?:\.\d+)?\s?(?:ms|s)\b/g, '<time>').replace(/\d+/g, '#'));

describe('a build in the warm process and the command', () => {
  it('write the same files, byte for byte, and print the same lines', async () => {
    // First another site, so the sample is not the first build of a fresh process: when the run's
    // processes are idle, the next build goes to the one that built last.
    expect((await fixtureSiteBuild()).exitCode).toBe(0);
    const warm = await buildSite('sample-warm');
    const command = await buildSite('sample-command', { command: true });
    expect(warm.exitCode, warm.output).toBe(0);
    expect(command.exitCode, command.output).toBe(0);
    const files = await listFiles(warm.dist);
    expect(await listFiles(command.dist)).toEqual(files);
    for (const file of files) {
      const [ours, theirs] = await Promise.all([readFile(join(warm.dist, file)), readFile(join(command.dist, file))]);
      expect(ours.equals(theirs), file).toBe(true);
    }
    expect(lines(warm)).toEqual(lines(command));
  });
});
