/**
 * `_data/`: each `<name>.yml` / `<name>.yaml` becomes `src/data/<name>.yml`, byte for byte (a group's
 * records, keyed by entry title). Every other data file (JSON, CSV, TSV, a file in a folder of
 * `_data`) is plain data for Liquid: `src/data/liquid/<its path in _data>`, byte for byte, which
 * `site.data` reads and the record checks do not. The parsed values also serve `{{ site.data.… }}`
 * in the Liquid conversion.
 */
import { parseDocument } from 'yaml';
import { DATA_DIR, LIQUID_DATA_DIR } from '../../src/lib/data/data-file.ts';
import { documentExpansionProblem } from '../../src/lib/safe-yaml.ts';
import { isRecord, lineAt } from './config.ts';
import type { PlannedFile } from './planned-file.ts';
import { compareText, type ReportLine } from './report.ts';
import type { SourceSite } from './source.ts';

/** Where a `_data` file that is not a group of records is kept for Liquid. */
export const liquidDataPath = (inside: string): string => `${LIQUID_DATA_DIR}/${inside}`;

export interface DataPlan {
  files: PlannedFile[];
  /** `site.data` for Liquid: file name (without extension) to value; folders nest. */
  values: Record<string, unknown>;
  /** The groups imported (`work` for `src/data/work.yml`). */
  groups: string[];
  report: ReportLine[];
}

export function planData(site: SourceSite, paths: readonly string[]): DataPlan {
  const plan: DataPlan = { files: [], values: {}, groups: [], report: [] };
  const taken = new Map<string, string>();
  for (const path of [...paths].sort(compareText)) {
    const inside = path.slice('_data/'.length);
    const match = /^(.+)\.(ya?ml|json|csv|tsv)$/i.exec(inside);
    const name = match?.[1] ?? inside;
    const format = match?.[2]?.toLowerCase();
    const text = site.text(path);
    let value: unknown;
    try {
      if (format === 'yml' || format === 'yaml') {
        const clean = text.replace(/^\uFEFF/, '');
        const document = parseDocument(clean, { version: '1.1', uniqueKeys: false, prettyErrors: false });
        if (document.errors[0]) throw document.errors[0];
        const expansion = documentExpansionProblem(document);
        if (expansion) {
          // Copied, it would stop the next build (or any page's Liquid that printed it): left out.
          plan.report.push({ kind: 'skipped', file: path, message: `is not imported: line ${lineAt(clean, expansion.offset)}: ${expansion.message}` });
          continue;
        }
        // Measured above: the package's own alias limit would throw on a few hundred harmless aliases.
        value = document.toJS({ maxAliasCount: -1 }) as unknown;
      } else if (format === 'json') value = JSON.parse(text) as unknown;
    } catch (error) {
      plan.report.push({
        kind: 'leftover',
        file: path,
        message: `is not valid ${format === 'json' ? 'JSON' : 'YAML'} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Jekyll could not have read it either; fix it in src/data/ after the import.`,
      });
    }
    setNested(plan.values, name.split('/'), value);

    if ((format !== 'yml' && format !== 'yaml') || name.includes('/')) {
      if (format === undefined) {
        plan.report.push({ kind: 'skipped', file: path, message: 'is not a data file Jekyll reads (YAML, JSON, CSV or TSV), so it is not imported.' });
        continue;
      }
      // Said once, by the listing of what is written.
      plan.files.push({ path: liquidDataPath(inside), content: { text }, from: path });
      continue;
    }
    const previous = taken.get(name);
    if (previous !== undefined) {
      plan.report.push({
        kind: 'skipped',
        file: path,
        message: `has the same name as ${previous}, which is imported as src/data/${name}.yml. Merge the two by hand.`,
      });
      continue;
    }
    taken.set(name, path);
    plan.groups.push(name);
    plan.files.push({ path: `${DATA_DIR}/${name}.yml`, content: { text }, from: path });
    if (value !== undefined && value !== null && !(isRecord(value) && Object.values(value).every((record) => record === null || isRecord(record)))) {
      plan.report.push({
        kind: 'leftover',
        file: path,
        message: `is imported as written, but it is not a group of records keyed by entry title ("Title:" with fields below it), which is what this project reads from src/data/. If only the old theme used it, delete src/data/${name}.yml.`,
      });
    }
  }
  return plan;
}

function setNested(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  const [first, ...rest] = keys;
  if (first === undefined) return;
  if (rest.length === 0) {
    target[first] = value;
    return;
  }
  const child = isRecord(target[first]) ? target[first] : {};
  target[first] = child;
  setNested(child, rest, value);
}
