/**
 * `T` with every property and array read-only, all the way down: the type a builder of read-only
 * data must match to be checked against a zod schema's output (cli/reports/, docs/formats.md).
 */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
