import { forecastDiagram, sensitivity } from '../../forecast';
import { toMermaid } from '../../io/mermaid';
import { createCanvasMeasure, PNG_PIXEL_RATIO, toPng } from '../../io/png';
import { toReport } from '../../io/report';
import { fileNameFor, serializeDiagram } from '../../io/serialize';
import { encodeShareLink, shareLinkLength } from '../../io/share-link';
import { toSvg, type SvgBadge } from '../../io/svg';
import type { TextMeasure } from '../../io/text-measure';
import type { Diagram } from '../../model/schema';
import type { AuditResult } from '../../rules/engine';
import { reportTiming } from '../dev-channel';
import type { EditorStore } from '../editor-store';
import { downloadBlob, downloadText } from './download';

export type ExportFormat = 'svg' | 'png' | 'json' | 'mermaid' | 'report';

let measure: TextMeasure | null = null;
function canvasMeasure(): TextMeasure {
  measure ??= createCanvasMeasure();
  return measure;
}

/** One badge per node with findings: the count, in the colour of the worst one. */
function badgesFor(audit: AuditResult): Map<string, SvgBadge> {
  const badges = new Map<string, SvgBadge>();
  for (const [id, findings] of audit.byNode) {
    const worst = findings[0];
    if (worst) badges.set(id, { count: findings.length, severity: worst.severity });
  }
  return badges;
}

function svgOf(diagram: Diagram, badges: Map<string, SvgBadge> | null): string {
  return toSvg(diagram, {
    measure: canvasMeasure(),
    background: '#ffffff',
    ...(badges ? { badges } : {}),
  }).svg;
}

async function exportPng(
  store: EditorStore,
  diagram: Diagram,
  badges: Map<string, SvgBadge> | null,
) {
  const result = await toPng(diagram, {
    measure: canvasMeasure(),
    ...(badges ? { badges } : {}),
  });
  downloadBlob(result.blob, fileNameFor(diagram, 'png'));
  if (result.scale < PNG_PIXEL_RATIO) {
    store.getState().setNotice({
      kind: 'info',
      text: `Large diagram: exported at ${result.scale}× to fit the browser's image limit.`,
    });
  }
}

/**
 * Downloads the open diagram in one format. Never throws: a failure (a browser that cannot
 * encode the picture, say) becomes a notice, and the diagram is never touched.
 */
export async function exportDiagram(store: EditorStore, format: ExportFormat): Promise<void> {
  const { diagram, transfer, setTransfer, derived } = store.getState();
  const badges = transfer.includeBadges ? badgesFor(derived.auditOf(diagram)) : null;
  const start = performance.now();
  setTransfer({ busy: format });
  try {
    switch (format) {
      case 'svg':
        downloadText(svgOf(diagram, badges), fileNameFor(diagram, 'svg'), 'image/svg+xml');
        break;
      case 'png':
        await exportPng(store, diagram, badges);
        break;
      case 'json':
        downloadText(serializeDiagram(diagram), fileNameFor(diagram, 'json'), 'application/json');
        break;
      case 'mermaid':
        downloadText(toMermaid(diagram), fileNameFor(diagram, 'mmd'), 'text/plain');
        break;
      case 'report': {
        const report = toReport(diagram, {
          audit: derived.auditOf(diagram),
          forecast: forecastDiagram(diagram),
          sensitivity: sensitivity(diagram),
        });
        downloadText(report, fileNameFor(diagram, 'md'), 'text/markdown');
        break;
      }
    }
    reportTiming(`export:${format}`, start);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    store.getState().setNotice({
      kind: 'error',
      text: `The ${format === 'report' ? 'audit report' : format.toUpperCase()} export failed: ${detail} Your diagram is unchanged.`,
    });
  } finally {
    setTransfer({ busy: null });
  }
}

/**
 * Puts a link holding the whole diagram on the clipboard. When the browser will not allow
 * that, the link is shown in a dialog to copy by hand; a very long link comes with a warning.
 */
export async function copyShareLink(
  store: EditorStore,
  baseUrl = `${window.location.origin}${window.location.pathname}`,
): Promise<void> {
  const url = encodeShareLink(store.getState().diagram, baseUrl);
  const { tooLong, message } = shareLinkLength(url);
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(url);
  } catch {
    store.getState().setTransfer({ shareLink: { url, warning: message ?? null } });
    return;
  }
  store.getState().setNotice(
    tooLong
      ? { kind: 'warning', text: `Share link copied. ${message ?? ''}` }
      : {
          kind: 'info',
          text: 'Share link copied. The diagram travels inside the link itself: whoever opens it gets their own copy, and nothing is uploaded.',
        },
  );
}
