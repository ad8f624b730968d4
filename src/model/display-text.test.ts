import { describe, expect, it } from 'vitest';
import { toDisplayLine, toDisplayText } from './display-text';

describe('toDisplayText', () => {
  it.each([
    ['zero-width space', 'Pay\u200Bpal', 'Paypal'],
    ['zero-width non-joiner', 'Pay\u200Cpal', 'Paypal'],
    ['zero-width joiner between letters', 'Pay\u200Dpal', 'Paypal'],
    ['byte-order mark', '\uFEFFWebinar', 'Webinar'],
    ['word joiner', 'Web\u2060inar', 'Webinar'],
    ['left-to-right and right-to-left marks', '\u200EA\u200FB', 'AB'],
    ['arabic letter mark', 'A\u061CB', 'AB'],
    ['embeddings and overrides', '\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee', 'abcde'],
    ['isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['soft hyphen', 'Out\u00ADbound', 'Outbound'],
    ['tag characters', 'SDR\u{E0041}\u{E0042}', 'SDR'],
    ['escape and bell', 'a\u001b[31mb\u0007', 'a[31mb'],
    ['carriage return', 'Real\rFake', 'RealFake'],
    ['C1 controls', 'a\u009bb\u0080', 'ab'],
    ['lone surrogates', 'a\uD800b\uDC00c', 'abc'],
  ])('removes %s', (_name, input, expected) => {
    expect(toDisplayText(input)).toBe(expected);
  });

  it('keeps ordinary text, accents, scripts, emoji and the joiner inside an emoji sequence', () => {
    const text = 'Café – Стадия 2 · مرحلة · 👩‍💻 · 👨‍👩‍👧 · ❤️‍🔥 · 🇩🇪';
    expect(toDisplayText(text)).toBe(text);
  });

  it('keeps tab and newline and turns the odd line separators into newlines', () => {
    expect(toDisplayText('a\tb\nc\u2028d\u2029e\u0085f')).toBe('a\tb\nc\nd\ne\nf');
  });

  it('is idempotent', () => {
    const text = '\u202Eabc\u200B\u{E0020}👩\u200D💻\u0007';
    expect(toDisplayText(toDisplayText(text))).toBe(toDisplayText(text));
  });
});

describe('toDisplayLine', () => {
  it('folds every whitespace run, newlines included, into one space', () => {
    expect(toDisplayLine('  Demo\n\trequest \u2028 booked ')).toBe('Demo request booked');
  });
});
