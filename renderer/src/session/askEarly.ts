import { hasBridge } from '../bridge/index.ts';
import { askSessionStatusEarly } from './firstQueries.ts';

// Imported first by the page's entry (main.tsx): a module's imports run before
// it, in order, so this asks the store its start questions before React DOM
// and the views are evaluated, the longest part of the script's run. The store
// answers while the page's script still runs, instead of after it.
if (hasBridge()) askSessionStatusEarly();
// The page's first date format loads the runtime's date and time-zone data, 20 to 40 ms of its main thread (more
// on a busy machine): made here, once the questions have left, it loads while the store answers them, before
// Today's render needs it. (Loaded earlier, as the modules arrived, it held up their evaluation on a busy machine.)
setTimeout(() => Intl.DateTimeFormat().resolvedOptions(), 0);
