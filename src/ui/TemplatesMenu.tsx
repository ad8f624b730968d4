import { useEditorApi } from '../app/editor-context';
import { TEMPLATES } from '../model/templates';
import { Menu } from './Menu';

/**
 * Templates never overwrite work: an empty diagram takes the template in place (one undo
 * step), anything else stays as it is and the template opens as a new diagram.
 */
export function TemplatesMenu() {
  const { store, session } = useEditorApi();
  const items = TEMPLATES.map((template) => ({
    label: template.name,
    description: template.description,
    onSelect: () => {
      const diagram = template.create();
      const current = store.getState().diagram;
      if (current.nodes.length === 0 && current.edges.length === 0) {
        store.getState().applyTransform(() => diagram);
        return;
      }
      void session.createDiagram(diagram).then(() =>
        store.getState().setNotice({
          kind: 'info',
          text: `“${template.name}” opened as a new diagram. Your previous diagram is kept under Diagrams.`,
        }),
      );
    },
  }));
  return <Menu label="Templates" items={items} />;
}
