import type { ReactNode } from 'react';
import {
  compareChannels,
  formatCount,
  formatMoney,
  formatPercent,
  isKnown,
  type ChannelComparisonRow,
  type Forecast,
} from '../../forecast';
import { METRIC_LABEL } from '../../model/metrics';
import { MetricChip } from '../MetricChip';
import { EstimateText } from './EstimateText';
import { Section } from './Section';

/**
 * Channels side by side, one column each, because the direct-versus-partner choice is made by
 * reading across conversion and CAC (domain §7). The cheapest CAC is marked in words, not only
 * in green.
 */
export function ChannelComparison({ forecast }: { forecast: Forecast }) {
  const rows = compareChannels(forecast);
  const money = (value: number) => formatMoney(value, forecast.currency);
  // "Cheapest" means something only against another channel with a CAC.
  const comparable = rows.filter((row) => isKnown(row.cacIndex)).length > 1;
  const isCheapest = (row: ChannelComparisonRow) =>
    comparable && isKnown(row.cacIndex) && row.cacIndex.value === 1;
  if (rows.length === 0) {
    return (
      <Section title="Channels">
        <p className="text-sm text-zinc-600">
          Add a channel to compare volume, conversion and CAC.
        </p>
      </Section>
    );
  }
  const figures: readonly { label: string; cell: (row: ChannelComparisonRow) => ReactNode }[] = [
    {
      label: 'Volume / month',
      cell: (row) => <EstimateText estimate={row.volumePerMonth} format={formatCount} />,
    },
    { label: 'Conversion', cell: (row) => <Conversion row={row} /> },
    {
      label: 'Leads / month',
      cell: (row) => <EstimateText estimate={row.leads} format={formatCount} />,
    },
    {
      label: 'Won deals / month',
      cell: (row) => <EstimateText estimate={row.won} format={formatCount} />,
    },
    {
      label: 'Spend / month',
      cell: (row) => <EstimateText estimate={row.spendPerMonth} format={money} />,
    },
    {
      label: 'CAC',
      cell: (row) => <Cac row={row} cheapest={isCheapest(row)} format={money} />,
    },
  ];
  return (
    <Section title="Channels">
      <div
        className="overflow-x-auto"
        tabIndex={0}
        role="group"
        aria-label="Channel comparison (scrolls sideways)"
      >
        <table className="w-full border-collapse text-sm">
          <caption className="pb-1 text-left text-xs text-zinc-600">Channel comparison</caption>
          <thead>
            <tr>
              <td />
              {rows.map((row) => (
                <th
                  key={row.id}
                  scope="col"
                  className="min-w-24 px-1.5 py-1 text-right align-bottom text-xs font-semibold text-zinc-800"
                >
                  {row.name || 'Untitled'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figures.map((figure) => (
              <tr key={figure.label} className="border-t border-zinc-100">
                <th scope="row" className="py-1 pr-1.5 text-left text-xs font-normal text-zinc-600">
                  {figure.label}
                </th>
                {rows.map((row) => (
                  <td
                    key={row.id}
                    className={`px-1.5 py-1 text-right align-top ${
                      figure.label === 'CAC' && isCheapest(row) ? 'bg-emerald-50' : ''
                    }`}
                  >
                    {figure.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function Conversion({ row }: { row: ChannelComparisonRow }) {
  return (
    <span className="flex flex-col items-end gap-0.5">
      <EstimateText estimate={row.conversion} format={formatPercent} />
      {row.conversionKey && (
        <span className="text-[11px] text-zinc-500">{METRIC_LABEL[row.conversionKey]}</span>
      )}
      {row.conversionKey && isKnown(row.conversion) && (
        <MetricChip metricKey={row.conversionKey} value={row.conversion.value} />
      )}
    </span>
  );
}

function Cac({
  row,
  cheapest,
  format,
}: {
  row: ChannelComparisonRow;
  cheapest: boolean;
  format: (value: number) => string;
}) {
  const index = row.cacIndex;
  return (
    <span className="flex flex-col items-end gap-0.5">
      <span className={cheapest ? 'font-semibold text-emerald-800' : ''}>
        <EstimateText estimate={row.cac} format={format} />
      </span>
      {cheapest ? (
        <span className="text-[11px] font-medium text-emerald-800">★ Cheapest</span>
      ) : (
        isKnown(index) &&
        index.value > 1 && (
          <span className="text-[11px] text-zinc-500">{formatRatio(index.value)} the cheapest</span>
        )
      )}
    </span>
  );
}

function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10}×`;
}
