// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense, type ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preloadable } from './preloadable';

afterEach(() => cleanup());

const Hello = () => <p>Hello</p>;
const inSuspense = (Component: ComponentType) => (
  <Suspense fallback={<p>Loading…</p>}>
    <Component />
  </Suspense>
);

describe('preloadable', () => {
  it('draws a preloaded component in the first render, with no fallback', async () => {
    const load = vi.fn(() => Promise.resolve(Hello));
    const panel = preloadable(load);
    panel.preload();
    panel.preload();
    await act(() => Promise.resolve());
    render(inSuspense(panel.Component));
    expect(screen.getByText('Hello')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads on first use through Suspense when nothing preloaded it', async () => {
    const panel = preloadable(() => Promise.resolve(Hello));
    render(inSuspense(panel.Component));
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(await screen.findByText('Hello')).toBeTruthy();
  });

  it('tries the module again after a failed preload', async () => {
    const load = vi
      .fn<() => Promise<typeof Hello>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(Hello);
    const panel = preloadable(load);
    panel.preload();
    await act(() => Promise.resolve());
    panel.preload();
    await act(() => Promise.resolve());
    expect(load).toHaveBeenCalledTimes(2);
    render(inSuspense(panel.Component));
    expect(screen.getByText('Hello')).toBeTruthy();
  });
});
