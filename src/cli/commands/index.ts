import type { Command } from 'commander';

/** Each command module registers its options and imports its heavy dependencies only when it runs. */
export type Register = (program: Command) => void;

export const commands: Register[] = [];
