import { useState } from 'react';
import { LineInput } from '../components/LineInput.tsx';
import { readTypedTime } from './timeReading.ts';

/**
 * A time of day typed as text (forms/timeReading.ts says why not Chromium's time control). The form holds the time
 * as HH:MM once the typing reads as one, and the typing itself until then, which it refuses as not a time. The field
 * shows what was typed ("930") until the caret leaves it, then the time it read ("09:30").
 */
export function TimeField({
  value,
  onValue,
  ...control
}: {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  value: string;
  onValue: (time: string) => void;
}) {
  const [typed, setTyped] = useState(value);
  // What was typed, while it still reads as the form's time; else the form's time, set elsewhere (a draft
  // discarded, the record read again).
  const shown = (readTypedTime(typed) ?? typed.trim()) === value ? typed : value;
  return (
    <LineInput
      {...control}
      autoComplete="off"
      value={shown}
      onChange={(event) => {
        const text = event.target.value;
        setTyped(text);
        onValue(text.trim() === '' ? '' : (readTypedTime(text) ?? text.trim()));
      }}
      onBlur={() => {
        const time = readTypedTime(shown);
        if (time !== null) setTyped(time);
      }}
    />
  );
}
