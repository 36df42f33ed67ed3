/** Side effects every command goes through, so tests can freeze time and silence output. */
export interface Clock {
  now(): Date;
}

export interface Logger {
  /** Progress and notes for people: stderr. */
  info(message: string): void;
  warn(message: string): void;
}

export interface Effects {
  clock: Clock;
  logger: Logger;
}

export const systemClock: Clock = { now: () => new Date() };

export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(m + '\n'),
  warn: (m) => process.stderr.write(m + '\n'),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {} };

export function fixedClock(iso: string): Clock {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new Error(`fixedClock: not a date: ${iso}`);
  return { now: () => new Date(t) };
}

export const defaultEffects: Effects = { clock: systemClock, logger: stderrLogger };
