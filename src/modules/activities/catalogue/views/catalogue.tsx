import { Button, ErrorSummary, LinkButton, Radios, Select, Table, Tag, TextInput, Textarea } from '../../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../../platform/http/forms.ts';
import { procedureFieldOrder } from '../catalogue.forms.ts';

export type CatalogueGroup = {
  partnerName: string;
  rows: { id: string; name: string; description: string; active: boolean; usedText: string }[];
};

/** The procedures a référent keeps, one table per partner. */
export function CatalogueListPage(props: { groups: CatalogueGroup[]; partnerFilter: { value: string; options: { value: string; label: string }[] } | null }) {
  return (
    <>
      <h1>Catalogue des démarches</h1>
      <p>
        Quand un aidant aide une personne pour une démarche, il choisit le partenaire et la démarche dans ce catalogue. Vous voyez ensuite dans les
        statistiques les démarches qui posent problème.
      </p>
      <p>Une démarche déjà choisie par un aidant n’est jamais supprimée : elle est retirée de la liste et reste dans les accompagnements passés.</p>
      <p>
        <LinkButton href="/catalogue-demarches/nouvelle">Ajouter une démarche</LinkButton>
      </p>
      {props.partnerFilter ? (
        <form method="get" action="/catalogue-demarches">
          <Select id="partenaire" name="partenaire" label="Partenaire" placeholder="Tous les partenaires" items={props.partnerFilter.options} value={props.partnerFilter.value} />
          <Button variant="secondary">Afficher</Button>
        </form>
      ) : null}
      {props.groups.length === 0 ? (
        <p>Aucune démarche pour l’instant. Ajoutez la première avec le bouton « Ajouter une démarche ».</p>
      ) : (
        props.groups.map((group, index) => (
          <Table
            id={`catalogue-${index + 1}`}
            caption={group.partnerName}
            firstCellIsHeader
            head={['Démarche', 'Description', 'État', 'Utilisation', 'Actions']}
            rows={group.rows.map((r) => [
              r.name,
              r.description || '—',
              r.active ? <Tag colour="green">Proposée</Tag> : <Tag colour="grey">Retirée</Tag>,
              r.usedText,
              <ul class="r-list--plain">
                <li>
                  <a href={`/catalogue-demarches/${r.id}/modifier`} aria-label={`Modifier la démarche « ${r.name} »`}>
                    Modifier
                  </a>
                </li>
                {r.active ? (
                  <li>
                    <a href={`/catalogue-demarches/${r.id}/retirer`} aria-label={`Retirer la démarche « ${r.name} »`}>
                      Retirer
                    </a>
                  </li>
                ) : null}
              </ul>,
            ])}
          />
        ))
      )}
    </>
  );
}

export type ProcedureFormValues = { partnerOrganisationId: string; name: string; description: string; position: string; active: string };

/** Adding or changing one procedure. The partner is chosen only when adding, and only by whoever keeps several. */
export function ProcedureFormPage(props: {
  heading: string;
  action: string;
  submitLabel: string;
  values: ProcedureFormValues;
  errors: FieldErrors;
  partners: { value: string; label: string }[];
  partnerLocked: string | null;
}) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, procedureFieldOrder)} />
      <h1>{props.heading}</h1>
      <form method="post" action={props.action} novalidate>
        {props.partnerLocked !== null ? (
          <>
            <p>
              Partenaire : <strong>{props.partnerLocked}</strong>
            </p>
            <input type="hidden" name="partnerOrganisationId" value={props.values.partnerOrganisationId} />
          </>
        ) : (
          <Select id="partnerOrganisationId" name="partnerOrganisationId" label="Partenaire" placeholder="Choisissez le partenaire" items={props.partners} value={props.values.partnerOrganisationId} error={props.errors.partnerOrganisationId} />
        )}
        <TextInput id="name" name="name" label="Nom de la démarche" hint="Les mots que les gens utilisent, par exemple : Déclaration de ressources" value={props.values.name} error={props.errors.name} />
        <Textarea id="description" name="description" label="Description pour les aidants" optional hint="Ce qu’il faut pour la faire : identifiant, justificatifs, site." value={props.values.description} error={props.errors.description} />
        <TextInput id="position" name="position" label="Numéro d’ordre" hint="Les démarches sont rangées du plus petit numéro au plus grand." inputmode="numeric" width={4} value={props.values.position} error={props.errors.position} />
        <Radios
          id="active"
          name="active"
          label="Cette démarche est-elle proposée aux aidants ?"
          inline
          items={[
            { value: 'oui', label: 'Oui' },
            { value: 'non', label: 'Non, elle est retirée' },
          ]}
          value={props.values.active}
          error={props.errors.active}
        />
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href="/catalogue-demarches">Revenir au catalogue sans enregistrer</a>
      </p>
    </>
  );
}

/** The confirmation before a procedure leaves the choice list. */
export function RemoveProcedurePage(props: { id: string; name: string; partnerName: string; used: boolean }) {
  return (
    <>
      <h1>Retirer la démarche « {props.name} » ?</h1>
      <p>Partenaire : {props.partnerName}.</p>
      {props.used ? (
        <p>
          Des aidants ont déjà choisi cette démarche. Elle sera retirée de la liste, mais elle restera dans les accompagnements passés et dans les
          statistiques. Vous pourrez la proposer de nouveau en la modifiant.
        </p>
      ) : (
        <p>Aucun aidant n’a encore choisi cette démarche : elle sera supprimée du catalogue.</p>
      )}
      <form method="post" action={`/catalogue-demarches/${props.id}/retirer`}>
        <Button variant="warning">{props.used ? 'Retirer la démarche' : 'Supprimer la démarche'}</Button>
      </form>
      <p>
        <a href="/catalogue-demarches">Garder la démarche et revenir au catalogue</a>
      </p>
    </>
  );
}
