// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { ViewBoundary } from './ViewBoundary.tsx';

let failing = true;
/** A view that cannot render, as one meeting with a value Intl refuses once did. */
function FragileView() {
  if (failing) throw new RangeError('Invalid time value');
  return <h1>Meeting brief</h1>;
}

function Shell({ route = '#/meeting/1' }: { route?: string }) {
  return (
    <I18nextProvider i18n={i18n}>
      <nav aria-label="Main">
        <a href="#/summits">Summits</a>
      </nav>
      <main>
        <ViewBoundary resetKey={route}>
          <FragileView />
        </ViewBoundary>
      </main>
    </I18nextProvider>
  );
}

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  failing = true;
  await act(() => i18n.changeLanguage('en'));
});

describe('a view that cannot render', () => {
  it('is replaced by a message and the error text, while the rest of the app stays', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<Shell />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('This view could not be shown');
    expect(screen.getByRole('alert').textContent).toContain('the rest of Sherpa works as before');
    expect(screen.getByText('Invalid time value')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Summits' })).toBeTruthy();
  });

  it('says so in Korean when the interface is Korean', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await act(() => i18n.changeLanguage('ko'));
    render(<Shell />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('이 화면을 표시할 수 없습니다');
    expect(screen.getByRole('button').textContent).toBe('다시 시도');
  });

  it('shows the view again on “Try again” once it can render', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<Shell />);
    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Meeting brief');
  });

  it('starts clean on another route, without remounting a view that works', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { rerender } = render(<Shell />);
    failing = false;
    rerender(<Shell route="#/meeting/2" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Meeting brief');
  });
});
