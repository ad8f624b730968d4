import { describe, expect, it } from 'vitest';
import { toTerminalText } from './terminal-text';

describe('toTerminalText', () => {
  it('shows controls, invisible and direction characters as escapes', () => {
    expect(toTerminalText('a\u001b[2Jb\u0007c\rd\u009be\u202Ef\u200Bg\uFEFFh')).toBe(
      'a\\u001B[2Jb\\u0007c\\u000Dd\\u009Be\\u202Ef\\u200Bg\\uFEFFh',
    );
  });

  it('keeps newline, tab, accents and emoji', () => {
    expect(toTerminalText('Café\tStadia\n👩‍💻')).toBe('Café\tStadia\n👩‍💻');
  });

  it('escapes astral tag characters as a JSON surrogate pair', () => {
    expect(toTerminalText('x\u{E0041}')).toBe('x\\uDB40\\uDC41');
  });

  it('is lossless on JSON: the escaped text parses to the same value', () => {
    const value = { title: 'a\u009b\u202e\u2028\u200d\u{e0041}b', n: 1 };
    expect(JSON.parse(toTerminalText(JSON.stringify(value)))).toEqual(value);
  });
});
