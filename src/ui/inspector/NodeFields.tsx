import { useEditor } from '../../store/react/editor-context';
import type { AnyNodeData, DiagramNode, Metric } from '../../model/schema';
import { FIELD_SPECS } from './field-specs';
import { ListInput, NumberInput, SelectInput, TextInput } from './fields';
import { MetricsEditor } from './MetricsEditor';
import { validateField } from './validate-field';
import { useFieldProblems } from './use-field-problems';

/** The kind's form, generated from its field specs; every edit is checked by the schema. */
export function NodeFields({ node }: { node: DiagramNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const problems = useFieldProblems(node.id);
  const data = (node.data ?? {}) as Record<string, unknown>;
  const commit = (key: string, value: unknown) =>
    updateNodeData(node.id, { [key]: value } as Partial<AnyNodeData>);
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
                value={(data[spec.key] as string | undefined) ?? ''}
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
                value={data[spec.key] as number | undefined}
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
                value={data[spec.key] as string | undefined}
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
                items={(data[spec.key] as string[] | undefined) ?? []}
                problem={problem}
                onCommit={(v) => commit(spec.key, v)}
              />
            );
        }
      })}
      <MetricsEditor
        metrics={(data.metrics as Metric[] | undefined) ?? []}
        problem={problems.get('metrics')}
        onCommit={(metrics) => commit('metrics', metrics)}
      />
    </>
  );
}
