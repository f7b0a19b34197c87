import type { TestProject } from 'vitest/node';
import { startBuildService } from './astro-build.ts';
import { missingToolNotice, TOOLS } from './tools.ts';

/**
 * Once per test run, before any file: one line for each outside tool that is missing (its tests are
 * skipped), or a failure when the run requires it (see tests/helpers/tools.ts); then the run's warm
 * `astro build` processes (tests/helpers/astro-build.ts), stopped after the last file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const tool of TOOLS) {
    if (!tool.found()) console.warn(`\n  ${missingToolNotice(tool)}\n`);
  }
  const builds = await startBuildService();
  project.provide('astroBuildService', builds.url);
  return builds.close;
}
