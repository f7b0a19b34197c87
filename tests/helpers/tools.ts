import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';

/**
 * The two outside tools some tests drive: Chromium (browser tests) and Jekyll (the differential test,
 * the ground truth for Jekyll's rules). Where one is missing its tests are skipped, and the run says
 * so in one line, unless the run asks for it: REQUIRE_BROWSER=1 or REQUIRE_JEKYLL=1 (this project's
 * own CI sets both, the owner's GitHub workflow only the first) makes a missing tool a failure.
 * `CI` alone asks for neither: GitHub's runners set it and have no Jekyll.
 */
export interface Tool {
  name: string;
  /** The variable that makes the tool required. */
  require: 'REQUIRE_BROWSER' | 'REQUIRE_JEKYLL';
  found: () => boolean;
  what: string;
  install: string;
}

export const TOOLS: readonly Tool[] = [
  {
    name: 'Chromium',
    require: 'REQUIRE_BROWSER',
    found: () => existsSync(CHROMIUM_PATH),
    what: `browser tests (no Chromium at ${CHROMIUM_PATH})`,
    install: 'apt-get install -y chromium',
  },
  {
    name: 'Jekyll',
    require: 'REQUIRE_JEKYLL',
    found: () => (process.env['PATH'] ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'jekyll'))),
    what: 'tests that compare with Jekyll (no jekyll on PATH)',
    // The plugins and theme the differential tests' Jekyll sites use, as .ci/run installs them.
    install: 'apt-get install -y jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-redirect-from ruby-jekyll-sitemap ruby-jekyll-paginate',
  },
];

const required = (tool: Tool) => /^(1|true|yes)$/i.test(process.env[tool.require] ?? '');

/** The one line a run prints for a missing tool, or throws when the run requires it. */
export function missingToolNotice(tool: Tool): string {
  if (required(tool)) throw new Error(`${tool.require} is set, but the ${tool.what} cannot run. Install it: ${tool.install}`);
  return `SKIPPED: ${tool.what}. Install it with: ${tool.install} (with ${tool.require}=1 a missing one fails the run).`;
}

/** Whether a test file can use the tool: true, false (skip), or a failure when the run requires it. */
export function toolAvailable(name: Tool['name']): boolean {
  const tool = TOOLS.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`No tool named ${name}`);
  if (tool.found()) return true;
  missingToolNotice(tool);
  return false;
}
