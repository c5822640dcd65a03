import type { FieldSpec, FormSpec, FormValues } from './specs.ts';

export interface FieldProblem {
  key: string;
  options?: Record<string, unknown>;
}

export function isKnownTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** YYYY-MM-DD naming a day that exists (no 30 February). */
function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

function checkField(field: FieldSpec, values: FormValues): FieldProblem | null {
  const value = values[field.name];
  const textValue = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'text':
      if (field.required && textValue.trim() === '') return { key: 'forms.required' };
      if (textValue.length > field.max) return { key: 'forms.tooLong', options: { max: field.max } };
      return null;
    case 'textarea':
      return textValue.length > field.max ? { key: 'forms.tooLong', options: { max: field.max } } : null;
    case 'date':
      if (textValue === '') return field.optional ? null : { key: 'forms.required' };
      return isRealDate(textValue) ? null : { key: 'forms.notADate' };
    case 'time':
      if (values.startTimeKnown !== true) return null;
      return /^\d{2}:\d{2}$/.test(textValue) ? null : { key: 'forms.notATime' };
    case 'timezone':
      return isKnownTimeZone(textValue) ? null : { key: 'forms.unknownTimeZone' };
    case 'number': {
      if (textValue.trim() === '') return field.optional ? null : { key: 'forms.required' };
      const number = Number(textValue);
      return Number.isInteger(number) && number >= field.min && number <= field.max ? null : { key: 'forms.outOfRange', options: field };
    }
    case 'ref':
      return !field.optional && textValue === '' ? { key: 'forms.required' } : null;
    default:
      return null;
  }
}

/** Every field's problem, found before anything is sent, so the store sees only whole records. */
export function validate(spec: FormSpec, values: FormValues): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of spec.fields) {
    const problem = checkField(field, values);
    if (problem) problems[field.name] = problem;
  }
  const crossField = spec.check?.(values);
  if (crossField && !problems[crossField.field]) problems[crossField.field] = { key: crossField.messageKey };
  return problems;
}
