/**
 * YAML aliases (`*name`) repeat what an anchor (`&name`) holds without copying it, so a small file
 * can stand for a huge value ("billion laughs"): a 250 KB data file can expand to hundreds of MB
 * when anything copies or serializes it (Astro's data store does), and then fails as a crash. Every
 * YAML read of the build and of the importer measures the value it read here, without expanding it:
 * shared parts are counted as many times as they are used, each measured once.
 */

/** The most values (scalars, lists and maps, counted as often as aliases repeat them) one YAML text may expand to. */
export const MAX_EXPANDED_VALUES = 200_000;

/** How many values `value` stands for once every alias is written out; stops counting past `limit`. */
export function expandedSize(value: unknown, limit = MAX_EXPANDED_VALUES): number {
  const sizes = new Map<object, number>();
  const measure = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // A cycle (`&a [*a]`) expands without end.
    sizes.set(node, Infinity);
    let size = 1;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      size += measure(child);
      if (size > limit) break;
    }
    sizes.set(node, size);
    return size;
  };
  return measure(value);
}

/** The message for YAML whose aliases expand past the limit, or `undefined` when it is safe to use. */
export function aliasExpansionProblem(value: unknown): string | undefined {
  const size = expandedSize(value);
  if (size <= MAX_EXPANDED_VALUES) return undefined;
  return `its aliases (*name) expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values${size === Infinity ? ' (an alias inside its own anchor never ends)' : ''}, too many to build safely. Write the repeated parts out, or use fewer aliases.`;
}
