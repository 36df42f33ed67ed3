import { z } from 'zod';

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SUBJECT_PLACEHOLDERS = ['{period}', '{period_id}', '{unit}', '{unit_code}'];

const address = z.email({ error: 'must be an e-mail address, e.g. "vanphong@angiang.gov.vn"' });
/** A list of addresses; one address alone may be written without the brackets. */
const addresses = z.preprocess(
  (v) => (typeof v === 'string' ? [v] : v),
  z.array(address, { error: 'must be a list of e-mail addresses' }),
);

export const unitRecipients = z.strictObject({
  to: addresses.default([]),
  cc: addresses.default([]),
});

/**
 * `deliver.email` of a job file. `to`/`cc` receive every unit's brief; `units.CODE` adds that
 * unit's own readers. One message per unit brief.
 */
export const emailSchema = z
  .strictObject({
    to: addresses.default([]),
    cc: addresses.default([]),
    units: z
      .record(z.string().regex(UNIT_CODE, { error: 'must be a unit code, e.g. "AG.LX"' }), unitRecipients, {
        error: 'must map unit codes to {"to": [...]}',
      })
      .default({}),
    subject: z
      .string({ error: 'must be text' })
      .min(1, { error: 'must not be empty' })
      .refine((s) => (s.match(/\{[^}]*\}/g) ?? []).every((p) => SUBJECT_PLACEHOLDERS.includes(p)), {
        error: `may only use the placeholders ${SUBJECT_PLACEHOLDERS.join(' ')}`,
      })
      .default('Báo cáo CCHC {period} — {unit}'),
    /** The words around the findings; the findings themselves are the brief's, in Vietnamese. */
    language: z.enum(['vi', 'en'], { error: 'must be "vi" or "en"' }).default('vi'),
    attach_html: z.boolean({ error: 'must be true or false' }).default(false),
    reply_to: address.optional(),
  })
  .refine((e) => e.to.length > 0 || Object.values(e.units).some((u) => u.to.length > 0), {
    error: 'needs at least one recipient: "to": [...] or "units": {"CODE": {"to": [...]}}',
  });

export const deliverSchema = z.strictObject({ email: emailSchema.optional() });

export type EmailSpec = z.output<typeof emailSchema>;

/** Recipients of one unit's brief: the job's own plus the unit's, each address once (to wins over cc). */
export function recipientsOf(spec: EmailSpec, unit: string): { to: string[]; cc: string[] } {
  const own = spec.units[unit];
  const to = unique([...spec.to, ...(own?.to ?? [])]);
  const seen = new Set(to.map((a) => a.toLowerCase()));
  const cc = unique([...spec.cc, ...(own?.cc ?? [])]).filter((a) => !seen.has(a.toLowerCase()));
  return { to, cc };
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const k = a.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
