/**
 * YAML aliases (`*name`) repeat what an anchor (`&name`) holds without copying it, so a small file
 * can stand for a huge value ("billion laughs"): a 250 KB data file can expand to hundreds of MB
 * when anything copies or serializes it (Astro's data store does), and then fails as a crash. Every
 * YAML read of the build and of the importer measures the value it read here, without expanding it:
 * shared parts are counted as many times as they are used, each measured once.
 */

/** The most values (scalars, lists and maps, counted as often as aliases repeat them) one YAML text may expand to. */
export const MAX_EXPANDED_VALUES = 200_000;

/**
 * How many values `root` stands for once every alias is written out; stops counting past `limit`.
 * `childrenOf` gives a node's children, or undefined for a leaf. The sizer is kept between calls, so
 * the entries of one document are measured in one pass.
 */
function sizer<T>(childrenOf: (node: T) => Iterable<T> | undefined, limit: number): (root: T) => number {
  const sizes = new Map<T, number>();
  const measure = (node: T): number => {
    const children = childrenOf(node);
    if (children === undefined) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // A cycle (`&a [*a]`) expands without end.
    sizes.set(node, Infinity);
    let size = 1;
    for (const child of children) {
      size += measure(child);
      if (size > limit) break;
    }
    sizes.set(node, size);
    return size;
  };
  return measure;
}

/** How many values `value` stands for once every alias is written out; stops counting past `limit`. */
export function expandedSize(value: unknown, limit = MAX_EXPANDED_VALUES): number {
  const childrenOf = (node: unknown): Iterable<unknown> | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    return Array.isArray(node) ? node : Object.values(node);
  };
  return sizer(childrenOf, limit)(value);
}

function tooMany(size: number): string {
  return `its aliases (*name) expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values${size === Infinity ? ' (an alias inside its own anchor never ends)' : ''}, too many to read safely. Write the repeated parts out, or use fewer aliases.`;
}

/** The message for YAML whose aliases expand past the limit, or `undefined` when it is safe to use. */
export function aliasExpansionProblem(value: unknown): string | undefined {
  const size = expandedSize(value);
  return size <= MAX_EXPANDED_VALUES ? undefined : tooMany(size);
}

// The `yaml` package's syntax tree, read by the marks it puts on its nodes (importing the package here
// would load it into every build; src/lib/yaml-tree.ts loads it only when a line is wanted).
const NODE_TYPE = Symbol.for('yaml.node.type');
const ALIAS = Symbol.for('yaml.alias');
const PAIR = Symbol.for('yaml.pair');
const COLLECTIONS = new Set([Symbol.for('yaml.map'), Symbol.for('yaml.seq')]);

interface TreeNode {
  [NODE_TYPE]?: symbol;
  anchor?: string;
  source?: string;
  items?: TreeNode[];
  key?: TreeNode | null;
  value?: TreeNode | null;
  range?: [number, number, number];
}

/**
 * The same limit on a document of the `yaml` package, measured on its syntax tree before any value is
 * made: that package's `toJS` either stops at a fixed alias count with a `ReferenceError`, or, told not
 * to, takes minutes over a file of many aliases. `offset` is where the top-level entry that passes the
 * limit starts, for its line.
 */
export function documentExpansionProblem(document: { contents: unknown }): { message: string; offset: number | undefined } | undefined {
  const root = document.contents as TreeNode | null;
  // Each alias stands for the last node before it with its anchor, in document order (YAML's rule).
  const anchors = new Map<string, TreeNode>();
  const targets = new Map<TreeNode, TreeNode>();
  const walk = (node: TreeNode | null | undefined): void => {
    if (!node || typeof node !== 'object') return;
    const type = node[NODE_TYPE];
    if (type === ALIAS) {
      const target = anchors.get(node.source ?? '');
      if (target) targets.set(node, target);
      return;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    if (type === PAIR) {
      walk(node.key);
      walk(node.value);
    } else if (type !== undefined && COLLECTIONS.has(type)) for (const item of node.items ?? []) walk(item);
  };
  walk(root);
  if (targets.size === 0) return undefined;
  const size = sizer<TreeNode | null | undefined>((node) => {
    const type = node?.[NODE_TYPE];
    if (!node || type === undefined) return undefined;
    if (type === ALIAS) return [targets.get(node)];
    if (type === PAIR) return [node.value];
    return COLLECTIONS.has(type) ? (node.items ?? []) : undefined;
  }, MAX_EXPANDED_VALUES);
  const type = root?.[NODE_TYPE];
  if (!root || type === undefined || !COLLECTIONS.has(type)) {
    const whole = size(root);
    return whole <= MAX_EXPANDED_VALUES ? undefined : { message: tooMany(whole), offset: root?.range?.[0] };
  }
  let total = 1;
  for (const item of root.items ?? []) {
    total += size(item);
    if (total > MAX_EXPANDED_VALUES) return { message: tooMany(total), offset: (item.key ?? item).range?.[0] };
  }
  return undefined;
}
