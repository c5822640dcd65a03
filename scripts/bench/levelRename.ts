import { parseArgs } from 'node:util';
import { openScratchDatabase } from '../../db/testing.ts';
import { createDispatch } from '../../main/ipc/dispatch.ts';
import { createHandlers } from '../../main/ipc/handlers/index.ts';
import { readSettings } from '../../main/ipc/handlers/settings.ts';

// A marking level renamed in Settings on a large store: every record of that
// level is carried to the new name in one transaction (replication revisions
// and search rows written as for any edit). CPU time of the one call.
//   node scripts/bench/levelRename.ts --db COPY-OF-A-STORE   → one JSON line

const { values } = parseArgs({ options: { db: { type: 'string' } } });
const db = openScratchDatabase(values.db ?? '');
const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date() }) });
const scheme = readSettings(db).classificationScheme;
const counts = db
  .prepare(`SELECT classification, count(*) AS n FROM (SELECT classification FROM meeting UNION ALL SELECT classification FROM note
    UNION ALL SELECT classification FROM sector_entry UNION ALL SELECT classification FROM person) GROUP BY classification ORDER BY n DESC`)
  .all() as { classification: string; n: number }[];
const from = counts.find((row) => scheme.levels.some((level) => level.name === row.classification))?.classification ?? '';
const to = `${from} (RENAMED)`;
const next = {
  ...scheme,
  name: `${scheme.name} renamed`,
  levels: scheme.levels.map((level) => (level.name === from ? { ...level, name: to } : level)),
};
const cpu = process.cpuUsage();
const started = performance.now();
const result = await dispatch('settings.update', { classificationScheme: next, renamedLevels: [{ from, to }] });
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    ok: result.ok,
    level: from,
    records: counts.find((row) => row.classification === from)?.n,
    cpuMs: Math.round((used.user + used.system) / 1000),
    wallMs: Math.round(performance.now() - started),
  }),
);
db.close();
