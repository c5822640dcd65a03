import { type ComponentType, createElement, type FunctionComponent, use } from 'react';

// A view whose code is its own file of the bundle, fetched when it is first
// needed or, earlier, when the page is idle after Today has painted
// (`preloadViews`): a start parses only the shell and Today.
//
// Unlike React.lazy, a view already fetched renders at once, in the same
// frame as the navigation: it never passes through its Suspense fallback, so
// what a user (or a test) sees after a click is the view, as before the split.

export interface LazyView<P extends object> extends FunctionComponent<P> {
  /** Fetches the view's code (once; again after a failure); resolves when it can render without waiting. */
  preload(): Promise<void>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;
  const preload = (): Promise<void> => {
    loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        failure = { error };
        throw error;
      },
    );
    return loading;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per view at module level (views/lazyViews.ts), never while rendering
  const View = (props: P) => {
    if (failure) {
      // Thrown to the view's error boundary for the rest of this render (React renders a failed tree once more before
      // it gives up), then forgotten: the boundary's Retry, or coming back to the view, fetches the code again. Never
      // fetched again by itself: a file that cannot be fetched would be asked for in a loop.
      const { error } = failure;
      setTimeout(() => {
        failure = null;
        loading = null;
      }, 0);
      throw error;
    }
    // Suspends until the code is in.
    if (!loaded) use(preload());
    return loaded ? createElement(loaded, props) : null;
  };
  return Object.assign(View, { preload });
}

/** Runs `work` once the page is idle (within two seconds however busy); the function returned cancels it. */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}

/** Fetches every view's code once the page is idle, so navigating later does not wait for the network or the parser. */
export function preloadViews(views: readonly LazyView<never>[]): void {
  whenIdle(() => {
    for (const view of views) view.preload().catch(() => undefined);
  });
}
