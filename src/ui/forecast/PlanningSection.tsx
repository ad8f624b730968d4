import { useId, useMemo, useState } from 'react';
import {
  feedsPipeline,
  formatCount,
  formatEstimate,
  formatMoney,
  forecastPeriods,
  goalSeek,
  isKnown,
  pipelineCoverage,
  type Estimate,
  type Forecast,
} from '../../forecast';
import type { Diagram } from '../../model/schema';
import { Section } from './Section';

/** The figures a plan is read in: a month, a quarter and a year. */
const SHOWN = new Set(['Won deals', 'Spend', 'New ARR']);

/**
 * Month, quarter and year side by side, pipeline coverage, and the goal-seek: the volume that
 * reaches a new ARR target. The target is a view setting of this panel, not part of the file.
 */
export function PlanningSection({ forecast, diagram }: { forecast: Forecast; diagram: Diagram }) {
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const money = (value: number) => formatMoney(value, forecast.currency);
  const rows = forecastPeriods(forecast).rows.filter((row) => SHOWN.has(row.label));
  const parsed = Number(draft.replace(/[,_\s]/g, ''));
  const target = draft.trim() !== '' && Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
  const error = draft.trim() !== '' && target === undefined ? 'Enter an amount above zero.' : null;
  const seek = useMemo(
    () => (target === undefined ? undefined : goalSeek(diagram, target)),
    [diagram, target],
  );
  const coverage = pipelineCoverage(forecast, target);
  const per = (period: string | null) => (period ? ` / ${period}` : '');
  // The totals above already say why there is no forecast yet; a table of "?" adds nothing.
  if (!feedsPipeline(forecast)) return null;
  const show = (estimate: Estimate, isMoney: boolean) =>
    formatEstimate(estimate, isMoney ? money : formatCount);

  return (
    <Section title="Plan">
      <table className="w-full text-sm" aria-label="Totals per period">
        <thead>
          <tr className="text-left text-xs text-zinc-500">
            <th scope="col" className="font-medium">
              Figure
            </th>
            <th scope="col" className="text-right font-medium">
              Month
            </th>
            <th scope="col" className="text-right font-medium">
              Quarter
            </th>
            <th scope="col" className="text-right font-medium">
              Year
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="text-left font-normal text-zinc-700">
                {row.label}
              </th>
              <td className="text-right tabular-nums">{show(row.month, row.money)}</td>
              <td className="text-right tabular-nums">{show(row.quarter, row.money)}</td>
              <td className="text-right tabular-nums">{show(row.year, row.money)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-zinc-700" aria-label="Pipeline coverage">
        Pipeline coverage:{' '}
        <strong>
          {isKnown(coverage.coverage) ? `${formatCount(coverage.coverage.value)}×` : '?'}
        </strong>{' '}
        ({formatEstimate(coverage.pipelineValue, money)} of opportunities a month against{' '}
        {target === undefined ? 'the new ARR it wins' : 'the target'})
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-xs font-medium text-zinc-700">
          New ARR target per month ({forecast.currency})
        </label>
        <input
          id={inputId}
          inputMode="decimal"
          value={draft}
          placeholder="100000"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(event) => setDraft(event.target.value)}
          className="w-40 rounded border border-zinc-300 px-2 py-1 text-sm"
        />
        {error && (
          <p id={`${inputId}-error`} className="text-xs text-red-700">
            {error}
          </p>
        )}
      </div>
      {seek && (
        <div role="status" aria-label="Volume to reach the target" className="text-sm">
          <p>
            Every channel’s volume × <strong>{formatEstimate(seek.scale, formatCount)}</strong> (now{' '}
            {formatEstimate(seek.current, money)} a month).
          </p>
          <ul className="list-disc pl-4">
            {seek.channels.map((channel) => (
              <li key={channel.id}>
                {channel.title} alone: {formatEstimate(channel.needed, formatCount)}
                {per(channel.period)} (now {formatEstimate(channel.volume, formatCount)}
                {per(channel.period)})
              </li>
            ))}
          </ul>
          {!isKnown(seek.scale) && <p className="text-amber-900">{seek.scale.unknown}</p>}
        </div>
      )}
    </Section>
  );
}
