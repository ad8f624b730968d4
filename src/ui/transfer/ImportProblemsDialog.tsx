import type { ImportFailure } from '../../store/transfer/transfer-state';
import { Dialog } from '../Dialog';
import { describeLocation } from './problem-location';

/**
 * Why a file or link was refused, one problem per row with where it is (in words and as its
 * JSON path) and what is wrong. An alertdialog: the user has to acknowledge it.
 */
export function ImportProblemsDialog({
  failure,
  onClose,
}: {
  failure: ImportFailure;
  onClose: () => void;
}) {
  const count = failure.problems.length;
  return (
    <Dialog title={failure.title} onClose={onClose} alert wide>
      <p className="mb-1">{failure.source} was not opened. Your current diagram has not changed.</p>
      <p className="mb-3 text-zinc-600">
        {count === 1 ? 'One problem was found:' : `${count} problems were found:`}
      </p>
      <ul aria-label="Problems found" className="flex flex-col gap-2">
        {failure.problems.map((problem, i) => (
          <li key={i} className="rounded-md border border-red-200 bg-red-50 px-3 py-2">
            <p className="font-medium text-red-900">
              {describeLocation(problem.path)}
              {!problem.path.startsWith('(') && ' '}
              {!problem.path.startsWith('(') && (
                <code className="ml-2 break-all rounded bg-white px-1 text-xs font-normal text-zinc-700">
                  {problem.path}
                </code>
              )}
            </p>
            <p className="mt-0.5 break-words text-zinc-800">{problem.message}</p>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex justify-end">
        <button type="button" className="btn" onClick={onClose}>
          OK
        </button>
      </div>
    </Dialog>
  );
}
