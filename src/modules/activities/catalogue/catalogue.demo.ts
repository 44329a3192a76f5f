import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { organisations } from '../../organisations/organisations.schema.ts';
import { procedures } from '../activities.schema.ts';

/** The demo catalogue: the procedures people most often need help with, by partner (demo organisation names). */
export const demoCatalogue: { partner: string; procedures: [name: string, description: string][] }[] = [
  {
    partner: 'CAFAT (Caisse de compensation des prestations familiales, des accidents du travail et de prévoyance)',
    procedures: [
      ['Création de l’espace assuré en ligne', 'Numéro d’assuré CAFAT et adresse e-mail de la personne.'],
      ['Déclaration de ressources', 'Pour les prestations familiales et l’aide médicale : avis d’imposition, bulletins de salaire.'],
      ['Demande de carte CAFAT', 'Pièce d’identité et photo.'],
      ['Attestation de droits', 'Téléchargeable depuis l’espace assuré.'],
      ['Déclaration d’un nouveau-né', 'Acte de naissance.'],
    ],
  },
  {
    partner: 'Enercal',
    procedures: [
      ['Création de l’espace client', 'Numéro de contrat sur une facture.'],
      ['Mensualisation', 'RIB de la personne.'],
      ['Relevé de compteur en ligne', ''],
    ],
  },
  {
    partner: 'EEC (Électricité et eau de Calédonie)',
    procedures: [
      ['Création de l’espace client', 'Numéro de client sur une facture.'],
      ['Paiement d’une facture en ligne', ''],
      ['Mensualisation', 'RIB de la personne.'],
      ['Ouverture ou résiliation de contrat', 'Pièce d’identité, adresse du logement.'],
    ],
  },
  {
    partner: 'Calédonienne des eaux',
    procedures: [
      ['Création de l’espace client', 'Numéro de client sur une facture.'],
      ['Paiement d’une facture en ligne', ''],
      ['Signalement d’une fuite', ''],
    ],
  },
  {
    partner: 'SIC (Société immobilière de Nouvelle-Calédonie)',
    procedures: [
      ['Demande de logement', 'Pièces d’identité, ressources du foyer.'],
      ['Attestation de loyer', ''],
      ['Paiement du loyer en ligne', ''],
    ],
  },
  {
    partner: 'Direction des finances publiques',
    procedures: [
      ['Déclaration de revenus en ligne', 'Numéro fiscal et avis d’imposition de l’an dernier.'],
      ['Création de l’espace particulier', 'Numéro fiscal.'],
      ['Paiement de l’impôt en ligne', ''],
    ],
  },
  {
    partner: 'Province Sud',
    procedures: [
      ['Demande d’aide médicale', 'Attestation CAFAT, justificatifs de ressources.'],
      ['Bourse scolaire provinciale', 'Certificat de scolarité, ressources du foyer.'],
      ['Aide au logement', ''],
    ],
  },
];

/**
 * Fills the demo catalogue (on a new database: partners missing from it are skipped).
 * @example await seedCatalogueDemo(tx)
 */
export async function seedCatalogueDemo(tx: Executor): Promise<void> {
  for (const entry of demoCatalogue) {
    const [partner] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, entry.partner));
    if (!partner) continue;
    await tx.insert(procedures).values(entry.procedures.map(([name, description], i) => ({ id: newId(), partnerOrganisationId: partner.id, name, description, position: (i + 1) * 10 })));
  }
}
