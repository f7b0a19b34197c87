import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The layers from slowest file to fastest: browser tests, then builds, then unit tests. */
const LAYER_ORDER = ['e2e', 'build', 'unit'];

/**
 * Longest first, across layers: the run ends when its longest file does, so that file must start
 * at once, and the quick files fill in beside it. Layer by layer, the longest browser file started a
 * minute in, or the longest build file (entry-errors) was kept for the end. A file's time is the
 * last run's; files never run yet (a fresh clone) go first, slowest layer first, then largest.
 */
export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = LAYER_ORDER.findIndex((layer) => spec.moduleId.replaceAll('\\', '/').includes(`/tests/${layer}/`));
      return index === -1 ? LAYER_ORDER.length : index;
    };
    const duration = (spec: TestSpecification) => this.ctx.cache.getTestSpecificationResult(spec)?.duration;
    // vitest's own order (longest last time, else largest), kept where times are unknown.
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
