import { METRIC_LABEL } from '../model/metrics';
import type { DiagramNode, Metric } from '../model/schema';

function formatMetric(metric: Metric): string {
  if (metric.key === 'sales-cycle-days') return `${METRIC_LABEL[metric.key]}: ${metric.value}`;
  const percent = Math.round(metric.value * 1000) / 10;
  return `${METRIC_LABEL[metric.key]} ${percent}%`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The two facts that matter most on a card, per kind (issue 3: owner and exit criteria…). */
export function nodeFacts(node: DiagramNode): string[] {
  const metric = node.data?.metrics?.[0];
  const metricText = metric ? formatMetric(metric) : null;
  const facts: (string | null | undefined)[] = [];
  switch (node.kind) {
    case 'segment':
      facts.push([node.data?.industry, node.data?.employees].filter(Boolean).join(' · ') || null);
      facts.push(node.data?.geography);
      break;
    case 'persona':
      facts.push(node.data?.role?.replace(/-/g, ' '));
      break;
    case 'positioning':
      facts.push(node.data?.problem);
      facts.push(node.data?.proof ? `Proof: ${node.data.proof}` : null);
      break;
    case 'channel':
      facts.push(
        node.data?.volume !== undefined
          ? `${node.data.volume.toLocaleString('en-US')} / ${node.data.period ?? 'month'}`
          : node.data?.channelType,
      );
      facts.push(metricText);
      break;
    case 'motion':
      facts.push(node.data?.motionType?.replace(/-/g, ' '));
      facts.push(
        node.data?.acv !== undefined ? `ACV $${node.data.acv.toLocaleString('en-US')}` : null,
      );
      break;
    case 'stage':
      facts.push(node.data?.owner ? `Owner: ${node.data.owner}` : null);
      facts.push(
        `${count(node.data?.exitCriteria?.length ?? 0, 'exit criterion').replace('criterions', 'criteria')}${metricText ? ` · ${metricText}` : ''}`,
      );
      break;
    default:
      facts.push(node.data?.vendor);
      facts.push(metricText);
  }
  return facts.filter((fact): fact is string => Boolean(fact)).slice(0, 2);
}
