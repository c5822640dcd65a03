import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    // React renders the print template in the main process; left to the
    // environment it would load its development build, which checks every
    // element and renders a pack several times slower.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      // Bundles are opened and sealed, and a store is checked after an unexpected stop, on worker threads: their code
      // is an entry of its own each, out/main/bundleWorker.js and storeCheckWorker.js beside index.js, where
      // main/workerFile.ts looks for them.
      rolldownOptions: {
        input: {
          index: resolve('main/index.ts'),
          bundleWorker: resolve('main/sync/bundleWorker.ts'),
          storeCheckWorker: resolve('main/storeCheckWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Bundled whole into one CommonJS file: sandboxed preloads cannot load modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
