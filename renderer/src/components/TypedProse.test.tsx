// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../i18n/index.ts';
import { TypedProse } from './TypedProse.tsx';

afterEach(cleanup);

const items = (container: HTMLElement, selector: string) => [...container.querySelectorAll(selector)].map((each) => each.textContent);

describe('a typed text shown as the pack prints it', () => {
  it('reads paragraphs, "- " and "1. " lists, with emphasis inside each', () => {
    const { container } = render(
      <TypedProse text={'Opening line with **bold**.\n\n- first _point_\n- second\n3. third\n4. fourth\nClosing *line*.'} />,
    );
    expect(items(container, '.prose > p')).toEqual(['Opening line with bold.', 'Closing line.']);
    expect(items(container, 'ul > li')).toEqual(['first point', 'second']);
    expect(items(container, 'ol > li')).toEqual(['third', 'fourth']);
    expect(container.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(items(container, 'strong')).toEqual(['bold']);
    expect(items(container, 'em')).toEqual(['point', 'line']);
  });

  it('isolates an Arabic place in an English point, across its emphasis, so the year after it stays after it', () => {
    const { container } = render(<TypedProse text={'- Venue: **المنامة** الجديدة, 2025\n- المنامة 2025 then Paris'} />);
    expect(items(container, 'li bdi')).toEqual(['المنامة الجديدة']);
    expect(container.querySelector('li bdi strong')?.textContent).toBe('المنامة');
    expect(items(container, 'li')).toEqual(['Venue: المنامة الجديدة, 2025', 'المنامة 2025 then Paris']);
  });

  it('keeps a lone asterisk, a product and snake_case as typed', () => {
    for (const typed of ['5 * 3 = 15', 'Agreed in principle*', 'Reply to desk_officer_name', 'a ** lone pair', '*']) {
      const { container } = render(<TypedProse text={typed} />);
      expect(container.textContent, typed).toBe(typed);
      expect(container.querySelectorAll('strong, em, li'), typed).toHaveLength(0);
      cleanup();
    }
  });

  it('shows markup from the store as text', () => {
    const { container } = render(<TypedProse text={'**<img src=x onerror="alert(1)">**'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('strong')?.textContent).toBe('<img src=x onerror="alert(1)">');
  });

  it('draws a character that turns text round as its code, inside emphasis too, and flags the text', () => {
    const { container } = render(<TypedProse text={'- **\u202Eksed luoeS** agreed\nSeoul\u200Bdesk'} />);
    expect(items(container, '[data-testid="misleading-character"]')).toEqual(['[U+202E]', '[U+200B]']);
    expect(container.querySelector('strong')?.textContent).toBe('[U+202E]ksed luoeS');
    expect(container.textContent).not.toMatch(/[\u202e\u200b]/);
    expect(container.querySelector('[data-testid="misleading-flag"]')).not.toBeNull();
  });

  it('shows what a caller says for an empty text, or nothing', () => {
    expect(render(<TypedProse text={'  \n '} empty="Not stated" />).container.textContent).toBe('Not stated');
    cleanup();
    expect(render(<TypedProse text="" />).container.innerHTML).toBe('');
  });
});
