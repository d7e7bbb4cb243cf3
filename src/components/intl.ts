/**
 * `Intl` formatters, made once per locale and reused. Each constructor resolves the locale and loads its data
 * (tens of microseconds), and a render asked for new ones every time: the badge re-renders once a second while a
 * session is connected, and on every view change.
 */

const cache = new Map<string, Intl.PluralRules | Intl.ListFormat>();

/** The cached formatter under `key`, made by `make` the first time (a locale that throws is not cached). */
function once<T extends Intl.PluralRules | Intl.ListFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}

export const pluralRules = (lang: string) => once(`plural:${lang}`, () => new Intl.PluralRules(lang));

/** "and" lists: `Intl.ListFormat`'s default type is `conjunction`. */
export const listFormat = (lang: string) => once(`list:${lang}`, () => new Intl.ListFormat(lang));

/**
 * `items` as an "and" list ("Ana", "Ana and Ben"). A list of one is that item in every locale (ECMA-402), and it
 * is the usual case (one agent): it needs no `Intl.ListFormat`, whose first construction in a page loads its locale
 * data (milliseconds, seen in the bench's profiles as the first render after a burst).
 */
export const formatList = (lang: string, items: string[]) =>
  items.length === 1 ? items[0] : listFormat(lang).format(items);

/**
 * `compute`, remembering its last arguments and result: called again with the same ones (by identity), it returns
 * the same result without running. For a render's pure parts whose inputs change less often than it renders.
 */
export function lastResult<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A) => {
    if (!last || args.length !== last.args.length || args.some((arg, i) => arg !== last!.args[i])) {
      last = { args, result: compute(...args) };
    }
    return last.result;
  };
}
