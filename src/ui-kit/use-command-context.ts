import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { CommandContext } from '../commands/registry';
import { useEditorApi } from '../store/react/editor-context';
import { FIT_VIEW_ANIMATED } from './fit-view';

/** The context commands run in; the view part needs React Flow, so it is built here. */
export function useCommandContext(): CommandContext {
  const { store, session } = useEditorApi();
  const flow = useReactFlow();
  return useMemo(
    () => ({
      store,
      session,
      view: {
        fitView: () => void flow.fitView(FIT_VIEW_ANIMATED),
        autoLayout: () => {
          // dagre is only needed here, so it loads on first use and stays out of the start-up bundle.
          void import('../layout/banded-layout').then(({ bandedLayout }) => {
            store.getState().applyTransform(bandedLayout);
            requestAnimationFrame(() => void flow.fitView(FIT_VIEW_ANIMATED));
          });
        },
      },
    }),
    [store, session, flow],
  );
}
