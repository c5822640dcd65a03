import fs from 'node:fs';

// How the export command gets a passphrase: typed on the terminal without
// echo, or read from a file descriptor a script opened (`--passphrase-fd 3`).
// Never from an argument: arguments show in `ps` and in shell history.

/** The first line read from an open file descriptor, without its line ending. */
export function readPassphraseFromFd(fd: number): string {
  const text = fs.readFileSync(fd, 'utf8');
  return text.split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal with the typed characters hidden. */
export function askOnTerminal(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!input.isTTY) {
      reject(Object.assign(new Error('no terminal to ask on'), { code: 'ENOTTY' }));
      return;
    }
    output.write(prompt);
    input.setRawMode(true);
    input.resume();
    let typed = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(Object.assign(new Error('cancelled'), { code: 'ECANCELED' }));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}
