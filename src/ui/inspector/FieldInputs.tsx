import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useEditorApi } from '../../store/react/editor-context';

/** Focus opens an undo group and blur closes it, so typing in a field is one undo step. */
export function useFieldTransaction() {
  const { store } = useEditorApi();
  return {
    onFocus: () => store.getState().beginTransaction('typing'),
    onBlur: () => store.getState().endTransaction(),
  };
}

export function FieldShell({
  id,
  label,
  error,
  problem,
  children,
}: {
  id: string;
  label: string;
  error?: string | null | undefined;
  /** An audit finding about this field (shown in amber; it does not block the edit). */
  problem?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1" data-problem={problem ? 'true' : undefined}>
      <label htmlFor={id} className="text-xs font-medium text-zinc-700">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      {problem && !error && (
        <p id={`${id}-problem`} className="text-xs text-amber-800">
          {problem}
        </p>
      )}
    </div>
  );
}

export const inputClass = (invalid: boolean, flagged = false) =>
  `w-full rounded-md border px-2 py-1 text-sm ${
    invalid
      ? 'border-red-500 bg-red-50'
      : flagged
        ? 'border-amber-400 bg-amber-50'
        : 'border-zinc-300 bg-white'
  }`;

export function TextInput({
  label,
  value,
  onCommit,
  validate,
  multiline,
  placeholder,
  problem,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  validate?: (value: string) => string | null;
  multiline?: boolean | undefined;
  placeholder?: string | undefined;
  problem?: string | undefined;
}) {
  const id = useId();
  const tx = useFieldTransaction();
  const [draft, setDraft] = useState<string | null>(null);
  const error = draft !== null ? (validate?.(draft) ?? null) : null;
  const shown = draft ?? value;
  const props = {
    id,
    value: shown,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : problem ? `${id}-problem` : undefined,
    className: inputClass(Boolean(error), Boolean(problem)),
    onFocus: tx.onFocus,
    onBlur: () => {
      setDraft(null);
      tx.onBlur();
    },
    onChange: (e: { currentTarget: { value: string } }) => {
      const next = e.currentTarget.value;
      setDraft(next);
      if (!validate?.(next)) onCommit(next);
    },
  };
  return (
    <FieldShell id={id} label={label} error={error} problem={problem}>
      {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
    </FieldShell>
  );
}

export function NumberInput({
  label,
  value,
  onCommit,
  validate,
  unit,
  placeholder,
  problem,
}: {
  label: string;
  value: number | undefined;
  onCommit: (value: number | undefined) => void;
  validate: (value: number | undefined) => string | null;
  unit?: string | undefined;
  placeholder?: string | undefined;
  problem?: string | undefined;
}) {
  const id = useId();
  const tx = useFieldTransaction();
  const [draft, setDraft] = useState<string | null>(null);
  const parse = (text: string): number | undefined | 'nan' => {
    if (text.trim() === '') return undefined;
    const n = Number(text.replace(/[,\s$]/g, ''));
    return Number.isFinite(n) ? n : 'nan';
  };
  const parsed = draft !== null ? parse(draft) : value;
  const error = parsed === 'nan' ? 'Enter a number.' : draft !== null ? validate(parsed) : null;
  return (
    <FieldShell id={id} label={unit ? `${label} (${unit})` : label} error={error} problem={problem}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft ?? (value === undefined ? '' : String(value))}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : problem ? `${id}-problem` : undefined}
        className={inputClass(Boolean(error), Boolean(problem))}
        onFocus={tx.onFocus}
        onBlur={() => {
          setDraft(null);
          tx.onBlur();
        }}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const next = parse(text);
          if (next !== 'nan' && !validate(next)) onCommit(next);
        }}
      />
    </FieldShell>
  );
}

export function SelectInput<T extends string>({
  label,
  value,
  options,
  onCommit,
  problem,
  allowEmpty = true,
}: {
  label: string;
  value: T | undefined;
  options: readonly T[];
  onCommit: (value: T | undefined) => void;
  problem?: string | undefined;
  allowEmpty?: boolean;
}) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} problem={problem}>
      <select
        id={id}
        value={value ?? ''}
        className={inputClass(false, Boolean(problem))}
        onChange={(e) => {
          // The value is one of the options (or "" for Not set); finding it keeps its type.
          const chosen = e.currentTarget.value;
          onCommit(options.find((option) => option === chosen));
        }}
      >
        {allowEmpty && <option value="">Not set</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option.replace(/-/g, ' ')}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function ListInput({
  label,
  itemLabel,
  items,
  onCommit,
  problem,
}: {
  label: string;
  itemLabel: string;
  items: readonly string[];
  onCommit: (items: string[] | undefined) => void;
  problem?: string | undefined;
}) {
  const tx = useFieldTransaction();
  const groupId = useId();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  // The item to focus once the store has it: a new one is added, the user types straight in.
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const input = inputs.current[index];
    if (!input) return;
    pendingFocus.current = null;
    input.focus();
  });
  const update = (next: string[]) => onCommit(next.length ? next : undefined);
  const add = () => {
    pendingFocus.current = items.length;
    update([...items, '']);
  };
  // Enter on the last item adds the next one (unless it is still empty); elsewhere it moves on.
  const onItemKeyDown = (event: KeyboardEvent<HTMLInputElement>, i: number) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (i < items.length - 1) inputs.current[i + 1]?.focus();
    else if (event.currentTarget.value.trim() !== '') add();
  };
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    update(next);
  };
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-describedby={problem ? `${groupId}-problem` : undefined}
    >
      <legend className="mb-1 text-xs font-medium text-zinc-700">{label}</legend>
      <ol className="flex flex-col gap-1">
        {items.map((item, i) => (
          <li key={i} className="flex items-center gap-1">
            <input
              type="text"
              aria-label={`${itemLabel} ${i + 1}`}
              ref={(el) => {
                inputs.current[i] = el;
              }}
              value={item}
              onKeyDown={(e) => onItemKeyDown(e, i)}
              className={inputClass(false)}
              onFocus={tx.onFocus}
              onBlur={tx.onBlur}
              onChange={(e) => update(items.map((v, j) => (j === i ? e.currentTarget.value : v)))}
            />
            <button
              type="button"
              className="icon-btn"
              aria-label={`Move ${itemLabel} ${i + 1} up`}
              disabled={i === 0}
              onClick={() => move(i, i - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-btn"
              aria-label={`Move ${itemLabel} ${i + 1} down`}
              disabled={i === items.length - 1}
              onClick={() => move(i, i + 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-btn"
              aria-label={`Remove ${itemLabel} ${i + 1}`}
              onClick={() => update(items.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn self-start" onClick={add}>
        Add {itemLabel.toLowerCase()}
      </button>
      {problem && (
        <p id={`${groupId}-problem`} className="text-xs text-amber-800">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
