import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The projects from slowest file to fastest: browser tests, then builds, then unit tests. */
const PROJECT_ORDER = ['e2e', 'build', 'unit'];

/**
 * Longest first: vitest would run the projects in name order (build, e2e, unit), which starts the
 * longest file (the visitors' browser tests) a minute in, and the run waits on it at the end. With
 * the slow projects first, the quick files fill in beside them. Within a project, vitest's own order
 * stands (slowest last time first, else the largest file).
 */
export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = PROJECT_ORDER.indexOf(spec.project.name);
      return index === -1 ? PROJECT_ORDER.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
