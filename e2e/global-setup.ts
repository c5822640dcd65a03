import { electronBinary } from './fixtures.ts';

/** Says once, up front, whether the `electron` target will run, and why not. */
export default function globalSetup(): void {
  const binary = electronBinary();
  console.log('path' in binary ? `electron target: running with ${binary.path}` : `electron target: skipped. ${binary.missing}`);
}
