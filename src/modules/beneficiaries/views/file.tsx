import { Button, LinkButton, SummaryList, Table, Tag, type TagColour } from '../../../ui/index.ts';

export type HistoryItem = { date: string; kind: string; themes: string; helper: string; duration: string };
export type MandateItem = { id: string; href: string; categories: string; duration: string; stateLabel: string; stateColour: TagColour; until: string };

export type FilePageProps = {
  id: string;
  name: string;
  facts: { key: string; value: string }[];
  consent: { version: string; text: string; given: string; takenBy: string };
  history: HistoryItem[];
  historyNote: string | null;
  mandates: MandateItem[];
  can: { update: boolean; export: boolean; erase: boolean; mandate: boolean };
};

/** The file of a followed person: the minimal facts, the consent, the help received, the mandates, and their rights. */
export function FilePage(props: FilePageProps) {
  return (
    <>
      <h1>{props.name}</h1>
      <SummaryList rows={props.facts} />
      {props.can.update && (
        <p>
          <a href={`/beneficiaires/${props.id}/modifier`}>Corriger la fiche</a>
        </p>
      )}
      <h2>Accord de la personne</h2>
      <p>
        Donné le {props.consent.given}, recueilli par {props.consent.takenBy} (texte version {props.consent.version}) :
      </p>
      <blockquote>
        <p>{props.consent.text}</p>
      </blockquote>
      <h2>Aide reçue</h2>
      {props.historyNote && <p>{props.historyNote}</p>}
      {props.history.length === 0 ? (
        <p>Aucun accompagnement enregistré pour cette personne pour l’instant.</p>
      ) : (
        <Table
          caption="Accompagnements reçus, du plus récent au plus ancien"
          captionSize="s"
          head={['Date', 'Type', 'Thèmes', 'Aidant', 'Durée']}
          rows={props.history.map((h) => [h.date, h.kind, h.themes, h.helper, h.duration])}
        />
      )}
      <h2>Mandats</h2>
      <p>Un mandat permet aux aidants de la structure de faire des démarches pour la personne, avec son accord. Relais ne garde jamais ses mots de passe ni ses codes.</p>
      {props.mandates.length === 0 ? (
        <p>Aucun mandat pour l’instant.</p>
      ) : (
        <Table
          caption="Mandats de la personne"
          captionSize="s"
          head={['Démarches', 'Durée', 'État', 'Jusqu’au', 'Détail']}
          rows={props.mandates.map((m) => [
            m.categories,
            m.duration,
            <Tag colour={m.stateColour}>{m.stateLabel}</Tag>,
            m.until,
            <a href={m.href}>
              Ouvrir<span class="r-visually-hidden"> le mandat {m.categories}</span>
            </a>,
          ])}
        />
      )}
      {props.can.mandate && (
        <p>
          <LinkButton href={`/beneficiaires/${props.id}/mandats/nouveau`} variant="secondary">
            Enregistrer un mandat
          </LinkButton>
        </p>
      )}
      <h2>Les droits de la personne</h2>
      <ul>
        {props.can.export && (
          <>
            <li>
              <a href={`/beneficiaires/${props.id}/export`}>Voir tout ce que Relais garde sur elle (version imprimable)</a>
            </li>
            <li>
              <a href={`/beneficiaires/${props.id}/export.json`} download>
                Télécharger ces données (fichier JSON)
              </a>
            </li>
          </>
        )}
        {props.can.update && (
          <li>
            <a href={`/beneficiaires/${props.id}/modifier`}>Corriger sa fiche</a>
          </li>
        )}
        {props.can.erase && (
          <li>
            <a href={`/beneficiaires/${props.id}/effacer`}>Effacer sa fiche</a>
          </li>
        )}
      </ul>
    </>
  );
}

/** The confirmation before erasing a file. */
export function ErasePage(props: { id: string; name: string; activities: number; mandates: number }) {
  return (
    <>
      <h1>Effacer la fiche de {props.name} ?</h1>
      <p>La fiche sera effacée pour de bon : prénom, nom, téléphone, année de naissance, commune, accord, et ses {props.mandates === 1 ? '1 mandat' : `${props.mandates} mandats`}.</p>
      <p>
        {props.activities === 1 ? 'Son accompagnement reste' : `Ses ${props.activities} accompagnements restent`} compté{props.activities === 1 ? '' : 's'} dans les statistiques, sans son nom : seules sa commune, sa tranche d’âge, son genre et sa situation sont gardés.
      </p>
      <p>On ne peut pas annuler.</p>
      <form method="post" action={`/beneficiaires/${props.id}/effacer`}>
        <Button variant="warning">Effacer la fiche</Button>
      </form>
      <p>
        <a href={`/beneficiaires/${props.id}`}>Garder la fiche</a>
      </p>
    </>
  );
}
