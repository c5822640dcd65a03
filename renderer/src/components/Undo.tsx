import type { TFunction } from 'i18next';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../bridge/index.ts';
import { refusalMessage } from '../records/errors.ts';

/**
 * A message said in the interface's language at the moment it shows: a deletion said in English, then the
 * language switched to Korean (here or in another window), was left in English beside a Korean Undo button.
 */
export type Said = (t: TFunction) => string;

export interface Offer {
  message: Said;
  /** Undoes the change and answers with what to tell the user ("Restored: …"). */
  undo?: () => Promise<Said>;
}

const UndoContext = createContext<(offer: Offer) => void>(() => {});

interface ToastState {
  offer: Offer | null;
  setOffer: (offer: Offer | null | ((current: Offer | null) => Offer | null)) => void;
}
const ToastContext = createContext<ToastState>({ offer: null, setOffer: () => {} });

/**
 * A polite status line at the foot of the window; after a delete it carries an Undo button.
 * `regionInLayout`: the window places the line itself (ToastRegion), in a row of its own above
 * the bottom banner, so it never lies over a control (it once hid "Sync now"); otherwise it
 * follows the children.
 */
export function UndoProvider({ children, regionInLayout = false }: { children: ReactNode; regionInLayout?: boolean }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  const show = useCallback((next: Offer) => setOffer(next), []);
  // A plain message goes after a few seconds; an Undo offer stays long enough to be noticed and used.
  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(() => setOffer(null), offer.undo ? 30_000 : 6_000);
    return () => clearTimeout(timer);
  }, [offer]);
  const state = useMemo(() => ({ offer, setOffer }), [offer]);
  return (
    <UndoContext.Provider value={show}>
      <ToastContext.Provider value={state}>
        {children}
        {regionInLayout ? null : <ToastRegion />}
      </ToastContext.Provider>
    </UndoContext.Provider>
  );
}

/** The status line itself, where the window's layout puts it. */
export function ToastRegion() {
  const { t } = useTranslation();
  const { offer, setOffer } = useContext(ToastContext);
  const [busy, setBusy] = useState(false);
  // A keyboard user who reached Undo or × here lost the caret to <body> when the line changed under it (Undo's
  // answer, ×, the line's own time running out): it goes to the view, where what was undone is shown.
  const caretHere = useRef(false);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const now = document.activeElement;
    if (!caretHere.current || region.current?.contains(now)) return;
    caretHere.current = false;
    if (now === null || now === document.body) document.getElementById('main-content')?.focus();
  });
  return (
    <div
      ref={region}
      className="toast-region"
      role="status"
      aria-live="polite"
      onFocus={() => {
        caretHere.current = true;
      }}
      onBlur={(event) => {
        // Taken elsewhere by the desk (Tab, a click): not the line's to give back. Removed with its button: no target.
        if (event.relatedTarget !== null) caretHere.current = false;
      }}
    >
      {offer && (
        <div className="toast">
          <span>{offer.message(t)}</span>
          {offer.undo && (
            <button
              type="button"
              // Not `disabled`: a focused button disabled drops the caret to <body> while the undo runs.
              aria-disabled={busy}
              onClick={() => {
                const undo = offer.undo;
                if (!undo || busy) return;
                setBusy(true);
                undo()
                  .then(
                    (message) => setOffer({ message }),
                    (error: Error) =>
                      setOffer({
                        message: (t) =>
                          error instanceof BridgeError && error.code === 'constraint'
                            ? t('records.undoBlocked')
                            : t('records.undoFailed', {
                                reason: refusalMessage(t, error),
                              }),
                      }),
                  )
                  .finally(() => setBusy(false));
              }}
            >
              {t('common.undo')}
            </button>
          )}
          <button type="button" className="link-button" aria-label={t('search.close')} onClick={() => setOffer(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

export function useToast(): (offer: Offer) => void {
  return useContext(UndoContext);
}

/**
 * Takes back a message this view showed, if it is still the one shown (never another view's, nor an Undo offer
 * made since): "Markings saved." must not stay beside the refusal of the next attempt.
 */
export function useWithdrawToast(): (offer: Offer) => void {
  const { setOffer } = useContext(ToastContext);
  return useCallback((offer: Offer) => setOffer((current) => (current === offer ? null : current)), [setOffer]);
}
