/**
 * A job run that hangs on its second unit, for test/jobs-kill.test.ts to SIGKILL mid-batch.
 * Usage: node --import tsx test/jobs-child.ts ROOT JOB
 */
import path from 'node:path';
import { silentLogger, systemClock } from '../src/effects.ts';
import { readJob } from '../src/jobs/config.ts';
import { processAlive } from '../src/pid.ts';
import { runJob } from '../src/jobs/run.ts';
import { fakeLoader, fakeSession } from './jobs-fixture.ts';

const [root, name] = process.argv.slice(2) as [string, string];
const job = readJob(path.join(root, 'jobs', `${name}.json`), path.join(root, 'out'));
await runJob(
  job,
  { period: '2024-Q4' },
  {
    clock: systemClock,
    logger: silentLogger,
    pid: process.pid,
    isAlive: processAlive,
    loader: fakeLoader({ fingerprint: 'fp1', loads: 0 }),
    openSession: fakeSession({ hangFor: ['AG.LX'] }),
    root,
    outputRoot: path.join(root, 'out'),
  },
);
