// The request schemas are many (a channel each, a form's fields each) and zod
// builds every refinement into a new schema: built all at once, they were most
// of what loading the dispatch cost at start, before the page's first questions
// (all of them bare `{}`) could be answered. Each is now built when first used.

/**
 * An object with the builders' keys whose every value is built the first time it is read, then kept.
 * Its keys are there from the start (Object.keys, `in`, spreading see them all).
 */
export function builtOnFirstRead<T extends Record<string, unknown>>(builders: { [K in keyof T]: () => T[K] }): T {
  const built = {} as T;
  for (const key of Object.keys(builders) as (keyof T & string)[]) {
    Object.defineProperty(built, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = builders[key]();
        Object.defineProperty(built, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return built;
}

/** A value built on its first use, then kept. */
export function once<T>(build: () => T): () => T {
  let value: { built: T } | undefined;
  return () => {
    value ??= { built: build() };
    return value.built;
  };
}
