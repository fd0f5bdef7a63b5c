/**
 * Loads every variant file of a `variants/` folder, so that adding a design is writing one file.
 *
 * Leaves out: validation beyond the shape check; a file whose default export has the wrong `name`
 * is reported by the registry tests.
 */
import { readdirSync } from 'node:fs';

/** Something a registry can list: it has a `name`. */
export interface Named {
  readonly name: string;
}

/**
 * Imports the default export of every `.ts`/`.js` file beside `indexUrl` (except `index.*` and
 * tests), or inside it when it is a folder's URL (ending in `/`), ordered by `order` first, then
 * by name.
 */
export async function loadVariants<T extends Named>(
  indexUrl: string,
  order: readonly string[],
  isVariant: (value: unknown) => value is T,
): Promise<readonly T[]> {
  const folder = new URL('.', indexUrl);
  const files = readdirSync(folder)
    .filter((f) => /\.(ts|js)$/.test(f) && !/^index\./.test(f) && !/\.(test|d)\.ts$/.test(f))
    .sort();
  const modules = await Promise.all(files.map((f) => import(new URL(f, folder).href)));
  const variants = modules.map((m: { default?: unknown }, i) => {
    if (!isVariant(m.default)) throw new Error(`${files[i]} has no variant as its default export`);
    return m.default;
  });
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i === -1 ? order.length : i;
  };
  return variants.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** A registry: every variant of a folder, their names, and a lookup by name. */
export interface Registry<T extends Named> {
  readonly all: readonly T[];
  readonly names: readonly string[];
  readonly find: (name: string) => T | undefined;
}

/**
 * {@link loadVariants}, with the names and the lookup every registry offers.
 *
 * @example
 * const { all, names, find } = await registry(import.meta.url, ['original'], isDriverVariant);
 */
export async function registry<T extends Named>(
  indexUrl: string,
  order: readonly string[],
  isVariant: (value: unknown) => value is T,
): Promise<Registry<T>> {
  const all = await loadVariants(indexUrl, order, isVariant);
  return { all, names: all.map((v) => v.name), find: (name) => all.find((v) => v.name === name) };
}
