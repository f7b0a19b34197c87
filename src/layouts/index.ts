import type { LayoutName } from '../lib/schema/work-entry';
import WorkPage from './WorkPage.astro';

/** The component each `layout` name in front matter renders with. The schema lists the same names. */
export const layouts = {
  work_page: WorkPage,
} as const satisfies Record<LayoutName, unknown>;
