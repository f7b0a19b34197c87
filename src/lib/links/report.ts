import { closest, type Problem } from '../errors.ts';
import { withoutBase } from '../url.ts';
import { LINK_PROBLEMS, pageUrlPath, type LinkProblem } from './check.ts';

export interface LinkReportInput {
  problems: readonly LinkProblem[];
  /** The source file of each built page, when known: `work/amazon.html` -> `src/content/pages/work/amazon.md`. */
  sourceOf: (page: string) => string | undefined;
  /** The file of an entry that is not published (a draft or a `_` file), by its permalink. */
  unpublishedAt?: ((permalink: string) => string | undefined) | undefined;
  /** Every built HTML file, for "did you mean" suggestions. */
  pages: readonly string[];
  base: string;
  /**
   * The text of a source file (the entry's Markdown), when it can be read: a problem is then given
   * the line of that file where the link is written. Without it, a problem on a page with no source
   * file keeps the line of the built page.
   */
  sourceTextOf?: ((file: string) => string | undefined) | undefined;
  /** Every built file, for the file a missing image's address was probably meant to name. */
  files?: readonly string[] | undefined;
}

/** Elements whose address names a file (an image, a video) rather than a page. */
const MEDIA_SOURCE = /^(img|source|video|audio|track|embed|object)\[/;
const MEDIA_FILE = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp|mp4|webm|ogg|mp3|wav|vtt|pdf)$/i;

/** The 1-based line of `text` on which `link` is first written, if it is. */
export function lineOfLink(text: string, link: string): number | undefined {
  const index = link === '' ? -1 : text.indexOf(link);
  return index === -1 ? undefined : text.slice(0, index).split('\n').length;
}

/** A link with each "%" that starts no escape written as "%25", the way it was probably meant. */
function escapeBarePercents(url: string): string {
  return url.replace(/%(?![0-9a-f]{2})/gi, '%25');
}

/**
 * Broken links as problems of the file they were written in: the entry's Markdown when the page is
 * an entry, so the owner knows which file to open; otherwise the built page. A link is shown as the
 * author wrote it, without the base path the build added.
 */
export function linkProblemsToProblems({ problems, sourceOf, unpublishedAt, pages, base, sourceTextOf, files = [] }: LinkReportInput): Problem[] {
  const addresses = pages.map((page) => pageUrlPath(page));
  return problems.map((problem) => {
    const written = problem.url.startsWith('/') ? withoutBase(base, problem.url) : problem.url;
    const path = written.split('#')[0]?.split('?')[0] ?? '';
    let message: string = LINK_PROBLEMS[problem.kind];
    const unpublished = problem.kind === 'missing-page' ? unpublishedAt?.(path) : undefined;
    const media = problem.kind === 'missing-page' && MEDIA_SOURCE.test(problem.source);
    if (media) {
      // An image in a body is a file of public/, as a record's image is: the same hint.
      const nearest = closest(
        path.slice(1),
        files.filter((file) => MEDIA_FILE.test(file)),
      );
      message = `is not a file in public/. Put the ${/^(img|source)\[/.test(problem.source) ? 'image' : 'file'} at public${path}, or fix the path.${nearest && nearest !== path.slice(1) ? ` Did you mean "/${nearest}"?` : ''}`;
    } else if (unpublished) {
      message = `points to ${unpublished}, which is not published (a draft, or a file whose name starts with "_"). Publish it, or remove the link.`;
    } else if (problem.kind === 'missing-page' || problem.kind === 'outside-base') {
      const suggestion = closest(path, addresses);
      if (suggestion && suggestion !== path) message += ` Did you mean "${suggestion}"?`;
    } else if (problem.kind === 'malformed-url') {
      const fixed = escapeBarePercents(written);
      if (fixed !== written) message += ` Write "${fixed}".`;
    }
    const source = sourceOf(problem.page);
    const sourceText = source !== undefined ? sourceTextOf?.(source) : undefined;
    // A line of the built page means nothing in the Markdown it came from: there, look the link up.
    const line = source === undefined ? problem.line : sourceText !== undefined ? lineOfLink(sourceText, written) : undefined;
    return {
      file: source ?? `dist/${problem.page}`,
      field: `${media ? 'image' : 'link'} "${written}"`,
      message: source ? message : `${message} (on the page ${pageUrlPath(problem.page)})`,
      ...(line !== undefined ? { line } : {}),
    };
  });
}
