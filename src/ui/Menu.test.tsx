// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Menu } from './Menu';

afterEach(() => cleanup());

describe('Menu', () => {
  it('says when it opens, by click or arrow key, and not when it closes', () => {
    const onOpen = vi.fn();
    const onSelect = vi.fn();
    render(<Menu label="Export" items={[{ label: 'PNG', onSelect }]} onOpen={onOpen} />);
    const button = screen.getByRole('button', { name: /Export/ });
    fireEvent.click(button);
    expect(onOpen).toHaveBeenCalledTimes(1);
    fireEvent.click(button);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(onOpen).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(onOpen).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('menuitem', { name: 'PNG' }));
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledTimes(2);
  });
});
