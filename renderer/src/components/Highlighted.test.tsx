// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighted } from './Highlighted.tsx';

afterEach(cleanup);

describe('a search snippet', () => {
  it('marks each match and shows markup from the store as text', () => {
    const { container } = render(
      <Highlighted text={'…on \uE000cyber\uE001 defence <img src=x onerror="alert(1)"> and \uE000cyber\uE001 training'} />,
    );
    expect(Array.from(container.querySelectorAll('mark'), (mark) => mark.textContent)).toEqual(['cyber', 'cyber']);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('…on cyber defence <img src=x onerror="alert(1)"> and cyber training');
  });

  it('keeps Hangul whole inside a mark', () => {
    const { container } = render(<Highlighted text={'대통령 \uE000윤석열\uE001'} />);
    expect(container.querySelector('mark')?.textContent).toBe('윤석열');
  });
});
