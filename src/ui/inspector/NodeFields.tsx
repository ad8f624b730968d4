import { useEditor, useEditorApi } from '../../store/react/editor-context';
import { defaultMetricFor } from '../../model/metric-defaults';
import type { DiagramNode } from '../../model/schema';
import { FIELD_SPECS } from './field-specs';
import { ListInput, NumberInput, SelectInput, TextInput } from './FieldInputs';
import { MetricsEditor } from './MetricsEditor';
import { validateField } from './validate-field';
import { useFieldProblems } from './use-field-problems';

/** The kind's form, generated from its field specs; every edit is checked by the schema. */
export function NodeFields({ node }: { node: DiagramNode }) {
  const { store } = useEditorApi();
  const setNodeField = useEditor((s) => s.setNodeField);
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const problems = useFieldProblems(node.id);
  // Read by the specs' key names; each value is checked for its type before it is shown.
  const data: Readonly<Record<string, unknown>> = node.data ?? {};
  const commit = (key: string, value: unknown) => setNodeField(node, key, value);
  return (
    <>
      {FIELD_SPECS[node.kind].map((spec) => {
        const problem = problems.get(spec.key);
        switch (spec.type) {
          case 'text':
            return (
              <TextInput
                key={spec.key}
                label={spec.label}
                value={textOf(data[spec.key]) ?? ''}
                multiline={spec.multiline}
                placeholder={spec.placeholder}
                problem={problem}
                validate={(v) => validateField(node.kind, spec.key, v)}
                onCommit={(v) => commit(spec.key, v === '' ? undefined : v)}
              />
            );
          case 'number':
            return (
              <NumberInput
                key={spec.key}
                label={spec.label}
                unit={spec.unit}
                placeholder={spec.placeholder}
                value={numberOf(data[spec.key])}
                problem={problem}
                validate={(v) => validateField(node.kind, spec.key, v)}
                onCommit={(v) => commit(spec.key, v)}
              />
            );
          case 'select':
            return (
              <SelectInput
                key={spec.key}
                label={spec.label}
                value={textOf(data[spec.key])}
                options={spec.options}
                problem={problem}
                onCommit={(v) => commit(spec.key, v)}
              />
            );
          case 'list':
            return (
              <ListInput
                key={spec.key}
                label={spec.label}
                itemLabel={spec.itemLabel}
                items={listOf(data[spec.key])}
                problem={problem}
                onCommit={(v) => commit(spec.key, v)}
              />
            );
        }
      })}
      <MetricsEditor
        metrics={node.data?.metrics ?? []}
        problem={problems.get('metrics')}
        onCommit={(metrics) => updateNodeData(node, { metrics })}
        proposeFirst={() => defaultMetricFor(store.getState().diagram, node)}
      />
    </>
  );
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);
const numberOf = (value: unknown) => (typeof value === 'number' ? value : undefined);
const listOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
