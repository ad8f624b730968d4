import { useEditorApi } from '../../app/editor-context';
import { copyShareLink, exportDiagram, type ExportFormat } from '../../app/export-diagram';
import { useTransfer, useTransferApi } from '../../app/use-transfer';
import { Menu, type MenuItem } from '../Menu';
import { ShareLinkDialog } from './ShareLinkDialog';

const FORMATS: readonly { label: string; format: ExportFormat }[] = [
  { label: 'SVG', format: 'svg' },
  { label: 'PNG', format: 'png' },
  { label: 'JSON', format: 'json' },
  { label: 'Mermaid', format: 'mermaid' },
  { label: 'Audit report', format: 'report' },
];

/** Downloads the open diagram as a picture, a file or a report, or copies a share link. */
export function ExportMenu() {
  const { store } = useEditorApi();
  const transfer = useTransferApi();
  const includeBadges = useTransfer((s) => s.includeBadges);
  const busy = useTransfer((s) => s.busy);
  const shareLink = useTransfer((s) => s.shareLink);

  const items: MenuItem[] = [
    ...FORMATS.map(({ label, format }) => ({
      label,
      disabled: busy !== null,
      onSelect: () => void exportDiagram(store, format),
    })),
    { label: 'Copy share link', onSelect: () => void copyShareLink(store) },
    {
      label: 'Include audit badges',
      checked: includeBadges,
      onSelect: () => transfer.setState({ includeBadges: !includeBadges }),
    },
  ];

  return (
    <>
      <Menu label="Export" items={items} />
      <span role="status" className="text-xs text-zinc-600">
        {busy && `Exporting ${FORMATS.find((f) => f.format === busy)?.label ?? busy}…`}
      </span>
      {shareLink && (
        <ShareLinkDialog
          url={shareLink.url}
          warning={shareLink.warning}
          onClose={() => transfer.setState({ shareLink: null })}
        />
      )}
    </>
  );
}
