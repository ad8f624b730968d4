import { useEditor } from '../../store/react/editor-context';
import { ColumnMappingDialog } from './ColumnMappingDialog';
import { DealsRefusedDialog } from './DealsRefusedDialog';
import { StageMappingDialog } from './StageMappingDialog';

/** The deals import's one open step: columns, stages, or why the file was refused. */
export function DealsDialogs() {
  const dialog = useEditor((s) => s.dealsDialog);
  const deals = useEditor((s) => s.deals);
  const pending = useEditor((s) => s.dealsPending);
  if (dialog === 'refused' && pending?.status === 'refused') {
    return <DealsRefusedDialog pending={pending} />;
  }
  if (dialog === 'columns' && pending?.status === 'needs-columns') {
    return <ColumnMappingDialog pending={pending} />;
  }
  if (dialog === 'stages' && deals.status === 'ready') return <StageMappingDialog deals={deals} />;
  return null;
}
