// What reaches a log about a failure: its kind, its code and where it was
// thrown, never its message. A message can quote a record ("…constraint
// failed: note.title = '…'"), and logs are plaintext files outside the
// encrypted store.

export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8);
  return [`${error.name}${typeof code === 'string' ? ` ${code}` : ''}`, ...frames].join('\n');
}
