import { describe, expect, it } from 'vitest';
import { distinctName } from './distinct-name';

describe('distinctName', () => {
  it('keeps a free name as it is', () => {
    expect(distinctName('Acme GTM', ['Other'])).toBe('Acme GTM');
  });

  it('names a second copy by its origin, then by number', () => {
    expect(distinctName('Acme GTM', ['Acme GTM'], 'from link')).toBe('Acme GTM (from link)');
    expect(distinctName('Acme GTM', ['Acme GTM', 'Acme GTM (from link)'], 'from link')).toBe(
      'Acme GTM (2)',
    );
    expect(distinctName('Acme GTM', ['acme  gtm', 'Acme GTM (2)'])).toBe('Acme GTM (3)');
  });

  it('names an unnamed diagram', () => {
    expect(distinctName('  ', [])).toBe('Untitled diagram');
  });
});
