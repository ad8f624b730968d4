import { useState } from 'react';
import { Dialog } from '../Dialog';

/** Asked once, before the first room: the name the others see beside your cursor. */
export function NameDialog({ onSubmit }: { onSubmit: (name: string) => void }) {
  const [name, setName] = useState('');
  return (
    <Dialog title="Your name in shared diagrams" onClose={() => onSubmit(name || 'Guest')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(name.trim() || 'Guest');
        }}
      >
        <p className="mb-2">
          People in the room see it on your avatar and cursor. It stays in this browser and signs
          your comments too.
        </p>
        <label className="block text-sm font-medium">
          Name
          <input
            ref={(input) => input?.setAttribute('autofocus', '')}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.currentTarget.value)}
            className="mt-1 w-full rounded-md border border-zinc-300 px-2 py-1"
          />
        </label>
        <div className="mt-4 flex justify-end">
          <button type="submit" className="btn">
            Continue
          </button>
        </div>
      </form>
    </Dialog>
  );
}
