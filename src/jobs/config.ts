import fs from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { TIME_ZONE } from '../dates.ts';
import { deliverSchema } from '../deliver/config.ts';
import { CliError, EXIT } from '../errors.ts';
import { didYouMean } from '../load/names.ts';
import { READINESS_KINDS } from '../load/readiness.ts';
import { PERIOD_FORMS, parsePeriod } from '../metrics/period.ts';

/** The zone schedules are read in (src/dates.ts holds it for every date rule). */
export const TIMEZONE = TIME_ZONE;
export const RELATIVE_PERIODS = ['previous-month', 'previous-quarter', 'year-to-date'] as const;

const NAME = /^[a-z0-9][a-z0-9-]*$/;
const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const cron = z.string().refine(
  (s) => {
    try {
      new Cron(s, { timezone: TIMEZONE, paused: true }).stop();
      return true;
    } catch {
      return false;
    }
  },
  {
    error:
      'must be a cron expression, e.g. "0 7 1 * *" (minute hour day-of-month month day-of-week), evaluated in Asia/Ho_Chi_Minh',
  },
);

const period = z.string().refine(
  (s) => {
    if ((RELATIVE_PERIODS as readonly string[]).includes(s)) return true;
    try {
      parsePeriod(s);
      return true;
    } catch {
      return false;
    }
  },
  { error: `must be ${RELATIVE_PERIODS.join(', ')}, or a fixed period: ${PERIOD_FORMS}` },
);

const UNITS_FORMS =
  'must be "province", "children-of:CODE" (e.g. "children-of:AG"), or a list of unit codes (e.g. ["AG.LX", "AG.CD"])';
const units = z
  .union([z.string(), z.array(z.string()).min(1)], { error: UNITS_FORMS })
  .refine(
    (u) =>
      Array.isArray(u)
        ? u.every((c) => UNIT_CODE.test(c))
        : u === 'province' || /^children-of:[A-Za-z0-9][A-Za-z0-9._-]*$/.test(u),
    {
      error: UNITS_FORMS,
    },
  );

const text = z.string({ error: 'must be text' });
const lines = z.array(text, { error: 'must be a list of text lines' });

const PLACEHOLDERS = ['{year}', '{month}', '{quarter}', '{period}', '{unit}'];
const pattern = text.refine((s) => (s.match(/\{[^}]*\}/g) ?? []).every((p) => PLACEHOLDERS.includes(p)), {
  error: `may only use the placeholders ${PLACEHOLDERS.join(' ')}`,
});

const header = z.strictObject({
  superior: text.optional(),
  issuer: text.optional(),
  number: pattern.optional(),
  symbol: pattern.optional(),
  place: text.optional(),
  signer: text.optional(),
  signer_title: lines.optional(),
  recipients: lines.optional(),
});

const jobSchema = z.strictObject({
  name: z.string().regex(NAME, { error: 'must be lower-case letters, digits and dashes, e.g. "monthly"' }),
  description: text.optional(),
  schedule: cron,
  data: text.default('data'),
  database: text.default('out/cchc.duckdb'),
  period,
  units,
  unit_kinds: z
    .array(
      z.enum(['province', 'department', 'district', 'commune', 'other'], {
        error: 'must be province, department, district, commune or other',
      }),
    )
    .min(1)
    .optional(),
  template: z.string().regex(NAME, { error: 'must be a template name, e.g. "brief"' }).default('brief'),
  output: text.optional(),
  header: header.default({}),
  retention: z
    .int({ error: 'must be a whole number of runs to keep (1 or more)' })
    .min(1, { error: 'must keep at least 1 run' })
    .default(12),
  require: z
    .array(
      z.enum(READINESS_KINDS, {
        error: (iss) => `must be a list of ${READINESS_KINDS.join(', ')}${didYouMean(iss.input, READINESS_KINDS)}`,
      }),
      {
        error: `must be a list of ${READINESS_KINDS.join(', ')} (e.g. ["dossiers", "criteria"])`,
      },
    )
    .min(1, { error: `must name at least one of ${READINESS_KINDS.join(', ')}; leave require out to require nothing` })
    .optional(),
  deliver: deliverSchema.optional(),
});

export type JobSpec = z.input<typeof jobSchema>;
export type Job = z.output<typeof jobSchema> & {
  /** The job file as the user named it, for messages. */
  file: string;
  /** Absolute folder of this job's runs: `<output root>/<output or name>`. */
  outDir: string;
};
export type DocumentHeaderSpec = Job['header'];

/** `monthly` → `jobs/monthly.json`; a path to a .json file is taken as it is. */
export function jobFile(nameOrPath: string, root: string): string {
  return nameOrPath.endsWith('.json') ? nameOrPath : path.join(root, 'jobs', `${nameOrPath}.json`);
}

/** Reads and validates a job file; any problem is a usage error naming the file, the key and what is allowed. */
export function readJob(file: string, outputRoot: string): Job {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? `no such file${available(path.dirname(file))}`
        : (e as Error).message;
    throw new CliError(`${file}: cannot read job: ${why}`, EXIT.usage);
  }
  const parsed = jobSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new CliError(`${file}: ${describeIssue(parsed.error.issues[0]!)}`, EXIT.usage);
  const job = parsed.data;
  const expected = path.basename(file, '.json');
  if (job.name !== expected)
    throw new CliError(`${file}: name: "${job.name}" must match the file name ("${expected}")`, EXIT.usage);
  if (job.unit_kinds && !String(job.units).startsWith('children-of:')) {
    throw new CliError(`${file}: unit_kinds: only applies to units "children-of:CODE"`, EXIT.usage);
  }
  return { ...job, file, outDir: jobOutDir(file, job.output ?? job.name, outputRoot) };
}

/**
 * A relative output path stays inside the output root (`../` is refused); an absolute one is
 * taken as the operator's explicit choice.
 */
export function jobOutDir(file: string, output: string, outputRoot: string): string {
  if (path.isAbsolute(output)) return path.normalize(output);
  const root = path.resolve(outputRoot);
  const dir = path.resolve(root, output);
  if (dir === root || !dir.startsWith(root + path.sep)) {
    throw new CliError(
      `${file}: output: "${output}" leads outside the output root ${root}; use a folder name inside it (e.g. "monthly") or an explicit absolute path`,
      EXIT.usage,
    );
  }
  return dir;
}

function available(dir: string): string {
  let names: string[] = [];
  try {
    names = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
  } catch {
    // No jobs folder: nothing to suggest.
  }
  return names.length ? ` (jobs here: ${names.join(', ')})` : '';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const at = issue.path.length ? `${key}.` : '';
    return `${issue.keys.map((k) => at + k).join(', ')}: unknown key; allowed: ${allowedKeys(issue.path).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${key}: is required`;
  return `${key}: ${issue.message}`;
}

/** The keys allowed at a path of the job file, found by walking the schema (objects, records, optional, default). */
function allowedKeys(at: PropertyKey[]): string[] {
  let node: z.ZodType = jobSchema;
  for (const key of [...at, null]) {
    for (;;) {
      if (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
      else if (node instanceof z.ZodPipe) node = node.in as z.ZodType;
      else break;
    }
    if (key === null) break;
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(key)]!;
    else if (node instanceof z.ZodRecord) node = node.valueType as z.ZodType;
    else return [];
    if (!node) return [];
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}
