import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The projects from slowest file to fastest: browser tests, then builds, then unit tests. */
const PROJECT_ORDER = ['e2e', 'build', 'unit'];

/**
 * Longest first, across projects: the run ends when its longest file does, so that file must start
 * at once, and the quick files fill in beside it. vitest's own order runs the projects one after
 * another (build, e2e, unit), which starts the longest browser file a minute in, and keeps the
 * longest build file (entry-errors) for the end when browser files come first. A file's time is the
 * last run's; files never run yet (a fresh clone) go first, slowest project first, then largest.
 */
export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = PROJECT_ORDER.indexOf(spec.project.name);
      return index === -1 ? PROJECT_ORDER.length : index;
    };
    const duration = (spec: TestSpecification) => this.ctx.cache.getTestSpecificationResult(spec)?.duration;
    // vitest's order within a project (longest last time, else largest), kept where times are unknown.
    const order = new Map((await super.sort(files)).map((spec, index) => [spec, index]));
    return [...files].sort((a, b) => {
      const timeA = duration(a);
      const timeB = duration(b);
      if (timeA === undefined || timeB === undefined) {
        if (timeA !== timeB) return timeA === undefined ? -1 : 1;
        return rank(a) - rank(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0);
      }
      return timeB - timeA;
    });
  }
}
