import { z } from 'zod';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A local day typed as `AAAA-MM-JJ` (date field) or `JJ/MM/AAAA` (older browsers show a text field); null if it is
 * not a real day.
 * @example parseDay('14/07/2026') // '2026-07-14'
 */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : null;
}

const day = (message: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const parsed = parseDay(v);
      if (parsed === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return parsed;
    });

export const teamFields = z.object({
  name: z.string().trim().min(1, 'Entrez le nom de l’équipe, par exemple « Aidants OPT du Nord »').max(120, 'Le nom de l’équipe doit faire 120 caractères au plus'),
  description: z.string().trim().max(1000, 'La description doit faire 1 000 caractères au plus').default(''),
});
export type TeamFields = z.output<typeof teamFields>;
export const teamFieldOrder = ['name', 'description'] as const;

export const memberFields = z.object({
  userId: z.string().trim().regex(uuid, 'Choisissez l’aidant à ajouter à l’équipe'),
  startsOn: day('Entrez la date d’arrivée dans l’équipe, par exemple 03/03/2026'),
});
export type MemberFields = z.output<typeof memberFields>;
export const memberFieldOrder = ['userId', 'startsOn'] as const;

export const endFields = z.object({
  endsOn: day('Entrez le dernier jour dans l’équipe, par exemple 03/03/2026'),
});
