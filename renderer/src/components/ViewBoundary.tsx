import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a view shows in place of itself when it cannot render, in the interface language. */
function ViewFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="view-failed" aria-labelledby="view-failed-heading">
      <h1 id="view-failed-heading">{t('viewErrors.failedTitle')}</h1>
      <p role="alert">{t('viewErrors.failed')}</p>
      <details>
        <summary>{t('viewErrors.details')}</summary>
        <pre>{error.message}</pre>
      </details>
      <button type="button" onClick={onRetry}>
        {t('viewErrors.retry')}
      </button>
    </section>
  );
}

/**
 * Keeps one view's failure inside that view: without it, a single record
 * Intl cannot format ("Invalid time value") unmounts the whole app, sidebar
 * included. A new `resetKey` (the route) clears the failure, so moving to
 * another view starts clean; it is not a React key, because remounting every
 * view on each route change would reset open editors and their save queues.
 */
export class ViewBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  override componentDidUpdate(previous: { resetKey?: string }): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is the renderer's log; the component stack says which part of the view failed.
    console.error('A view could not be shown:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) return <ViewFailed error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

/** The view for an address that names no record (an id beyond any the store can hold). */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{t('viewErrors.notFoundTitle')}</h1>
      <p role="alert">{t('viewErrors.notFound')}</p>
    </section>
  );
}
