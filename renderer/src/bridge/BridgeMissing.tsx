import { useTranslation } from 'react-i18next';

/** Shown instead of the app when the web harness refuses the page's link (its token is not this start's). */
export function LinkNotValid() {
  const { t } = useTranslation();
  return (
    <main className="bridge-missing" role="alert">
      <h1>{t('bridge.linkTitle')}</h1>
      <p>{t('bridge.linkBody')}</p>
    </main>
  );
}

/** Shown instead of the app when the page has no bridge to its store. */
export function BridgeMissing() {
  const { t } = useTranslation();
  return (
    <main className="bridge-missing" role="alert">
      <h1>{t('bridge.missingTitle')}</h1>
      <p>{t('bridge.missingBody')}</p>
    </main>
  );
}
