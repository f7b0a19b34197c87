/**
 * Pure helpers for `npm run audit`: the Lighthouse scores table and the audits that cost points.
 * They read only the parts of a Lighthouse result (LHR) named in the typedefs below.
 */

/** The four categories, in Lighthouse's order, with short column titles. */
export const CATEGORIES = [
  { id: 'performance', title: 'perf' },
  { id: 'accessibility', title: 'a11y' },
  { id: 'best-practices', title: 'best practices' },
  { id: 'seo', title: 'seo' },
];

/**
 * @typedef {object} LhrAudit
 * @property {string} id
 * @property {string} title
 * @property {number | null} score
 * @property {string} scoreDisplayMode
 * @property {string} [displayValue]
 * @property {string} [explanation]  why it failed, when Lighthouse says
 */

/**
 * @typedef {object} LhrCategory
 * @property {number | null} score
 * @property {{ id: string, weight: number }[]} auditRefs
 */

/**
 * @typedef {object} Lhr
 * @property {Record<string, LhrCategory>} categories
 * @property {Record<string, LhrAudit>} audits
 */

/**
 * @typedef {object} AuditRow
 * @property {string} page   the path audited, like `/work`
 * @property {string} form   `mobile` or `desktop`
 * @property {Lhr} lhr
 */

/**
 * A category's score out of 100, or `-` when Lighthouse could not score it.
 * @param {Lhr} lhr
 * @param {string} category
 */
export function score(lhr, category) {
  const value = lhr.categories[category]?.score;
  return value === null || value === undefined ? '-' : String(Math.round(value * 100));
}

/**
 * The audits that lower a category's score: those with weight whose score is below 1, lowest first.
 * Informative, manual and not-applicable audits never count, so they are left out.
 * @param {Lhr} lhr
 * @param {string} category
 * @returns {LhrAudit[]}
 */
export function failingAudits(lhr, category) {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && typeof audit.score === 'number' && audit.score < 1)
    .map((audit) => /** @type {LhrAudit} */ (audit))
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
}

/**
 * The scores as a plain-text table, one row per page and form factor.
 * @param {readonly AuditRow[]} rows
 */
export function formatScoreTable(rows) {
  const header = ['page', 'form', ...CATEGORIES.map((category) => category.title)];
  const body = rows.map(({ page, form, lhr }) => [page, form, ...CATEGORIES.map((category) => score(lhr, category.id))]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    `| ${cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => `${'-'.repeat(width + 1)}${column < 2 ? '-' : ':'}`).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

/**
 * For every row with a category below 100: which audits cost the points, one line each, so a
 * developer can act. Empty when everything scores 100.
 * @param {readonly AuditRow[]} rows
 */
export function formatFailures(rows) {
  const lines = [];
  for (const { page, form, lhr } of rows) {
    for (const category of CATEGORIES) {
      const audits = failingAudits(lhr, category.id);
      if (audits.length === 0) continue;
      lines.push(`${page} (${form}) ${category.id} ${score(lhr, category.id)}:`);
      for (const audit of audits) {
        const value = audit.displayValue ? ` (${audit.displayValue})` : '';
        lines.push(`  - ${audit.id}: ${audit.title}${value}, score ${Math.round((audit.score ?? 0) * 100)}`);
        if (audit.explanation) lines.push(`    ${audit.explanation}`);
      }
    }
  }
  return lines.join('\n');
}
