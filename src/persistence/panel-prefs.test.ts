import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_OPEN, readPanelPrefs, writePanelPrefs } from './panel-prefs';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

describe('panel prefs', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', {
      value: memoryStorage(),
      configurable: true,
    });
  });
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('starts with every panel open and keeps what was written', () => {
    expect(readPanelPrefs()).toEqual(ALL_OPEN);
    writePanelPrefs({ palette: false, side: true, minimap: false });
    expect(readPanelPrefs()).toEqual({ palette: false, side: true, minimap: false });
  });

  it('reads damaged or partial values as open', () => {
    localStorage.setItem('gtm-blueprint:panels', '{not json');
    expect(readPanelPrefs()).toEqual(ALL_OPEN);
    localStorage.setItem('gtm-blueprint:panels', '{"side":false,"palette":"no"}');
    expect(readPanelPrefs()).toEqual({ palette: true, side: false, minimap: true });
  });

  it('starts open where storage throws', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      get() {
        throw new Error('blocked');
      },
      configurable: true,
    });
    expect(readPanelPrefs()).toEqual(ALL_OPEN);
    expect(() => writePanelPrefs(ALL_OPEN)).not.toThrow();
  });
});
