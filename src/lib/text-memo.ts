/**
 * A reader of file texts that remembers its last `limit` results by text. One build reads each page
 * and data file more than once (the config, the checks, the content loader, the pages), from separate
 * copies of the modules (the integration's, and the ones Vite loads for the pages and, in `astro
 * dev`, for the content loader), so the results live on `globalThis` under `name`. Callers only
 * read a result, never change it. A long `astro dev` session reads every saved version of a file:
 * only the newest `limit` are kept.
 */
export function memoByText<T>(name: string, limit: number, read: (text: string) => T): (text: string) => T {
  const store = globalThis as { [key: symbol]: unknown };
  const key = Symbol.for(`portfolio.${name}`);
  const results = (store[key] ??= new Map<string, T>()) as Map<string, T>;
  return (text) => {
    if (results.has(text)) return results.get(text) as T;
    const result = read(text);
    results.set(text, result);
    for (const oldest of results.keys()) {
      if (results.size <= limit) break;
      results.delete(oldest);
    }
    return result;
  };
}
