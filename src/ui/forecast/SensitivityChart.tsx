import { useId, useMemo, useState } from 'react';
import { formatMoney, isKnown, sensitivity, type SensitivityDriver } from '../../forecast';
import type { Diagram } from '../../model/schema';
import { Section } from './Section';
import { layoutTornado, TORNADO } from './tornado-layout';

const DEFAULT_RANGE = 20;
const DRIVERS_SHOWN = 8;
const LABEL_CHARS = 52;

/**
 * New ARR with each rate and the ACV moved by ±range, largest swing first (domain §7: check
 * conversion and pricing to avoid false precision). The range is a view setting, not part of
 * the document, so it lives here rather than in the store.
 */
export function SensitivityChart({ diagram, currency }: { diagram: Diagram; currency: string }) {
  const inputId = useId();
  const [draft, setDraft] = useState(String(DEFAULT_RANGE));
  const [range, setRange] = useState(DEFAULT_RANGE);
  const result = useMemo(() => sensitivity(diagram, { delta: range / 100 }), [diagram, range]);
  const parsed = Number(draft);
  const error =
    draft.trim() === '' || !Number.isFinite(parsed) || parsed < 1 || parsed > 100
      ? 'Enter a range from 1% to 100%.'
      : null;

  const money = (value: number) => formatMoney(value, currency);
  const drivers = result.drivers.slice(0, DRIVERS_SHOWN);
  return (
    <Section title="Sensitivity">
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-xs font-medium text-zinc-700">
          Sensitivity range (%)
        </label>
        <input
          id={inputId}
          type="number"
          min={1}
          max={100}
          step={1}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          className={`w-24 rounded-md border px-2 py-1 text-sm ${
            error ? 'border-red-500 bg-red-50' : 'border-zinc-300 bg-white'
          }`}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            const value = Number(text);
            if (text.trim() !== '' && value >= 1 && value <= 100) setRange(value);
          }}
          onBlur={() => setDraft(String(range))}
        />
        {error && (
          <p id={`${inputId}-error`} role="alert" className="text-xs text-red-700">
            {error}
          </p>
        )}
      </div>
      {!isKnown(result.baseline) ? (
        <p className="text-sm text-zinc-600">
          New ARR is unknown, so there is nothing to vary: {result.baseline.unknown}
        </p>
      ) : drivers.length === 0 ? (
        <p className="text-sm text-zinc-600">No rate or ACV moves new ARR yet.</p>
      ) : (
        <>
          <Tornado
            baseline={result.baseline.value}
            drivers={drivers}
            range={range}
            currency={currency}
          />
          {result.explanation && <p className="text-xs text-zinc-700">{result.explanation}</p>}
          {result.drivers.length > drivers.length && (
            <p className="text-xs text-zinc-600">
              The {drivers.length} largest of {result.drivers.length} drivers.
            </p>
          )}
          <table className="sr-only">
            <caption>
              New ARR per month with each driver moved by ±{range}%, largest swing first
            </caption>
            <thead>
              <tr>
                <th scope="col">Driver</th>
                <th scope="col">At −{range}%</th>
                <th scope="col">At +{range}%</th>
                <th scope="col">Swing</th>
              </tr>
            </thead>
            <tbody>
              {drivers.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.label}</th>
                  <td>{money(d.arrLow)}</td>
                  <td>{money(d.arrHigh)}</td>
                  <td>{money(d.swing)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

const compactCache = new Map<string, Intl.NumberFormat>();

/** "$32.4K": bar labels must fit beside the bars in a narrow panel. */
function compactMoney(value: number, currency: string): string {
  let format = compactCache.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumSignificantDigits: 3,
    });
    compactCache.set(currency, format);
  }
  return format.format(value);
}

function Tornado({
  baseline,
  drivers,
  range,
  currency,
}: {
  baseline: number;
  drivers: readonly SensitivityDriver[];
  range: number;
  currency: string;
}) {
  const layout = layoutTornado(baseline, drivers);
  const top = drivers[0]!;
  const money = (value: number) => formatMoney(value, currency);
  const summary =
    `Tornado chart of new ARR per month with each driver moved by ±${range}%. ` +
    `Top driver: ${top.label}, from ${money(Math.min(top.arrLow, top.arrHigh))} to ` +
    `${money(Math.max(top.arrLow, top.arrHigh))} around ${money(baseline)}.`;
  const { labelHeight, barHeight } = TORNADO;
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className="h-auto w-full"
    >
      <rect x={2} y={3} width={8} height={8} className="fill-amber-400" />
      <text x={13} y={11} fontSize={10} className="fill-zinc-600">
        −{range}%
      </text>
      <text x={layout.baselineX} y={11} textAnchor="middle" fontSize={10} className="fill-zinc-800">
        Now {compactMoney(baseline, currency)}/mo
      </text>
      <text x={layout.width - 13} y={11} textAnchor="end" fontSize={10} className="fill-zinc-600">
        +{range}%
      </text>
      <rect x={layout.width - 10} y={3} width={8} height={8} className="fill-sky-500" />
      {layout.rows.map((row) => {
        const barY = row.y + labelHeight;
        return (
          <g key={row.id}>
            <text x={2} y={row.y + 10} fontSize={11} className="fill-zinc-800">
              {row.label.length > LABEL_CHARS
                ? `${row.label.slice(0, LABEL_CHARS - 1)}…`
                : row.label}
            </text>
            <rect
              x={row.xWorse}
              y={barY}
              width={Math.max(0, layout.baselineX - row.xWorse)}
              height={barHeight}
              className="fill-amber-400"
            />
            <rect
              x={layout.baselineX}
              y={barY}
              width={Math.max(0, row.xBetter - layout.baselineX)}
              height={barHeight}
              className="fill-sky-500"
            />
            <line
              x1={layout.baselineX}
              x2={layout.baselineX}
              y1={barY - 2}
              y2={barY + barHeight + 2}
              strokeWidth={1.5}
              className="stroke-zinc-800"
            />
            <text
              x={row.xWorse - 4}
              y={barY + barHeight - 2}
              textAnchor="end"
              fontSize={10}
              className="fill-zinc-700"
            >
              {compactMoney(row.worse, currency)}
            </text>
            <text
              x={row.xBetter + 4}
              y={barY + barHeight - 2}
              fontSize={10}
              className="fill-zinc-700"
            >
              {compactMoney(row.better, currency)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
