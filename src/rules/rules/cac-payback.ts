import { forecastDiagram, formatMoney } from '../../forecast';
import type { Forecast } from '../../forecast';
import type { AuditContext } from '../context';
import { defineRule, type Report } from '../types';

const MAX_PAYBACK_MONTHS = 24;

/** One forecast per audit run, shared with any other rule that asks for it. */
function forecastOf(context: AuditContext): Forecast {
  return forecastDiagram(context.diagram);
}

export const cacPayback = defineRule({
  meta: {
    id: 'cac-payback',
    severity: 'warning',
    layer: 'channels',
    description:
      'What a channel spends to win a customer comes back within 24 months of that customer’s revenue.',
    why: 'CAC payback is CAC divided by the revenue a customer brings each month (ACV ÷ 12), so a CAC equal to the ACV pays back in 12 months and one twice the ACV in 24. Past two years the channel burns cash faster than it can grow, and every extra deal it wins makes the hole deeper (domain §7: channels are chosen on conversion and CAC).',
    howToFix:
      'Lower the spend, raise the channel’s conversion or the pipeline’s rates, or price higher. If the figures are assumptions, replace them with measured ones first. The limit is the option `maxPaybackMonths`.',
    docs: 'docs/rules.md#cac-payback',
    messages: {
      paybackTooLong:
        'Channel “{channel}” takes {months} months to pay back its CAC of {cac} at an ACV of {acv}, over the {limit}-month limit.',
    },
    options: {
      maxPaybackMonths: {
        default: MAX_PAYBACK_MONTHS,
        min: 1,
        max: 120,
        description: 'Months of a customer’s revenue (ACV ÷ 12) that may go into winning them.',
      },
    },
  },
  check(_diagram, context, options) {
    const forecast = context.once(forecastOf);
    const acv = forecast.acv;
    if (!('value' in acv) || acv.value <= 0) return [];
    const limit = options.maxPaybackMonths ?? MAX_PAYBACK_MONTHS;
    const reports: Report<'paybackTooLong'>[] = [];
    for (const channel of forecast.channels) {
      if (!('value' in channel.cac)) continue;
      const cac = channel.cac.value;
      const months = cac / (acv.value / 12);
      if (months <= limit) continue;
      reports.push({
        messageId: 'paybackTooLong',
        data: {
          channel: channel.title,
          cac: formatMoney(cac, forecast.currency),
          acv: formatMoney(acv.value, forecast.currency),
          months: Math.round(months * 10) / 10,
          limit,
        },
        target: { type: 'node', id: channel.id, field: 'spend' },
      });
    }
    return reports;
  },
});
