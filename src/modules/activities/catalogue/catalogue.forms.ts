import { z } from 'zod';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A procedure of a partner's catalogue, as a référent writes it. */
export const procedureFields = z.object({
  partnerOrganisationId: z.string().trim().regex(uuid, 'Choisissez le partenaire qui propose cette démarche'),
  name: z.string().trim().min(1, 'Entrez le nom de la démarche, par exemple « Déclaration de ressources »').max(120, 'Le nom de la démarche doit faire 120 caractères au plus'),
  description: z.string().trim().max(1000, 'La description doit faire 1 000 caractères au plus').default(''),
  position: z.coerce
    .number({ error: 'Entrez un numéro d’ordre, par exemple 10' })
    .int('Entrez un numéro d’ordre entier, par exemple 10')
    .min(0, 'Entrez un numéro d’ordre entre 0 et 1 000')
    .max(1000, 'Entrez un numéro d’ordre entre 0 et 1 000'),
  active: z.enum(['oui', 'non'], { error: 'Dites si la démarche est proposée aux aidants' }).transform((v) => v === 'oui'),
});
export type ProcedureFields = z.output<typeof procedureFields>;
export const procedureFieldOrder = ['partnerOrganisationId', 'name', 'description', 'position', 'active'] as const;
