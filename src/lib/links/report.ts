import { closest, type Problem } from '../errors.ts';
import { normalizeBase } from '../url.ts';
import { LINK_PROBLEMS, pageUrlPath, type LinkProblem } from './check.ts';

export interface LinkReportInput {
  problems: readonly LinkProblem[];
  /** The source file of each built page, when known: `work/amazon.html` -> `src/content/work/amazon.md`. */
  sourceOf: (page: string) => string | undefined;
  /** Every built HTML file, for "did you mean" suggestions. */
  pages: readonly string[];
  base: string;
}

/**
 * Broken links as problems of the file they were written in: the entry's Markdown when the page is
 * an entry, so the owner knows which file to open; otherwise the built page.
 */
export function linkProblemsToProblems({ problems, sourceOf, pages, base }: LinkReportInput): Problem[] {
  const prefix = normalizeBase(base);
  const addresses = pages.map((page) => pageUrlPath(page));
  return problems.map((problem) => {
    let message: string = LINK_PROBLEMS[problem.kind];
    if (problem.kind === 'missing-page' || problem.kind === 'outside-base') {
      const path = problem.url.split('#')[0]?.split('?')[0] ?? '';
      const relative = path.startsWith(prefix) ? path.slice(prefix.length - 1) : path;
      const suggestion = closest(relative, addresses);
      if (suggestion && suggestion !== relative) message += ` Did you mean "${suggestion}"?`;
    }
    const source = sourceOf(problem.page);
    return {
      file: source ?? `dist/${problem.page}`,
      field: `link "${problem.url}"`,
      message: source ? message : `${message} (on the page ${pageUrlPath(problem.page)})`,
    };
  });
}
