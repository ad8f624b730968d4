import { describe, expect, it } from 'vitest';
import { parseRoomFragment, roomFragment } from './protocol';

const room = 'ahNc_rYZF26s5zazSO87rk5O';
const token = 'QJckMVYZdI0AI-1LfKgzcnGT';

describe('room links', () => {
  it('reads back the fragment it writes, with or without the #', () => {
    const fragment = roomFragment({ room, token });
    expect(fragment).toBe(`room=${room}&token=${token}`);
    expect(parseRoomFragment(`#${fragment}`)).toEqual({ room, token });
    expect(parseRoomFragment(fragment)).toEqual({ room, token });
  });

  it('is null for addresses that are not room links', () => {
    for (const hash of [
      '',
      '#',
      `#room=${room}`,
      `#token=${token}`,
      '#room=short&token=short',
      `#room=${room}/../x&token=${token}`,
      `#room=${room}&token=${token}%00`,
      '#d=N4Ig', // a share link of a diagram
    ]) {
      expect(parseRoomFragment(hash)).toBeNull();
    }
  });
});
