import type { RateKey } from '../model/metrics';
import { isKnown, known, unknown, type Estimate } from './estimate';
import type { Forecast } from './forecast-types';
import { MESSAGES } from './messages';

export interface ChannelComparisonRow {
  readonly id: string;
  readonly name: string;
  readonly volumePerMonth: Estimate;
  readonly conversionKey: RateKey | null;
  readonly conversion: Estimate;
  readonly leads: Estimate;
  readonly won: Estimate;
  readonly spendPerMonth: Estimate;
  readonly cac: Estimate;
  /** CAC ÷ the lowest known CAC: 1 for the cheapest channel, 2 for one that costs twice as much. */
  readonly cacIndex: Estimate;
}

/**
 * Channels side by side, in diagram order, for the direct-versus-partner decision: it is made on
 * conversion and CAC (domain §7), so each row carries its CAC relative to the cheapest.
 */
export function compareChannels(forecast: Forecast): ChannelComparisonRow[] {
  let cheapest = Infinity;
  for (const channel of forecast.channels) {
    if (isKnown(channel.cac) && channel.cac.value > 0) {
      cheapest = Math.min(cheapest, channel.cac.value);
    }
  }
  return forecast.channels.map((channel) => ({
    id: channel.id,
    name: channel.title,
    volumePerMonth: channel.volumePerMonth,
    conversionKey: channel.conversionKey,
    conversion: channel.conversion,
    leads: channel.leads,
    won: channel.won,
    spendPerMonth: channel.spendPerMonth,
    cac: channel.cac,
    cacIndex: cacIndex(channel.cac, cheapest),
  }));
}

function cacIndex(cac: Estimate, cheapest: number): Estimate {
  if (!isKnown(cac)) return cac;
  if (!Number.isFinite(cheapest)) return unknown(MESSAGES.noCacToCompare());
  return known(cac.value / cheapest);
}
