// Run by index.html as soon as it arrives (async, before the page's modules, which are larger and still arriving):
// the first date format of a page loads the runtime's date and time-zone data, 20 to 40 ms of the main thread
// (more on a busy machine) that otherwise fell in the modules' evaluation, just before Today can render. Nothing is
// kept: only the data loaded stays. A plain script, not a module, so that it waits for nothing else.
Intl.DateTimeFormat().resolvedOptions();
