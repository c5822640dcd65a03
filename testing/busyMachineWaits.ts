// Vitest setup for every test file. Testing Library's findBy… and waitFor give up after one second: on CI's two
// cores at a load of 15–20, a page's first answer from a real store (an encrypted store unlocked, the sample
// loaded) took longer, and the session gate's test failed there while passing alone. A limit for a test that
// hangs, as vitest's own testTimeout is, not a budget: speed lives in `npm run bench`. Only pages (jsdom) load it.
if ('document' in globalThis) {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 15_000 });
}

export {};
