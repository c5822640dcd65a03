import { hasBridge } from '../bridge/index.ts';
import { parseRoute } from '../router.ts';
import { viewOfRoute } from '../views/lazyViews.ts';
import { askSessionStatusEarly } from './firstQueries.ts';

// Imported first by the page's entry (main.tsx): a module's imports run before
// it, in order, so this asks the store its start questions before React DOM
// and the views are evaluated, the longest part of the script's run. The store
// answers while the page's script still runs, instead of after it.
if (hasBridge()) askSessionStatusEarly();
// The view the address opens (a summit's programme from a bookmark or a reload) starts arriving now too, beside the
// questions: asked once the whole entry had been evaluated, its files arrived after the store's answers and held up
// the first paint (traced on the 500-meeting summit: 100-400 ms later than the questions on a loaded machine). A
// failure shows in the view, which asks again.
viewOfRoute(parseRoute(window.location.hash))
  ?.preload()
  .catch(() => undefined);
// The page's first date format loads the runtime's date and time-zone data, 20 to 40 ms of its main thread (more
// on a busy machine): made here, once the questions have left, it loads while the store answers them, before
// Today's render needs it. (Loaded earlier, as the modules arrived, it held up their evaluation on a busy machine.)
setTimeout(() => Intl.DateTimeFormat().resolvedOptions(), 0);
