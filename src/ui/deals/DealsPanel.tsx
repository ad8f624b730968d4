import { useMemo, useState } from 'react';
import type { StuckDeal } from '../../actuals/compute-actuals';
import { formatDays, formatMoney, formatPercent } from '../../forecast/format';
import type { DealsFigures } from '../../store/actuals/deals-slice';
import { useEditor } from '../../store/react/editor-context';
import { StuckDealChecklist } from './StuckDealChecklist';

/**
 * The Deals tab: what the imported export adds up to, and per stage the open deals past its
 * maximum days. Picking one shows the stage's exit criteria as a checklist, to find what the
 * deal is missing to move on (the Sales System Map's "which stage is it stuck in, and why").
 */
export function DealsPanel() {
  const deals = useEditor((s) => s.deals);
  const reading = useEditor((s) => s.dealsPending?.status === 'reading');
  const openDealsDialog = useEditor((s) => s.openDealsDialog);
  if (deals.status !== 'ready') {
    return (
      <section role="region" aria-label="Deals" className="flex flex-col gap-2 p-3 text-sm">
        <p>
          {reading
            ? 'Reading deals…'
            : 'No deals imported yet. Import deals… (top bar) reads a CRM export from HubSpot, Salesforce, Pipedrive or any CSV, or drop the .csv on the canvas. The file is read in this browser and never uploaded.'}
        </p>
      </section>
    );
  }
  return <DealsSummary deals={deals} onEditMapping={() => openDealsDialog('stages')} />;
}

/** Stuck deals listed per stage before "Show all": the longest in stage come first. */
const FIRST_SHOWN = 8;

function DealsSummary({
  deals,
  onEditMapping,
}: {
  deals: Extract<DealsFigures, { status: 'ready' }>;
  onEditMapping: () => void;
}) {
  const { report } = deals;
  const currency = useEditor((s) => s.diagram.meta.currency);
  const forgetDeals = useEditor((s) => s.forgetDeals);
  const money = (value: number) => formatMoney(value, currency ?? 'USD');
  const byStage = useMemo(() => {
    const grouped = new Map<string, StuckDeal[]>();
    for (const deal of report.stuck) {
      const list = grouped.get(deal.stageId);
      if (list) list.push(deal);
      else grouped.set(deal.stageId, [deal]);
    }
    return grouped;
  }, [report.stuck]);

  return (
    <section role="region" aria-label="Deals" className="flex flex-col gap-3 p-3 text-sm">
      <p className="text-xs text-zinc-600">
        {deals.fileName} · {report.source}, as of {report.asOf} ·{' '}
        {report.deals.toLocaleString('en-US')} deals: {report.won} won, {report.lost} lost,{' '}
        {report.open} open{report.ignored > 0 ? `, ${report.ignored} not mapped` : ''}.
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" aria-label="Actual figures">
        <dt className="text-zinc-600">Win rate</dt>
        <dd>{report.winRate === null ? '–' : formatPercent(report.winRate)}</dd>
        <dt className="text-zinc-600">Sales cycle</dt>
        <dd>
          {report.salesCycleDays === null ? '–' : `${formatDays(report.salesCycleDays)} (median)`}
        </dd>
        <dt className="text-zinc-600">ACV</dt>
        <dd>{report.acv === null ? '–' : `${money(report.acv)} (mean of won)`}</dd>
      </dl>
      <div className="flex gap-2">
        <button type="button" className="btn" onClick={onEditMapping}>
          Edit stage mapping
        </button>
        <button type="button" className="btn" onClick={forgetDeals}>
          Forget deals
        </button>
      </div>
      {deals.unmatched.length > 0 && (
        <p className="text-amber-900">Not mapped: {deals.unmatched.join(', ')}.</p>
      )}
      {report.stages
        .filter((stage) => !stage.isClose)
        .map((stage) => (
          <StageDeals
            key={stage.stageId}
            title={stage.title}
            stageId={stage.stageId}
            open={stage.open}
            stuck={stage.stuck}
            maxDays={stage.maxDays}
            deals={byStage.get(stage.stageId) ?? []}
            money={money}
          />
        ))}
    </section>
  );
}

function StageDeals({
  title,
  stageId,
  open,
  stuck,
  maxDays,
  deals,
  money,
}: {
  title: string;
  stageId: string;
  open: number;
  stuck: number;
  maxDays: number | null;
  deals: readonly StuckDeal[];
  money: (value: number) => string;
}) {
  const focused = useEditor((s) => s.focusedDeal);
  const focusDeal = useEditor((s) => s.focusDeal);
  const [showAll, setShowAll] = useState(false);
  const headingId = `deals-${stageId}`;
  const shown = showAll ? deals : deals.slice(0, FIRST_SHOWN);
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-1 border-t border-zinc-200 pt-2"
    >
      <h3 id={headingId} className="text-sm font-semibold text-zinc-900">
        {title || 'Untitled'}
      </h3>
      <p className="text-xs text-zinc-600">
        {maxDays === null
          ? `${open} open; no maximum days set, so none counts as stuck.`
          : `${open} open, ${stuck} stuck past ${maxDays} days.`}
      </p>
      {deals.length > 0 && (
        <ul className="flex flex-col gap-0.5" aria-label={`Stuck deals in ${title}`}>
          {shown.map((deal) => (
            <li key={deal.row}>
              <button
                type="button"
                aria-expanded={deal.row === focused}
                onClick={() => focusDeal(deal.row === focused ? null : deal.row)}
                className={`grid w-full grid-cols-[1fr_auto_auto] gap-2 rounded px-1 py-0.5 text-left hover:bg-zinc-50 ${deal.row === focused ? 'bg-zinc-100' : ''}`}
              >
                {/* Deal names are text from the file: React renders them as text, never markup. */}
                <span className="truncate">{deal.name || `Row ${deal.row}`}</span>
                <span className="text-zinc-600">
                  {deal.amount === null ? '' : money(deal.amount)}
                </span>
                <span className="font-medium text-amber-900">{deal.days} days</span>
              </button>
              {deal.row === focused && <StuckDealChecklist deal={deal} stageTitle={title} />}
            </li>
          ))}
        </ul>
      )}
      {deals.length > FIRST_SHOWN && (
        <button
          type="button"
          className="self-start text-xs text-blue-700 underline-offset-2 hover:underline"
          aria-expanded={showAll}
          onClick={() => setShowAll((all) => !all)}
        >
          {showAll ? 'Show fewer' : `Show all ${deals.length} listed`}
        </button>
      )}
      {stuck > deals.length && (
        <p className="text-xs text-zinc-500">
          {stuck - deals.length} more, shorter in the stage, are counted but not listed.
        </p>
      )}
    </section>
  );
}
