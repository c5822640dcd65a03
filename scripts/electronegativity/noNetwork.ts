import { registerHooks } from 'node:module';

// Loaded with --import before electronegativity: its CLI fetches translations
// and Electron's release list with `got`. Sherpa's tests make no network
// request, so `got` is replaced by a stub that refuses and says so on stderr.

const stubUrl = 'sherpa-offline:got';
const stub = `
function got(url) {
  process.stderr.write('[sherpa] blocked network request: ' + String(url) + '\\n');
  return Promise.reject(new Error('Sherpa runs electronegativity offline'));
}
got.head = got;
got.get = got;
module.exports = got;
`;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'got') return { url: stubUrl, format: 'commonjs', shortCircuit: true };
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (url === stubUrl) return { format: 'commonjs', source: stub, shortCircuit: true };
    return nextLoad(url, context);
  },
});
