import { Suspense, useEffect, useRef, type KeyboardEvent } from 'react';
import { useEditor } from '../store/react/editor-context';
import { ErrorBoundary } from '../ui-kit/ErrorBoundary';
import { preloadable, type Preloadable } from '../ui-kit/preloadable';
import { SideTabIcon } from '../ui-kit/SideTabIcon';
import { useAudit } from '../store/react/use-audit';
import type { SideTab } from '../store/editor-store';
import { Inspector } from './inspector/Inspector';

// The panels other than the inspector load on first use, or ahead of it: when the browser is
// idle after start-up, or as the pointer or focus reaches their tab. They stay out of the
// start-up bundle either way (the engines themselves load at once: cards show badges and flows).
const PANELS: Readonly<Record<Exclude<SideTab, 'Inspector'>, Preloadable>> = {
  Problems: preloadable(() => import('./problems/ProblemsPanel').then((m) => m.ProblemsPanel)),
  Forecast: preloadable(() => import('./forecast/ForecastPanel').then((m) => m.ForecastPanel)),
  History: preloadable(() => import('./review/HistoryPanel').then((m) => m.HistoryPanel)),
  Comments: preloadable(() => import('./review/CommentsPanel').then((m) => m.CommentsPanel)),
  Deals: preloadable(() => import('./deals/DealsPanel').then((m) => m.DealsPanel)),
};
const preload = (tab: SideTab) => (tab === 'Inspector' ? undefined : PANELS[tab].preload());

const TABS: readonly SideTab[] = [
  'Inspector',
  'Problems',
  'Forecast',
  'History',
  'Comments',
  'Deals',
];

/**
 * The right-hand panel: a tab list over the inspector, the audit and the forecast. Collapsed,
 * it leaves a strip with the button that opens it again and the count of problems.
 */
export function SidePanel({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const tab = useEditor((s) => s.sideTab);
  const setTab = useEditor((s) => s.showSideTab);
  const audit = useAudit();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  useEffect(() => {
    const all = () => TABS.forEach(preload);
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(all, 2_000);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(all, { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next === null) return;
    const target = TABS[(next + TABS.length) % TABS.length] as SideTab;
    setTab(target);
    tabRefs.current[target]?.focus();
  };

  const problemCount = audit.counts.error + audit.counts.warning + audit.counts.info;
  if (!open) {
    return (
      <aside
        aria-label="Side panel"
        className="flex h-full w-9 flex-col items-center gap-2 border-l border-zinc-200 bg-white py-2"
      >
        <button
          type="button"
          className="icon-btn"
          aria-label="Show side panel"
          aria-expanded="false"
          title="Show the inspector, problems and forecast"
          onClick={onToggle}
        >
          ‹
        </button>
        {problemCount > 0 && (
          <span className="rounded-full bg-zinc-100 px-1 text-[11px] text-zinc-700">
            {problemCount}
            <span className="sr-only"> problems</span>
          </span>
        )}
      </aside>
    );
  }
  return (
    <aside className="relative flex h-full w-64 shrink-0 flex-col border-l border-zinc-200 bg-white xl:w-80 2xl:w-96">
      <button
        type="button"
        className="icon-btn absolute top-2 -left-3.5 z-10 h-6 w-6 rounded-full shadow-sm"
        aria-label="Hide side panel"
        aria-expanded="true"
        title="Hide the side panel"
        onClick={onToggle}
      >
        ›
      </button>
      {/* Six tabs in one row: an icon over a small label from 1280 px, the icon alone (its name
          in the tooltip and the accessible name) in the narrower panel below that. */}
      <div
        role="tablist"
        aria-label="Side panel"
        className="flex shrink-0 border-b border-zinc-200 pl-2"
        onKeyDown={onKeyDown}
      >
        {TABS.map((name) => (
          <button
            key={name}
            aria-label={
              name === 'Problems' && problemCount > 0 ? `Problems (${problemCount})` : name
            }
            title={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onPointerEnter={() => preload(name)}
            onFocus={() => preload(name)}
            className={`relative flex min-w-0 flex-auto flex-col items-center gap-0.5 px-0.5 pt-2 pb-1.5 text-[11px] leading-tight ${
              tab === name
                ? 'border-b-2 border-zinc-900 text-zinc-950'
                : 'border-b-2 border-transparent text-zinc-600 hover:text-zinc-900'
            }`}
          >
            <SideTabIcon tab={name} />
            <span className="hidden max-w-full truncate xl:block">{name}</span>
            {name === 'Problems' && problemCount > 0 && (
              <span
                className={`absolute top-0.5 left-1/2 ml-1 rounded-full px-1 text-[10px] leading-4 ${
                  audit.counts.error > 0
                    ? 'bg-red-100 text-red-800'
                    : audit.counts.warning > 0
                      ? 'bg-amber-100 text-amber-900'
                      : 'bg-sky-100 text-sky-900'
                }`}
              >
                {problemCount}
              </span>
            )}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="min-h-0 flex-1 overflow-y-auto"
      >
        {/* Keyed by tab, so a panel that failed gets a fresh try when its tab is reopened. */}
        <ErrorBoundary key={tab} name={tab.toLowerCase()} label={`The ${tab} panel`}>
          <Suspense fallback={<p className="p-3 text-sm text-zinc-500">Loading…</p>}>
            {tab === 'Inspector' ? <Inspector /> : <Panel tab={tab} />}
          </Suspense>
        </ErrorBoundary>
      </div>
    </aside>
  );
}

function Panel({ tab }: { tab: Exclude<SideTab, 'Inspector'> }) {
  const { Component } = PANELS[tab];
  return <Component />;
}
