import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface MenuItem {
  readonly label: string;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
  readonly description?: string;
  /** Makes the item a menuitemcheckbox: an option that is on or off. */
  readonly checked?: boolean;
}

const ITEMS = '[role^="menuitem"]:not([disabled])';

/**
 * A menu button (WAI-ARIA menu pattern): Enter/Space/↓ open it with focus on the first item,
 * arrows move, Escape closes and returns focus to the button, a click outside closes it.
 */
export function Menu({
  label,
  items,
  children,
  onOpen,
}: {
  label: string;
  items: readonly MenuItem[];
  children?: ReactNode;
  /** Called as the menu opens: time to load what its items need. */
  onOpen?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>(ITEMS)?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && event.target !== buttonRef.current)
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const show = () => {
    setOpen(true);
    onOpen?.();
  };

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const move = (delta: number) => {
    const list = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>(ITEMS) ?? [])];
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    list[(index + delta + list.length) % list.length]?.focus();
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : show())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            show();
          }
        }}
      >
        {children ?? label}
        <span aria-hidden="true" className="text-[10px] text-zinc-500">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className="absolute right-0 z-50 mt-1 flex min-w-56 flex-col rounded-md border border-zinc-200 bg-white p-1 shadow-lg"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close();
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              move(1);
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              move(-1);
            } else if (e.key === 'Tab') {
              setOpen(false);
            }
          }}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={item.checked}
              disabled={item.disabled}
              className="flex flex-col items-start rounded px-3 py-1.5 text-left text-sm text-zinc-800 hover:bg-zinc-100 focus:bg-zinc-100 disabled:opacity-40"
              onClick={() => {
                close();
                item.onSelect();
              }}
            >
              <span>
                {item.checked !== undefined && (
                  <span
                    aria-hidden="true"
                    className="mr-2 inline-grid h-3.5 w-3.5 place-items-center rounded-sm border border-zinc-500 align-[-2px] text-[10px] leading-none"
                  >
                    {item.checked ? '✓' : ''}
                  </span>
                )}
                {item.label}
              </span>
              {item.description && (
                <span className="text-xs text-zinc-500">{item.description}</span>
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
