import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract.ts';
import { call } from '../bridge/index.ts';
import { LineInput } from '../components/LineInput.tsx';
import { useToast } from '../components/Undo.tsx';
import { Field } from '../forms/Field.tsx';
import { typedZoneProblem } from '../forms/validate.ts';
import { MarkingsPanel } from '../markings/MarkingsPanel.tsx';
import { refusalText } from '../refusals/refusalText.ts';
import { LockSettings } from '../session/LockSettings.tsx';
import { BackupsPanel } from '../settings/BackupsPanel.tsx';
import { useSettings } from '../settings/SettingsContext.tsx';
import { SyncPanel } from '../settings/SyncPanel.tsx';

export function SettingsView() {
  const { t } = useTranslation();
  const settings = useSettings();
  const toast = useToast();
  const id = useId();
  // What the officer typed and has not saved yet; until then the field shows the stored zone, once it has loaded.
  const [typedZone, setTypedZone] = useState<string | null>(null);
  const zone = typedZone ?? settings.homeTimeZone;
  const [zoneError, setZoneError] = useState<string | undefined>();
  const savingZone = useRef<string | null>(null);

  const update = async (patch: Partial<Settings>) => {
    try {
      await call('settings.update', patch);
      // Said in the language just chosen, which the interface switches to as the settings reload.
      toast({ message: (t) => t('settings.saved', patch.language ? { lng: patch.language } : {}) });
    } catch (error) {
      toast({ message: (t) => refusalText(t, error) });
    }
  };

  // Saved by Save, Enter, or leaving the field, as the theme and language are when chosen: a zone typed and
  // left looked saved, and the pack printed every home time in the zone before. Save pressed on the zone already
  // held (a desk in Oslo keeping Europe/Oslo) confirms it: before, nothing at all answered the press.
  const saveZone = (pressed: boolean) => {
    const confirm = () => toast({ message: (t) => t('settings.saved') });
    if (typedZone === null) {
      if (pressed) confirm();
      return;
    }
    // Spaces round a pasted zone are never meant.
    const typed = typedZone.trim();
    const problem = typedZoneProblem(typed);
    if (problem !== null) {
      setZoneError(t(problem.key, problem.options ?? {}));
      return;
    }
    setZoneError(undefined);
    if (typed === settings.homeTimeZone) {
      setTypedZone(null);
      confirm();
      return;
    }
    // Left as typed until the store has it: a zone refused (the store being checked after a crash) was put back to
    // the stored one, and the desk typed it again once editing returned. Save pressed, then the field left, asks once.
    if (savingZone.current === typed) return;
    savingZone.current = typed;
    setTypedZone(typed);
    call('settings.update', { homeTimeZone: typed })
      .then(
        () => {
          setTypedZone((current) => (current === typed ? null : current));
          toast({ message: (t) => t('settings.saved') });
        },
        (error: unknown) => setZoneError(refusalText(t, error)),
      )
      .finally(() => {
        savingZone.current = null;
      });
  };

  return (
    <>
      <h1>{t('settings.title')}</h1>
      <form
        className="entity-form"
        aria-label={t('settings.title')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          saveZone(true);
        }}
      >
        <Field id={`${id}-zone`} label={t('settings.homeTimeZone')} hint={t('settings.homeTimeZoneHint')} error={zoneError}>
          {(describedBy) => (
            <div className="inline-controls">
              <LineInput
                id={`${id}-zone`}
                value={zone}
                aria-invalid={zoneError !== undefined}
                aria-describedby={describedBy}
                onChange={(event) => setTypedZone(event.target.value)}
                onBlur={() => saveZone(false)}
              />
              <button type="submit" className="primary">
                {t('common.save')}
              </button>
            </div>
          )}
        </Field>
        <Field id={`${id}-theme`} label={t('settings.theme')}>
          {() => (
            <select
              id={`${id}-theme`}
              value={settings.theme}
              onChange={(event) => void update({ theme: event.target.value as Settings['theme'] })}
            >
              {(['system', 'light', 'dark'] as const).map((theme) => (
                <option key={theme} value={theme}>
                  {t(`settings.themes.${theme}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-language`} label={t('settings.language')}>
          {() => (
            <select
              id={`${id}-language`}
              value={settings.language}
              onChange={(event) => void update({ language: event.target.value as Settings['language'] })}
            >
              {(['en', 'ko'] as const).map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`settings.languages.${language}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <MarkingsPanel />
      <LockSettings />
      <BackupsPanel />
      <SyncPanel />
    </>
  );
}
