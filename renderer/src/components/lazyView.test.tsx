// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { lazyView } from './lazyView.ts';
import { ViewBoundary } from './ViewBoundary.tsx';

// A view whose code arrives later: the page shows its loading line until the
// code is in, a view fetched ahead (when the page was idle) shows in the same
// render as the click, and a failed fetch offers Retry, which fetches again.

function SummitHeading({ title }: { title: string }) {
  return <h1>{title}</h1>;
}

function Page({ children }: { children: React.ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ViewBoundary resetKey="#/summit/1">
        <Suspense fallback={<p role="status">Loading…</p>}>{children}</Suspense>
      </ViewBoundary>
    </I18nextProvider>
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a view fetched on demand', () => {
  it('shows the loading line until its code is in, then the view', async () => {
    let arrive: (view: typeof SummitHeading) => void = () => undefined;
    const View = lazyView(() => new Promise<typeof SummitHeading>((resolve) => (arrive = resolve)));
    // Awaited: React retries a suspended view through act's queue in tests.
    await act(async () => {
      render(
        <Page>
          <View title="Vilnius Summit 2023" />
        </Page>,
      );
    });
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    await act(async () => arrive(SummitHeading));
    expect(await screen.findByRole('heading', { name: 'Vilnius Summit 2023' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('renders at once, never through the loading line, once it was fetched ahead', async () => {
    const load = vi.fn(async () => SummitHeading);
    const View = lazyView(load);
    await View.preload();
    await View.preload();
    render(
      <Page>
        <View title="Vilnius Summit 2023" />
      </Page>,
    );
    // Synchronously, in the render of the navigation itself.
    expect(screen.getByRole('heading', { name: 'Vilnius Summit 2023' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('offers Retry when its code cannot be fetched, and fetches it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let attempts = 0;
    const View = lazyView(async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return SummitHeading;
    });
    await act(async () => {
      render(
        <Page>
          <View title="Vilnius Summit 2023" />
        </Page>,
      );
    });
    const retry = await screen.findByRole('button', { name: i18n.t('viewErrors.retry') });
    await act(async () => fireEvent.click(retry));
    expect(await screen.findByRole('heading', { name: 'Vilnius Summit 2023' })).toBeTruthy();
    expect(attempts).toBe(2);
  });
});
