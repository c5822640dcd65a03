import type { TFunction } from 'i18next';
import { createContext, memo, type ReactNode, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationScheme } from '../../../shared/contract.ts';
import { highestMarking, type Marking, markingOf } from '../../../shared/markings.ts';
import { i18n } from '../i18n/index.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { bannerWords } from './bannerWords.ts';

/**
 * The markings of every record shown right now. Each portion mark adds its
 * record's marking while it is on screen (a virtual list's rows come and go
 * as they scroll), so the window's banner is the highest of what is visible.
 */
class MarkingsOnScreen {
  private readonly counts = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private snapshot = '[]';

  add(classification: string): () => void {
    this.counts.set(classification, (this.counts.get(classification) ?? 0) + 1);
    this.changed();
    return () => {
      const left = (this.counts.get(classification) ?? 1) - 1;
      if (left === 0) this.counts.delete(classification);
      else this.counts.set(classification, left);
      this.changed();
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * The distinct markings on screen as a JSON list: a string, so an unchanged
   * set does not re-render the banner, and one unmarked record ('') is not
   * mistaken for none.
   */
  read = (): string => this.snapshot;

  private changed(): void {
    const next = JSON.stringify([...this.counts.keys()].sort());
    if (next === this.snapshot) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

const ScreenMarkingsContext = createContext<MarkingsOnScreen | null>(null);

/** What a portion mark shows for one marking: the text in brackets and the label read out (its title). */
interface PortionLabel {
  readonly kind: Marking['kind'];
  readonly text: string;
  readonly title: string;
}
type PortionLabels = (classification: string) => PortionLabel;

/** Each marking's portion label, translated once per language and scheme, then looked up. */
function portionLabelsOf(t: TFunction, scheme: ClassificationScheme): PortionLabels {
  const labels = new Map<string, PortionLabel>();
  return (classification) => {
    const known = labels.get(classification);
    if (known) return known;
    const marking = markingOf(scheme, classification);
    const [text, title] =
      marking.kind === 'level'
        ? [marking.level.portion, t('markings.portionLabel', { level: marking.level.name })]
        : marking.kind === 'unmarked'
          ? [t('markings.unmarked'), t('markings.portionUnmarked')]
          : [marking.name, t('markings.portionUnknown', { level: marking.name })];
    const label = { kind: marking.kind, text, title };
    labels.set(classification, label);
    return label;
  };
}

// A list shows a portion mark on every row (Today's first paint about a hundred): each mark asking i18next for
// its labels and subscribing to language changes on its own was a fifth of the render of Today.
const PortionLabelsContext = createContext<PortionLabels | null>(null);

export function ScreenMarkingsProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new MarkingsOnScreen());
  const { t, i18n: instance } = useTranslation();
  const scheme = useSettings().classificationScheme;
  const language = instance.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels are made again in the new language, which `t` may not show by its identity.
  const labels = useMemo(() => portionLabelsOf(t, scheme), [t, scheme, language]);
  return (
    <ScreenMarkingsContext.Provider value={registry}>
      <PortionLabelsContext.Provider value={labels}>{children}</PortionLabelsContext.Provider>
    </ScreenMarkingsContext.Provider>
  );
}

/**
 * A record's portion mark, "(NR)" or "(UNMARKED)", shown before its text; it also counts towards the window's banner.
 * Memoised: lists show one per row, and a row that did not change need not render again. Its labels come from
 * the provider, translated once per marking; outside one (a view tested alone) they are translated here.
 */
export const PortionMark = memo(function PortionMark({ classification }: { classification: string }) {
  const scheme = useSettings().classificationScheme;
  const labels = useContext(PortionLabelsContext);
  const registry = useContext(ScreenMarkingsContext);
  useEffect(() => registry?.add(classification), [registry, classification]);
  const { kind, text, title } = (labels ?? portionLabelsOf(i18n.t, scheme))(classification);
  return (
    <span className="portion-mark" data-marking={kind} title={title}>
      ({text})
    </span>
  );
});

/**
 * A record's name after its portion mark as text, "(NR) Tokyo summit" or "(UNMARKED) …" in the interface
 * language, for where a mark cannot be an element: a picker's options are plain text, and a record offered
 * there is shown like any other.
 */
export function useMarkedLabel(): (classification: string, text: string) => string {
  const scheme = useSettings().classificationScheme;
  const provided = useContext(PortionLabelsContext);
  // The same function while the labels stay: lists of choices are memoised on it.
  return useMemo(() => {
    const labels = provided ?? portionLabelsOf(i18n.t, scheme);
    return (classification: string, text: string) => `(${labels(classification).text}) ${text}`;
  }, [provided, scheme]);
}

/**
 * Counts a marking towards the window's banner where its portion mark is
 * shown as the store wrote it (the pack builder lists each record with the
 * mark its PDF prints): a record on screen counts however its mark is drawn.
 */
export function CountedMarking({ classification }: { classification: string }) {
  const registry = useContext(ScreenMarkingsContext);
  useEffect(() => registry?.add(classification), [registry, classification]);
  return null;
}

/** Where a banner colour comes from: the level's place in the scheme, lowest to highest. */
function bannerTone(rank: number, levels: number): number {
  if (levels <= 1) return 0;
  return Math.round((rank / (levels - 1)) * 4);
}

/** The window's classification banner, at the top and the bottom, as classified systems show one. */
export function ScreenBanner({ edge }: { edge: 'top' | 'bottom' }) {
  const { t } = useTranslation();
  const scheme = useSettings().classificationScheme;
  const registry = useContext(ScreenMarkingsContext);
  const snapshot = useSyncExternalStore(registry?.subscribe ?? (() => () => {}), registry?.read ?? (() => '[]'));
  const onScreen = JSON.parse(snapshot) as string[];
  const { level } = highestMarking(scheme, onScreen);
  const rank = level ? scheme.levels.indexOf(level) : -1;
  // A marking of another scheme (the desk changed its scheme after marking) cannot be ranked, but it is a marking:
  // the banner names it rather than count it as unmarked, which under a NATO SECRET record would understate it.
  const outside = onScreen.filter((classification) => markingOf(scheme, classification).kind === 'unknown');
  const words = bannerWords(t, level?.name ?? null, outside, onScreen.includes(''));
  const text = words !== '' ? words : t('markings.bannerNone');
  return (
    <div
      className={`screen-banner screen-banner-${edge}`}
      data-tone={level ? bannerTone(rank, scheme.levels.length) : words !== '' ? 'unmarked' : 'none'}
      // Read once, at the top: the bottom copy is for the eye.
      {...(edge === 'top' ? { role: 'note', 'aria-label': t('markings.bannerLabel') } : { 'aria-hidden': true })}
      data-testid={`screen-banner-${edge}`}
    >
      {text}
    </div>
  );
}
