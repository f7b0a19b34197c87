/**
 * `_data/`: each `<name>.yml` / `<name>.yaml` becomes `src/data/<name>.yml`, byte for byte (a group's
 * records, keyed by entry title). Other formats are reported, not imported. The parsed values also
 * serve `{{ site.data.… }}` in the Liquid conversion.
 */
import { parse } from 'yaml';
import { isRecord } from './config.ts';
import type { PlannedFile } from './plan.ts';
import { compareText, type ReportLine } from './report.ts';
import type { SourceSite } from './source.ts';

/** Where data files go, relative to the project root. */
export const DATA_DIR = 'src/data';

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
      if (format === 'yml' || format === 'yaml') value = parse(text.replace(/^\uFEFF/, ''), { version: '1.1', uniqueKeys: false });
      else if (format === 'json') value = JSON.parse(text) as unknown;
    } catch (error) {
      plan.report.push({ kind: 'leftover', file: path, message: `is not valid ${format === 'json' ? 'JSON' : 'YAML'} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Jekyll could not have read it either; fix it in src/data/ after the import.` });
    }
    setNested(plan.values, name.split('/'), value);

    if (format !== 'yml' && format !== 'yaml') {
      plan.report.push({ kind: 'skipped', file: path, message: `this project reads data files as YAML only, so it is not imported. If a page needs it, write it as src/data/${name.replace(/\//g, '-')}.yml.` });
      continue;
    }
    if (name.includes('/')) {
      plan.report.push({ kind: 'skipped', file: path, message: `is in a folder of _data; this project keeps one file per group directly in src/data/. Move it to src/data/${name.split('/').pop() ?? name}.yml if a page needs it.` });
      continue;
    }
    const previous = taken.get(name);
    if (previous !== undefined) {
      plan.report.push({ kind: 'skipped', file: path, message: `has the same name as ${previous}, which is imported as src/data/${name}.yml. Merge the two by hand.` });
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
