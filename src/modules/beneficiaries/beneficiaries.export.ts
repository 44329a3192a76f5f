import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/authz/index.ts';
import { activitiesOfBeneficiary, activityKindLabels, themeLabels } from '../activities/index.ts';
import { auditEventsOf } from '../audit/index.ts';
import { communeByCode } from '../../territory/index.ts';
import { genderLabels, mandateCategoryLabels, mandateDurationLabels, consentMethodLabels, mandateStateLabels, personStatusLabels } from './beneficiaries.labels.ts';
import { mandatesOf, usesOfMandates, type Beneficiary } from './beneficiaries.queries.ts';
import { mandateState } from './mandates.states.ts';

/**
 * Everything Relais holds about a followed person (right of access): the file, the consent, the help received,
 * the mandates with their journal, and who read or changed the file. Plain French keys: the person may read it.
 */
export async function beneficiaryExport(db: Executor, actor: Actor, file: Beneficiary, organisationName: string, now = new Date()) {
  const history = await activitiesOfBeneficiary(db, actor, file.id);
  const held = await mandatesOf(db, file.id);
  const uses = await usesOfMandates(db, held.map((m) => m.id));
  const trail = await auditEventsOf(db, { subjectType: 'beneficiary', subjectId: file.id }, { page: 1, perPage: 1000 });
  return {
    exporteLe: now.toISOString(),
    structureQuiSuit: organisationName,
    fiche: {
      identifiant: file.id,
      prenom: file.firstName,
      nom: file.lastName,
      telephone: file.phone ?? (file.noPhone ? 'pas de téléphone' : null),
      anneeDeNaissance: file.birthYear,
      commune: file.communeCode ? (communeByCode(file.communeCode)?.name ?? file.communeCode) : null,
      genre: genderLabels[file.gender],
      situation: personStatusLabels[file.status],
      creeeLe: file.createdAt.toISOString(),
      modifieeLe: file.updatedAt.toISOString(),
      derniereAideLe: file.lastActivityAt.toISOString(),
    },
    consentement: { version: file.consentVersion, texte: file.consentText, donneLe: file.consentGivenAt.toISOString(), recueilliPar: file.consentTakenByUserId },
    accompagnements: history.map((a) => ({
      date: a.date,
      type: activityKindLabels[a.kind],
      titre: a.title,
      themes: a.themes.map((t) => themeLabels[t]),
      dureeMinutes: a.durationMinutes,
      structure: a.organisationName,
      aidant: a.helperName,
      lieu: a.placeName,
      demarche: a.procedureName,
    })),
    mandats: held.map((m) => ({
      identifiant: m.id,
      categories: m.categories.map((c) => mandateCategoryLabels[c]),
      duree: mandateDurationLabels[m.duration],
      etat: mandateStateLabels[mandateState(m, now)],
      consentement: {
        maniere: consentMethodLabels[m.consentMethod],
        version: m.consentVersion,
        texte: m.consentText,
        donneLe: m.consentGivenAt?.toISOString() ?? null,
        refuseLe: m.refusedAt?.toISOString() ?? null,
        papierSigne: m.consentFileName,
      },
      finLe: m.expiresAt?.toISOString() ?? null,
      revoqueLe: m.revokedAt?.toISOString() ?? null,
      categoriesRevoquees: Object.entries(m.categoryRevocations).map(([c, at]) => ({ categorie: c, le: at })),
      utilisations: uses
        .filter((u) => u.mandateId === m.id)
        .map((u) => ({ le: u.usedOn, categorie: mandateCategoryLabels[u.category], demarche: u.procedure, par: u.userLabel, noteLe: u.recordedAt.toISOString() })),
    })),
    motsDePasse: 'Relais ne garde aucun mot de passe ni aucun code de la personne.',
    historiqueDeLaFiche: trail.rows.map((e) => ({ le: e.at.toISOString(), par: e.actorLabel, quoi: e.summary })),
  };
}
export type BeneficiaryExport = Awaited<ReturnType<typeof beneficiaryExport>>;
