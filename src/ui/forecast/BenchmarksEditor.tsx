import { useId, useState } from 'react';
import { useEditor } from '../../store/react/editor-context';
import { resolveBenchmarks, type Benchmark } from '../../model/benchmarks';
import { METRIC_KEYS, isRateKey, type MetricKey } from '../../model/metrics';
import { useFieldTransaction } from '../inspector/FieldInputs';
import { benchmarkProblem, isEdited, toShown, toStored } from './benchmark-edit';
import { Section } from './Section';

type Field = 'min' | 'max' | 'redFlag';

const FIELDS: readonly { field: Field; label: string }[] = [
  { field: 'min', label: 'min' },
  { field: 'max', label: 'max' },
  { field: 'redFlag', label: 'red flag' },
];

/**
 * The stage benchmarks of domain §5, editable for this diagram: each edit writes
 * meta.benchmarks and is one undo step per field; the chips everywhere follow.
 */
export function BenchmarksEditor() {
  const overrides = useEditor((s) => s.diagram.meta.benchmarks);
  const updateMeta = useEditor((s) => s.updateMeta);
  const errorId = useId();
  const [error, setError] = useState<{ input: string; message: string } | null>(null);
  const table = resolveBenchmarks(overrides);
  const keys = METRIC_KEYS.filter((key) => table[key]);
  const hasOverrides = Object.keys(overrides ?? {}).length > 0;

  const commit = (key: MetricKey, next: Benchmark) =>
    updateMeta({ benchmarks: { ...overrides, [key]: { ...next } } });

  return (
    <Section
      title="Benchmarks"
      action={
        <button
          type="button"
          className="btn text-xs"
          disabled={!hasOverrides}
          onClick={() => {
            setError(null);
            updateMeta({ benchmarks: undefined });
          }}
        >
          Reset to defaults
        </button>
      }
    >
      <p className="text-xs text-zinc-600">
        Mid-market B2B ranges (ACV $10K–$100K) unless you change them for this diagram. Rates in %,
        the sales cycle in days.
      </p>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Benchmarks for this diagram</caption>
        <thead>
          <tr className="text-xs text-zinc-600">
            <th scope="col" className="py-1 pr-1 text-left font-medium">
              Metric
            </th>
            <th scope="col" className="px-1 py-1 text-right font-medium">
              Min
            </th>
            <th scope="col" className="px-1 py-1 text-right font-medium">
              Max
            </th>
            <th scope="col" className="py-1 pr-1 pl-0.5 text-right font-medium">
              Red flag
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const benchmark = table[key]!;
            const edited = isEdited(key, overrides);
            return (
              <tr key={key} className="border-t border-zinc-100">
                <th scope="row" className="py-1 pr-1 text-left text-xs font-normal text-zinc-800">
                  {benchmark.label}
                  {edited && (
                    <span className="ml-1 rounded bg-violet-50 px-1 text-[10px] font-medium text-violet-800">
                      edited
                    </span>
                  )}
                </th>
                {FIELDS.map(({ field, label }) => {
                  const inputKey = `${key}:${field}`;
                  return (
                    <td key={field} className="px-0.5 py-1">
                      <BenchmarkInput
                        label={`${benchmark.label} ${label} (${isRateKey(key) ? '%' : 'days'})`}
                        value={toShown(key, benchmark[field])}
                        error={error?.input === inputKey ? error.message : null}
                        errorId={errorId}
                        onChange={(shown) => {
                          const next = { ...benchmark, [field]: toStored(key, shown) };
                          const problem = benchmarkProblem(key, next);
                          setError(problem ? { input: inputKey, message: problem } : null);
                          if (!problem) commit(key, next);
                        }}
                        onDone={() =>
                          setError((current) => (current?.input === inputKey ? null : current))
                        }
                      />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p id={errorId} role="alert" className="text-xs text-red-700">
          {error.message}
        </p>
      )}
    </Section>
  );
}

function BenchmarkInput({
  label,
  value,
  error,
  errorId,
  onChange,
  onDone,
}: {
  label: string;
  value: number;
  error: string | null;
  errorId: string;
  onChange: (value: number) => void;
  onDone: () => void;
}) {
  const tx = useFieldTransaction();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="text"
      inputMode="decimal"
      aria-label={label}
      value={draft ?? String(value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      className={`w-full min-w-0 rounded border px-1 py-0.5 text-right text-sm tabular-nums ${
        error ? 'border-red-500 bg-red-50' : 'border-zinc-300 bg-white'
      }`}
      onFocus={tx.onFocus}
      onBlur={() => {
        setDraft(null);
        onDone();
        tx.onBlur();
      }}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setDraft(text);
        onChange(text.trim() === '' ? Number.NaN : Number(text.replace(/[,\s%]/g, '')));
      }}
    />
  );
}
