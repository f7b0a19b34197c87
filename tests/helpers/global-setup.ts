import { missingToolNotice, TOOLS } from './tools.ts';

/**
 * Once per test run, before any file: one line for each outside tool that is missing (its tests are
 * skipped), or a failure when the run requires it (see tests/helpers/tools.ts).
 */
export default function setup(): void {
  for (const tool of TOOLS) {
    if (!tool.found()) console.warn(`\n  ${missingToolNotice(tool)}\n`);
  }
}
