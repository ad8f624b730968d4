import type { Severity } from '../rules/types';

/**
 * Severity colours: red, amber and blue as the product uses everywhere, each paired with its
 * own shape so that the level never depends on colour alone.
 */
export const SEVERITY_TONE: Readonly<
  Record<Severity, { badge: string; icon: string; soft: string }>
> = {
  error: {
    badge: 'border-red-600 text-red-700 hover:bg-red-50',
    icon: 'text-red-600',
    soft: 'border-red-200 bg-red-50/60',
  },
  warning: {
    badge: 'border-amber-500 text-amber-800 hover:bg-amber-50',
    icon: 'text-amber-500',
    soft: 'border-amber-200 bg-amber-50/60',
  },
  info: {
    badge: 'border-blue-600 text-blue-700 hover:bg-blue-50',
    icon: 'text-blue-600',
    soft: 'border-blue-200 bg-blue-50/60',
  },
};

/** A circle with "!" for an error, a triangle for a warning, a circle with "i" for info. */
export function SeverityIcon({
  severity,
  className = '',
}: {
  severity: Severity;
  className?: string;
}) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      className={`shrink-0 ${SEVERITY_TONE[severity].icon} ${className}`}
      data-severity={severity}
    >
      {severity === 'warning' ? (
        <>
          <path d="M8 1.5 15 14H1z" fill="currentColor" />
          <path d="M8 6v4M8 11.6v.1" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
        </>
      ) : (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          {severity === 'error' ? (
            <path d="M8 4v5M8 11.6v.1" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          ) : (
            <path d="M8 7v5M8 4.4v.1" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          )}
        </>
      )}
    </svg>
  );
}
