/** The icons top-bar buttons narrow to (NarrowLabel); 16 px, drawn in the text colour. */

function Icon({ d }: { d: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      className="block"
    >
      <path d={d} />
    </svg>
  );
}

export const UndoIcon = () => <Icon d="M5.5 3.5 2.5 6.5l3 3M2.5 6.5h7a4 4 0 0 1 0 8H7" />;

export const RedoIcon = () => <Icon d="M10.5 3.5l3 3-3 3M13.5 6.5h-7a4 4 0 0 0 0 8H9" />;

/** Three boxes in a tree: cards laid out in order. */
export const AutoLayoutIcon = () => (
  <Icon d="M6 1.5h4v3H6zM1.5 11.5h4v3h-4zM10.5 11.5h4v3h-4zM8 4.5V8M3.5 11.5V8h9v3.5" />
);

/** A tray with an arrow into it: a file comes in. */
export const ImportIcon = () => <Icon d="M8 1.5v8M4.5 6 8 9.5 11.5 6M2 10.5v3h12v-3" />;

/** A table of rows: a deals export (CSV). */
export const DealsIcon = () => <Icon d="M2 2.5h12v11H2zM2 6h12M2 9.75h12M6 6v7.5" />;
