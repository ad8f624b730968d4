import { lazy, useState, type ComponentType } from 'react';

export interface Preloadable<P extends object = object> {
  readonly Component: ComponentType<P>;
  /** Starts loading the module (once); a failure is left for the first render to show. */
  readonly preload: () => void;
  /** Resolves once the module is here, so a render after it does not suspend. */
  readonly ready: () => Promise<void>;
}

/**
 * A component whose module loads on demand and can be loaded ahead. Once loaded it renders
 * directly rather than through `React.lazy`: a lazy component suspends on its first render
 * even when its module is already here, and React then keeps the Suspense fallback up for at
 * least 300 ms (its fallback throttle), which was most of the time History took to open.
 */
export function preloadable<P extends object = object>(
  load: () => Promise<ComponentType<P>>,
): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A chunk that failed (offline, a new deploy) is fetched again next time.
        loading = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => start().then((component) => ({ default: component })));
  function Component(props: P) {
    // Chosen once per mount: switching types later would remount it and lose its state.
    const [Panel] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Panel {...props} />;
  }
  return {
    Component,
    preload: () => void start().catch(() => undefined),
    ready: () => start().then(() => undefined),
  };
}
