/**
 * A page's own front matter that names a file of the site the site does not have
 * (`thumbnail_img: /assets/images/portrait.jpeg`, the image gone from the repository). Jekyll showed
 * it broken where a list printed it (`<img src="{{ page.thumbnail_img }}">`); the build refuses a link
 * that leads nowhere and names the page whose Liquid wrote it, so the report names the field at its
 * source, with what to do.
 */
import type { FrontMatterData } from './front-matter.ts';
import type { ReportLine } from './report.ts';

/** Keys whose value is the page's own address or an old one, not a file it shows. */
const ADDRESSES = new Set(['permalink', 'redirect_from', 'redirect_to']);

/** A site path to a file: from the root, with an extension. */
const FILE_PATH = /^\/[^\s?#]*\.[A-Za-z0-9]{1,8}$/;

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** One line for each value in `own` (nested ones too) that is a site path the import does not serve. */
export function fieldsNamingMissingFiles(file: string, own: FrontMatterData, served: ReadonlySet<string>): ReportLine[] {
  const report: ReportLine[] = [];
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      const path = value.trim();
      if (FILE_PATH.test(path) && !served.has(decoded(path)))
        report.push({
          kind: 'leftover',
          file,
          message: `its \`${key}\` names ${path}, which is not a file of the Jekyll site (Jekyll showed it broken), and the build stops on a page that shows or links it. Add the file to the Jekyll site, or change \`${key}\`, and run the import again.`,
        });
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${key}.${index}`));
    else if (value !== null && typeof value === 'object')
      for (const [name, item] of Object.entries(value)) if (key !== '' || !ADDRESSES.has(name)) visit(item, key === '' ? name : `${key}.${name}`);
  };
  visit(own, '');
  return report;
}
