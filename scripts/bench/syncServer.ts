// The CouchDB-protocol server of the desk replication benchmark, in a process
// of its own, as a desk's server is a program (usually a machine) apart from
// the laptops: its work then runs beside desk B's merge instead of taking
// turns with it on one thread. Prints `{"url":…}` once listening; on SIGTERM
// prints the CPU seconds it used and stops; stops too when its stdin closes.
//   node scripts/bench/syncServer.ts
import { startTestServer } from '../../main/sync/testServer.ts';

const server = await startTestServer();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.once('SIGTERM', () => {
  const used = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuSeconds: (used.user + used.system) / 1e6 })}\n`);
  void server.stop().then(() => process.exit(0));
});
// The benchmark holds this process's stdin open: when it ends, however it ended, the server goes with it.
process.stdin.resume().once('end', () => process.exit(0));
