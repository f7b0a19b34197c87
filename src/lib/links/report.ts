import { closest, type Problem } from '../errors.ts';
import { withoutBase } from '../url.ts';
import { LINK_PROBLEMS, pageUrlPath, type LinkProblem } from './check.ts';

export interface LinkReportInput {
  problems: readonly LinkProblem[];
  /** The source file of each built page, when known: `work/amazon.html` -> `src/content/work/amazon.md`. */
  sourceOf: (page: string) => string | undefined;
  /** The file of an entry that is not published (a draft or a `_` file), by its permalink. */
  unpublishedAt?: ((permalink: string) => string | undefined) | undefined;
  /** Every built HTML file, for "did you mean" suggestions. */
  pages: readonly string[];
  base: string;
}

/**
 * Broken links as problems of the file they were written in: the entry's Markdown when the page is
 * an entry, so the owner knows which file to open; otherwise the built page. A link is shown as the
 * author wrote it, without the base path the build added.
 */
export function linkProblemsToProblems({ problems, sourceOf, unpublishedAt, pages, base }: LinkReportInput): Problem[] {
  const addresses = pages.map((page) => pageUrlPath(page));
  return problems.map((problem) => {
    const written = problem.url.startsWith('/') ? withoutBase(base, problem.url) : problem.url;
    const path = written.split('#')[0]?.split('?')[0] ?? '';
    let message: string = LINK_PROBLEMS[problem.kind];
    const unpublished = problem.kind === 'missing-page' ? unpublishedAt?.(path) : undefined;
    if (unpublished) {
      message = `points to ${unpublished}, which is not published (a draft, or a file whose name starts with "_"). Publish it, or remove the link.`;
    } else if (problem.kind === 'missing-page' || problem.kind === 'outside-base') {
      const suggestion = closest(path, addresses);
      if (suggestion && suggestion !== path) message += ` Did you mean "${suggestion}"?`;
    }
    const source = sourceOf(problem.page);
    return {
      file: source ?? `dist/${problem.page}`,
      field: `link "${written}"`,
      message: source ? message : `${message} (on the page ${pageUrlPath(problem.page)})`,
    };
  });
}
