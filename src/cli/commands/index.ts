import type { Command } from 'commander';
import { register as brief } from './brief.ts';
import { register as check } from './check.ts';
import { register as extract } from './extract.ts';
import { register as load } from './load.ts';
import { register as metrics } from './metrics.ts';
import { register as run } from './run.ts';
import { register as runs } from './runs.ts';
import { register as schedule } from './schedule.ts';
import { register as sql } from './sql.ts';

/** Each command module registers its options and imports its heavy dependencies only when it runs. */
export type Register = (program: Command) => void;

export const commands: Register[] = [check, load, sql, metrics, brief, run, schedule, runs, extract];
