import { hasBridge } from '../bridge/index.ts';
import { askSessionStatusEarly } from './firstQueries.ts';

// Imported first by the page's entry (main.tsx): a module's imports run before
// it, in order, so this asks the store its start questions before React DOM
// and the views are evaluated, the longest part of the script's run. The store
// answers while the page's script still runs, instead of after it.
if (hasBridge()) askSessionStatusEarly();
