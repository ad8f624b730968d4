import type { ReactNode } from 'react';

/**
 * Below which window width a top-bar button shows its icon alone. Static class names, so that
 * Tailwind sees them: `xl` is 1280 px, `2xl` 1536 px.
 */
const NARROWING = {
  xl: {
    icon: 'xl:hidden',
    text: 'sr-only xl:not-sr-only xl:whitespace-nowrap',
    button: 'px-1.5 xl:px-2.5',
  },
  '2xl': {
    icon: '2xl:hidden',
    text: 'sr-only 2xl:not-sr-only 2xl:whitespace-nowrap',
    button: 'px-1.5 2xl:px-2.5',
  },
} as const;

export type Narrowing = keyof typeof NARROWING;

/** The padding a button whose label is a NarrowLabel takes: square once it shows the icon. */
export const narrowButtonClass = (below: Narrowing): string => NARROWING[below].button;

/**
 * A button's label that gives way to its icon in a narrow window, so the top bar keeps every
 * control on one line. The text stays in the page (visually hidden), so the button's
 * accessible name, and what a screen reader or a test finds it by, never changes.
 */
export function NarrowLabel({
  text,
  icon,
  below,
}: {
  text: string;
  icon: ReactNode;
  below: Narrowing;
}) {
  return (
    <>
      <span aria-hidden="true" className={NARROWING[below].icon}>
        {icon}
      </span>
      <span className={NARROWING[below].text}>{text}</span>
    </>
  );
}
