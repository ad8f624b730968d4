import { useEditorApi } from '../store/react/editor-context';
import { TEMPLATE_CATALOG } from '../model/templates/catalog';
import { Menu } from './Menu';
import { startedToday } from './started-today';

/**
 * Templates never overwrite work: an empty diagram takes the template in place (one undo
 * step), anything else stays as it is and the template opens as a new diagram.
 */
export function TemplatesMenu() {
  const { store, session } = useEditorApi();
  // The templates' diagrams load with the first choice, not at start-up.
  const open = async (id: string, name: string) => {
    const { findTemplate } = await import('../model/templates');
    const template = findTemplate(id)?.create();
    if (!template) return;
    const diagram = startedToday(template);
    const current = store.getState().diagram;
    if (current.nodes.length === 0 && current.edges.length === 0) {
      store.getState().applyTransform(() => diagram);
      return;
    }
    // Null when the open diagram holds changes storage refused; the session says so.
    if ((await session.createDiagram(diagram)) === null) return;
    store.getState().setNotice({
      kind: 'info',
      text: `“${name}” opened as a new diagram. Your previous diagram is kept under Diagrams.`,
    });
  };
  const items = TEMPLATE_CATALOG.map((template) => ({
    label: template.name,
    description: template.description,
    onSelect: () => void open(template.id, template.name),
  }));
  return <Menu label="Templates" items={items} />;
}
