// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/index.ts';
import { MarkdownPreview, previewQuietMs } from './Markdown.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function preview(markdown: string): HTMLElement {
  render(<MarkdownPreview markdown={markdown} />);
  return screen.getByLabelText('Preview');
}

describe('the Markdown preview', () => {
  it('follows the typing once it rests: not rebuilt at each key, and never left behind', () => {
    vi.useFakeTimers();
    const { rerender } = render(<MarkdownPreview markdown="Raise the" />);
    const shown = screen.getByLabelText('Preview');
    expect(shown.textContent).toBe('Raise the');
    for (const typed of ['Raise the *', 'Raise the *cy', 'Raise the *cyber*']) {
      rerender(<MarkdownPreview markdown={typed} />);
      act(() => vi.advanceTimersByTime(previewQuietMs / 2));
    }
    expect(shown.textContent).toBe('Raise the');
    act(() => vi.advanceTimersByTime(previewQuietMs));
    expect(shown.querySelector('em')?.textContent).toBe('cyber');
  });

  it('renders headings, emphasis, lists and code', () => {
    const shown = preview('# ITPP\n\nEleven **sectors**, *six* named:\n\n- cyber defence\n- `code`');
    expect(shown.querySelector('h1')?.textContent).toBe('ITPP');
    expect(shown.querySelector('strong')?.textContent).toBe('sectors');
    expect(shown.querySelectorAll('li')).toHaveLength(2);
    expect(shown.querySelector('code')?.textContent).toBe('code');
  });

  it('lets each paragraph, item and heading written in Arabic take its own direction (a note or an annotation in an English brief)', () => {
    const shown = preview('# خطة\n\nنرحب بالتعاون في مجال الأمن البحري.\n\n- بند أول\n- first item');
    // jsdom does no layout: the direction comes from each block's dir="auto" (its first strong letter), as in the pack.
    for (const block of shown.querySelectorAll('h1, p, li')) expect(block.getAttribute('dir')).toBe('auto');
  });

  it('shows raw HTML as text: no script, no element, no handler', () => {
    const shown = preview('<script>window.pwned = 1</script>\n\n<img src=x onerror="window.pwned = 2">\n\n<b onclick="x()">bold</b>');
    expect(shown.querySelector('script, img, b, [onerror], [onclick]')).toBeNull();
    expect(shown.textContent).toContain('<script>window.pwned = 1</script>');
    expect(shown.textContent).toContain('onerror="window.pwned = 2"');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('shows links as text that cannot be followed, whatever their protocol', () => {
    const shown = preview(
      '[brief](https://www.nato.int/) [bad](javascript:alert(1)) <javascript:alert(2)> [data](data:text/html,<script>alert(3)</script>) <https://example.org>',
    );
    expect(shown.querySelector('a, [href]')).toBeNull();
    // The dangerous targets may appear as typed text, never in any attribute.
    const attributes = Array.from(shown.querySelectorAll('*'), (element) => Array.from(element.attributes, (a) => a.value).join(' '));
    expect(attributes.join(' ')).not.toMatch(/javascript:|data:text/);
    expect(screen.getByText('brief')).toBeTruthy();
    expect(shown.textContent).toContain('https://www.nato.int/');
    const before = window.location.href;
    fireEvent.click(screen.getByText('brief'));
    expect(window.location.href).toBe(before);
  });

  it('turns an image into its alt text, so a note never loads anything', () => {
    const shown = preview('![map of Vilnius](https://example.org/map.png)');
    expect(shown.querySelector('img')).toBeNull();
    expect(shown.textContent).toContain('[image: map of Vilnius]');
  });
});

describe('a text over the note’s limit', () => {
  it('is previewed up to the limit, and the preview says where it stops, so a pasted report does not hold the page', () => {
    const report = 'Fakatapu ki he ʻEiki Palēmia. '.repeat(35_000);
    const shown = preview(report);
    const [body, cut] = [...shown.querySelectorAll('p')];
    expect(body?.textContent?.length).toBeLessThanOrEqual(100_000);
    expect(report.startsWith(body?.textContent?.trim() ?? 'nothing')).toBe(true);
    expect(cut?.textContent).toBe('The preview stops at 100,000 characters, a note’s limit; the text holds 1,050,000.');
  });

  it('is previewed whole at the limit, with nothing said', () => {
    const shown = preview('a'.repeat(100_000));
    expect(shown.textContent).toBe('a'.repeat(100_000));
  });
});
