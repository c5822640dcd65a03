import { useTranslation } from 'react-i18next';
import type { ConflictSide } from '../../../shared/conflicts.ts';

/** A field's value as the screen shows it: a reference by name, empty said as such. */
export function useShownValue(): (side: ConflictSide, field: string) => string {
  const { t } = useTranslation();
  return (side, field) => {
    const value = side.values[field] ?? null;
    if (field in side.shown) return side.shown[field] ?? '';
    if (value === null || value === '') return t('conflicts.empty');
    if (field === 'start_time_known') return value ? t('conflicts.yes') : t('conflicts.no');
    return String(value);
  };
}
