/**
 * The oracle against the engine on seeded random merged provinces (test/oracle/random-world.ts):
 * worlds no one tuned either side on. A failing seed is kept as its data folder in the message's
 * path for a person to read; `SEEDS` grows when one finds a bug, so the bug stays found.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { tempDir } from '../tmp.ts';
import { agree, world, type World } from './agree.ts';
import { randomCases, randomWorld, writeRandomWorld } from './random-world.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe.each(SEEDS)('oracle vs engine — random merged province, seed %i', (seed) => {
  const files = randomWorld(seed);
  let w: World;
  beforeAll(async () => {
    w = await world(writeRandomWorld(tempDir(`cchc-oracle-random-${seed}-`), files));
  });
  afterAll(() => w?.db.close());
  it.each(randomCases(seed, files))('%s %s', async (period, unit) => agree(w, period, unit));
});
