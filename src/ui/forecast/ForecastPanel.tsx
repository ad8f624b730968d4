/** Placeholder until the forecast panel lands (issue 6). */
export function ForecastPanel() {
  return <section role="region" aria-label="Forecast" className="p-3 text-sm text-zinc-600" />;
}
