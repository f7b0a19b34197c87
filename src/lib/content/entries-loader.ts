import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * Wraps a loader so that in `astro dev` an entry that fails its schema is left out instead of
 * stopping the dev server: Astro's content sync treats an invalid entry as fatal at startup, which
 * would end `astro dev` on the first typo. The entry checks report the mistake in the terminal and
 * the error overlay, and the entry comes back as soon as it is fixed. Builds are unchanged (the entry
 * checks fail them before content is synced).
 */
export function devTolerant(loader: Loader): Loader {
  return {
    ...loader,
    name: `${loader.name}-dev-tolerant`,
    load(context: LoaderContext) {
      if (!context.watcher) return loader.load(context);
      const invalid = new Set<string>();
      const parseData: LoaderContext['parseData'] = async (props) => {
        try {
          invalid.delete(props.id);
          return await context.parseData(props);
        } catch {
          invalid.add(props.id);
          return props.data;
        }
      };
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property === 'set') {
            return (entry: { id: string }) => {
              if (invalid.has(entry.id)) {
                target.delete(entry.id);
                return false;
              }
              return target.set(entry as Parameters<typeof target.set>[0]);
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return loader.load({ ...context, parseData, store });
    },
  };
}
