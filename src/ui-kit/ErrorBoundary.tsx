import { Component, type ErrorInfo, type ReactNode } from 'react';
import { fileNameFor, serializeDiagram } from '../io/serialize';
import { TEST_HOOKS } from '../store/dev-channel';
import { useEditorApi } from '../store/react/editor-context';
import { downloadText } from '../store/transfer/download';

/**
 * Test hook (store/dev-channel, absent from a production build): when localStorage holds this
 * key with a boundary's `name` (for example "forecast", or "card:Cold email" for one node), that
 * boundary's content throws while rendering. The e2e suite uses it to check that one failing part
 * leaves the rest of the editor, and the diagram, usable. Nothing in the app sets it.
 */
const CRASH_TEST_KEY = 'gtm-blueprint:crash-test';

function CrashTestHook({ name }: { name: string }) {
  let target: string | null = null;
  try {
    target = localStorage.getItem(CRASH_TEST_KEY);
  } catch {
    // Storage can be blocked outright; then there is simply no test hook.
  }
  if (target === name) throw new Error(`Crash test: ${name} failed to render.`);
  return null;
}

interface Props {
  /** Identifies the boundary (the crash-test hook matches on it). */
  readonly name: string;
  /** What failed, for the message: "The Forecast panel". */
  readonly label: string;
  /** "card" draws a small fallback that fits inside a node. */
  readonly variant?: 'panel' | 'card';
  readonly className?: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Keeps a render error in one part of the editor from blanking the whole app: the part shows
 * what happened and a way out, and the diagram (in the store, not in React state) is untouched.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // React logs the error too; this line ties it to the part of the UI that failed.
    console.error(`${this.props.label} failed to draw.`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    const { name, label, variant = 'panel', className, children } = this.props;
    if (!error)
      return (
        <>
          {TEST_HOOKS && <CrashTestHook name={name} />}
          {children}
        </>
      );
    return variant === 'card' ? (
      <CardFallback label={label} onRetry={this.retry} />
    ) : (
      <PanelFallback
        label={label}
        message={error.message}
        onRetry={this.retry}
        className={className}
      />
    );
  }
}

function PanelFallback({
  label,
  message,
  onRetry,
  className,
}: {
  label: string;
  message: string;
  onRetry: () => void;
  className: string | undefined;
}) {
  const { store } = useEditorApi();
  const download = () => {
    const { diagram } = store.getState();
    downloadText(serializeDiagram(diagram), fileNameFor(diagram, 'json'), 'application/json');
  };
  return (
    <div
      role="alert"
      className={`m-3 flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 ${className ?? ''}`}
    >
      <p className="font-semibold">This panel failed to draw.</p>
      <p>
        {label} hit an error. Your diagram is safe and still saved in this browser; the rest of the
        editor keeps working.
      </p>
      <p className="text-xs text-red-800">Error: {message}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn" onClick={download}>
          Download diagram as JSON
        </button>
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  );
}

function CardFallback({ label, onRetry }: { label: string; onRetry: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-1 flex-col items-start justify-center gap-1 px-3 text-xs text-red-900"
    >
      <p className="font-semibold">This card failed to draw.</p>
      <p className="truncate" title={label}>
        {label}
      </p>
      <button type="button" className="btn nodrag nopan" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
