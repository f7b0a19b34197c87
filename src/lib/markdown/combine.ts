import type { HastPluginDefinition, HastVisitorContext } from 'satteri';

/** The visitors a combined plugin carries over; a plugin with any other (a hook, a text visitor) is refused. */
const FILTERED = ['element', 'mdxJsxFlowElement', 'mdxJsxTextElement'] as const;
const SUPPORTED = new Set<string>(['name', 'raw', ...FILTERED]);

type RawVisitor = NonNullable<HastPluginDefinition['raw']>;
type RawNode = Parameters<RawVisitor>[0];

/**
 * Several hast plugins as one: Sätteri walks a document's tree once per plugin, so the site's three
 * (code, links, new-tab links) cost three walks of every body. Here they are one walk: each plugin's
 * element and JSX visitors run in order for the nodes their filters name. Raw HTML visitors run in
 * order too, each on the raw HTML as the one before left it, and the result replaces the node once.
 */
export function combineHastPlugins(name: string, plugins: readonly HastPluginDefinition[]): HastPluginDefinition {
  for (const plugin of plugins) {
    const unsupported = Object.keys(plugin).filter((key) => !SUPPORTED.has(key));
    if (unsupported.length > 0) throw new Error(`combineHastPlugins: ${plugin.name} has ${unsupported.join(', ')}, which a combined plugin does not run.`);
  }
  // Built key by key; the type asks for at least one visitor, which the plugins given always bring.
  const combined: Record<string, unknown> = { name };
  for (const key of FILTERED) {
    const visitors = plugins.flatMap((plugin) => {
      const visitor = plugin[key];
      return visitor === undefined ? [] : Array.isArray(visitor) ? visitor : [visitor];
    });
    if (visitors.length > 0) Object.assign(combined, { [key]: visitors });
  }
  const raws = plugins.flatMap((plugin) => (plugin.raw ? [plugin.raw] : []));
  if (raws.length > 0) combined['raw'] = chainRawVisitors(raws);
  return combined as HastPluginDefinition;
}

/** Raw visitors run one after another, each seeing the raw HTML the one before wrote. */
function chainRawVisitors(visitors: readonly RawVisitor[]): RawVisitor {
  return (node, ctx) => {
    let current: RawNode = node;
    for (const visit of visitors) {
      let replacement: RawNode | undefined;
      // The visitor's replaceNode of this node is kept for the next visitor, not applied yet.
      const local = new Proxy(ctx, {
        get(target, property) {
          if (property === 'replaceNode') {
            return (target_: unknown, next: { type: string }) => {
              if ((target_ === current || target_ === node) && next.type === 'raw') replacement = next as RawNode;
              else target.replaceNode(target_ as never, next as never);
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      }) as HastVisitorContext;
      const returned = visit(current, local);
      if (returned instanceof Promise) throw new Error('combineHastPlugins: raw visitors must not be async.');
      if (returned && returned.type !== 'raw') return returned;
      replacement = (returned as RawNode | undefined) ?? replacement;
      if (replacement) current = replacement;
    }
    if (current !== node) ctx.replaceNode(node as never, current as never);
    return undefined;
  };
}
