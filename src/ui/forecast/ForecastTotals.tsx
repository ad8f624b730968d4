import {
  feedsPipeline,
  formatCount,
  formatDays,
  formatMoney,
  isKnown,
  type Estimate,
  type Forecast,
  type ForecastTotals as Totals,
} from '../../forecast';
import { EstimateText } from './EstimateText';
import { Section } from './Section';

type Unit = 'count' | 'money' | 'money-per-day';

const ROWS: readonly { key: keyof Totals; label: string; unit: Unit }[] = [
  { key: 'leads', label: 'Leads', unit: 'count' },
  { key: 'mql', label: 'MQLs', unit: 'count' },
  { key: 'sql', label: 'SQLs', unit: 'count' },
  { key: 'opportunities', label: 'Opportunities', unit: 'count' },
  { key: 'won', label: 'Won deals', unit: 'count' },
  { key: 'newArr', label: 'New ARR', unit: 'money' },
  { key: 'salesVelocity', label: 'Sales velocity', unit: 'money-per-day' },
];

/**
 * The monthly funnel, then what each channel pays per won deal; until a channel feeds the
 * pipeline, what to draw to get them (seven "?" with the same reason would say less).
 */
export function ForecastTotals({ forecast }: { forecast: Forecast }) {
  if (!feedsPipeline(forecast)) return <NoForecastYet forecast={forecast} />;
  const money = (value: number) => formatMoney(value, forecast.currency);
  const formats: Record<Unit, (value: number) => string> = {
    count: formatCount,
    money,
    'money-per-day': (value) => `${money(value)} / day`,
  };
  return (
    <Section title="Totals per month">
      <dl
        className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm"
        aria-label="Totals per month"
      >
        {ROWS.map((row) => (
          <Figure
            key={row.key}
            label={row.label}
            estimate={forecast.totals[row.key]}
            format={formats[row.unit]}
          />
        ))}
      </dl>
      <p className="text-xs text-zinc-600">
        ACV <EstimateText estimate={forecast.acv} format={money} /> · sales cycle{' '}
        <EstimateText estimate={forecast.salesCycleDays} format={formatDays} />
      </p>
      {forecast.channels.length > 0 && (
        <>
          <h3 className="pt-1 text-xs font-semibold text-zinc-700">CAC per channel</h3>
          <dl
            className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm"
            aria-label="CAC per channel"
          >
            {forecast.channels.map((channel) => (
              <Figure
                key={channel.id}
                label={channel.title || 'Untitled'}
                estimate={channel.cac}
                format={money}
              />
            ))}
          </dl>
        </>
      )}
    </Section>
  );
}

function NoForecastYet({ forecast }: { forecast: Forecast }) {
  const { newArr } = forecast.totals;
  return (
    <Section title="Totals per month">
      <p className="text-sm font-medium text-zinc-900">No forecast yet</p>
      {!isKnown(newArr) && <p className="text-sm text-zinc-700">{newArr.unknown}</p>}
      <p className="text-xs text-zinc-600">
        Give a channel its volume, period and conversion rate, and connect it (through enrichment or
        scoring) to the first stage of your pipeline: leads, deals and new ARR per month then show
        here.
      </p>
    </Section>
  );
}

/** A "?" always comes with its reason, written out under the figure. */
function Figure({
  label,
  estimate,
  format,
}: {
  label: string;
  estimate: Estimate;
  format: (value: number) => string;
}) {
  return (
    <>
      <dt className="min-w-0 truncate text-zinc-600" title={label}>
        {label}
      </dt>
      <dd className="text-right font-medium text-zinc-900">
        <EstimateText estimate={estimate} format={format} />
      </dd>
      {!isKnown(estimate) && (
        <dd className="col-span-2 -mt-0.5 text-xs text-amber-800">{estimate.unknown}</dd>
      )}
    </>
  );
}
