import type { LayerId } from '../model/layers';

/** One simple glyph per layer (24×24 stroke icons), drawn inline so they scale and print. */
const PATHS: Record<LayerId, string> = {
  // a target: who we sell to
  icp: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4a5 5 0 1 0 0 10 5 5 0 0 0 0-10zm0 4a1 1 0 1 0 0 2 1 1 0 0 0 0-2z',
  // a speech bubble: what we say
  positioning: 'M4 5h16v10H9l-5 4z',
  // a megaphone: where we say it
  channels: 'M3 10v4h4l6 4V6L7 10zm13-1a4 4 0 0 1 0 6m2-9a8 8 0 0 1 0 12',
  // a funnel: how deals move
  sales: 'M3 4h18l-7 8v6l-4 2v-8z',
  // a database: the systems underneath
  revops:
    'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zm0 0v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
};

export function LayerIcon({ layer, className }: { layer: LayerId; className?: string }) {
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
      <path d={PATHS[layer]} />
    </svg>
  );
}
