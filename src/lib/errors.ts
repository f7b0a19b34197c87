/**
 * One place that turns every kind of entry mistake into the message an owner reads: a title, then
 * per file one `field: message` line per problem, then where to read more. Modelled on Starlight's
 * error map; the wording follows Astro's rule for errors: what happened, what to do, where to read more.
 */

/** One mistake in one file. */
export interface Problem {
  /** The file, relative to the project root, with `/` separators: `src/content/pages/work/amazon.md`. */
  file: string;
  /** The front-matter field, link or check the problem is about: `permalink`, `link /work/gtt`, `front matter`. */
  field: string;
  /** What is wrong and what to write instead, as a sentence. */
  message: string;
  /** The 1-based line in the file, when known. */
  line?: number | undefined;
  /** For a problem in a data file, the record it is about (its title), when it is one record's. */
  record?: string | undefined;
}

/** Where the owner reads about entries and checks. */
export const READ_MORE = 'docs/writing.md and docs/build-errors.md';

/** The message for a set of problems, grouped by file in a stable order. */
export function formatProblems(title: string, problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file);
    if (list) list.push(problem);
    else byFile.set(problem.file, [problem]);
  }
  const files = [...byFile.keys()].sort();
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${files.length} ${files.length === 1 ? 'file' : 'files'}`;
  const sections = files.map((file) => {
    const lines = (byFile.get(file) ?? [])
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      .map((problem) => `  ${problem.field}${problem.line ? ` (line ${problem.line})` : ''}: ${problem.message}`);
    return `${file}\n${lines.join('\n')}`;
  });
  return `${title} (${count}):\n\n${sections.join('\n\n')}\n\nRead more: ${READ_MORE}.`;
}

/** Edit distance between two short strings, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const substitution = diagonal + (a[i - 1] === b[j - 1] ? 0 : 1);
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, substitution);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `value`, if it is close enough to be a likely typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const needle = value.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.floor(best.candidate.length / 3));
  if (best.distance <= limit) return best.candidate;
  // "Acme Inc" for "Acme", "/work/acme" for "/work/acme-queues": one written inside the other is a
  // likely slip too, except a folder address, which holds every page below it.
  return candidates.find((candidate) => {
    const lower = candidate.toLowerCase();
    if (lower.endsWith('/')) return false;
    return lower.length >= 3 && needle.length >= 3 && (lower.includes(needle) || needle.includes(lower));
  });
}

/** The shape of a zod issue this module reads (zod 4's `$ZodIssue`, narrowed to what is used). */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[] | undefined;
}

/** The line a top-level front-matter key is written on, to point the owner at it. */
export type KeyLineLookup = (key: string) => number | undefined;

/**
 * Schema issues as problems. Unknown keys get a suggestion of the closest known key (or the list of
 * known keys); every other issue carries the message the schema wrote for its field.
 */
export function schemaIssuesToProblems(
  file: string,
  issues: readonly SchemaIssue[],
  /** The keys allowed where the issue is: one list, or one per nesting path (a record's `links` items). */
  knownKeys: readonly string[] | ((path: readonly PropertyKey[]) => readonly string[]),
  lineOf: KeyLineLookup = () => undefined,
  /** What the keys belong to, as the message names it. */
  owner = 'an entry',
  /** Written before every field, to say which part of the file it is in: `"Amazon".` for a record. */
  fieldPrefix = '',
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    const topKey = path[0];
    if (issue.code === 'unrecognized_keys') {
      const known = typeof knownKeys === 'function' ? knownKeys(issue.path) : knownKeys;
      for (const key of issue.keys ?? []) {
        const suggestion = closest(key, known);
        problems.push({
          file,
          field: fieldPrefix + [...path, key].join('.'),
          line: lineOf(topKey ?? key),
          message: suggestion
            ? `is not a field ${path.length > 0 ? 'here' : `${owner} can have`}. Did you mean "${suggestion}"?`
            : `is not a field ${path.length > 0 ? 'here' : `${owner} can have`}. Remove it, or use one of: ${known.join(', ')}.`,
        });
      }
      continue;
    }
    const field = path.join('.') || (fieldPrefix ? '' : 'front matter');
    problems.push({ file, field: (fieldPrefix + field).replace(/\.$/, ''), line: topKey ? lineOf(topKey) : undefined, message: issue.message });
  }
  return problems;
}
