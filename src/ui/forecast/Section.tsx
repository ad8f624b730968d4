import { useId, type ReactNode } from 'react';

/** A titled part of the forecast panel; its heading names it for assistive technology. */
export function Section({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-2 border-t border-zinc-200 pt-3"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
