import type { SideTab } from '../store/view-slice';

/** One glyph per side-panel tab (24×24 stroke icons, like the layer icons). */
const PATHS: Record<SideTab, string> = {
  // a card with its fields
  Inspector:
    'M5 4h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm2 5h10M7 13h10M7 17h6',
  // a warning sign: the audit
  Problems: 'M12 3 2 20h20zm0 7v4m0 3h.01',
  // a rising line: the funnel maths
  Forecast: 'M3 17l6-6 4 4 8-8m-6 0h6v6',
  // a clock: versions over time
  History: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v5l3 2',
  // a speech bubble: threads
  Comments: 'M4 5h16v11H9l-5 4z',
  // a dollar sign: the CRM's deals
  Deals: 'M12 3v18m4-13.5c0-1.9-1.8-3-4-3s-4 1.1-4 3 1.8 2.6 4 3 4 1.1 4 3-1.8 3-4 3-4-1.1-4-3',
};

export function SideTabIcon({ tab, className }: { tab: SideTab; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      <path d={PATHS[tab]} />
    </svg>
  );
}
