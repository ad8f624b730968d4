/**
 * Hooks for the browser tests and the bench. They are compiled in only by the dev server and by
 * `vite build --mode e2e`, which is what `npm run test:e2e` and `npm run bench` build; in a
 * production build `TEST_HOOKS` is the constant false and the bundler drops them.
 *
 * - The crash-test hook of the error boundaries (see ui-kit/ErrorBoundary).
 * - Timings, as User Timing entries named `gtm-blueprint:<what>` (`gtm-blueprint:export:png`),
 *   which the bench reads with `performance.getEntriesByName`.
 */
export const TEST_HOOKS: boolean = import.meta.env.DEV || import.meta.env.MODE === 'e2e';

/** Records how long `what` took since `start` (a `performance.now()`), for the bench. */
export function reportTiming(what: string, start: number): void {
  if (TEST_HOOKS) performance.measure(`gtm-blueprint:${what}`, { start, end: performance.now() });
}
