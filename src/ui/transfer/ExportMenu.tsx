import { Suspense } from 'react';
import { useEditor, useEditorApi } from '../../store/react/editor-context';
import type { ExportFormat } from '../../store/transfer/export-diagram';
import { useTransfer } from '../../store/react/use-transfer';
import { Menu, type MenuItem } from '../Menu';
import { preloadable } from '../../ui-kit/preloadable';

// Shown only when the clipboard refuses a share link; it loads with the exporters.
const ShareLinkDialog = preloadable(() =>
  import('./ShareLinkDialog').then((m) => m.ShareLinkDialog),
);

const FORMATS: readonly { label: string; format: ExportFormat }[] = [
  { label: 'SVG', format: 'svg' },
  { label: 'PNG', format: 'png' },
  { label: 'JSON', format: 'json' },
  { label: 'Mermaid', format: 'mermaid' },
  { label: 'Audit report', format: 'report' },
];

/**
 * The exporters (SVG, PNG, Mermaid, the report, share links) are not needed to start the
 * editor: they load as the menu opens, and are there by the time an item is chosen.
 */
const loadExporters = () => import('../../store/transfer/export-diagram');
type Exporters = Awaited<ReturnType<typeof loadExporters>>;

/** Downloads the open diagram as a picture, a file or a report, or copies a share link. */
export function ExportMenu() {
  const { store } = useEditorApi();
  const setTransfer = useEditor((s) => s.setTransfer);
  const includeBadges = useTransfer((s) => s.includeBadges);
  const busy = useTransfer((s) => s.busy);
  const shareLink = useTransfer((s) => s.shareLink);

  const run = (action: (exporters: Exporters) => Promise<void>) =>
    void loadExporters().then(action, () =>
      store.getState().setNotice({
        kind: 'error',
        text: 'The export could not load. Reload the page and try again; your diagram is unchanged.',
      }),
    );

  const items: MenuItem[] = [
    ...FORMATS.map(({ label, format }) => ({
      label,
      disabled: busy !== null,
      onSelect: () => run((exporters) => exporters.exportDiagram(store, format)),
    })),
    {
      label: 'Copy share link',
      onSelect: () => run((exporters) => exporters.copyShareLink(store)),
    },
    {
      label: 'Include audit badges',
      checked: includeBadges,
      onSelect: () => setTransfer({ includeBadges: !includeBadges }),
    },
  ];

  return (
    <>
      {/* A failed load is reported when an item is chosen, not as the menu opens. */}
      <Menu
        label="Export"
        items={items}
        onOpen={() => {
          ShareLinkDialog.preload();
          void loadExporters().catch(() => null);
        }}
      />
      <span role="status" className="text-xs text-zinc-600">
        {busy && `Exporting ${FORMATS.find((f) => f.format === busy)?.label ?? busy}…`}
      </span>
      {shareLink && (
        <Suspense fallback={null}>
          <ShareLinkDialog.Component
            url={shareLink.url}
            warning={shareLink.warning}
            onClose={() => setTransfer({ shareLink: null })}
          />
        </Suspense>
      )}
    </>
  );
}
