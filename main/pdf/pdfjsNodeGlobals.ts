// pdfjs's display layer builds a DOMMatrix when its module loads, for canvas
// drawing Sherpa never does: it only reads back the PDF it printed (pages,
// links, destinations). In plain Node pdfjs borrows DOMMatrix from
// @napi-rs/canvas, which sits in pdfjs-dist's own node_modules: a bundle (the
// app's main process, the built web harness) cannot resolve it from its own
// folder, so every export failed with "DOMMatrix is not defined". Where no
// DOMMatrix exists, this stand-in lets the module load; reading never calls it.

/** The stand-in: constructible, as pdfjs's module body needs, and nothing more. */
class UnusedDomMatrix {}

const scope = globalThis as { DOMMatrix?: unknown };
scope.DOMMatrix ??= UnusedDomMatrix;
