import { Button, ErrorSummary, LinkButton, Radios, Table, Tag, TextInput, Textarea } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { criterionFieldOrder } from '../case-label.forms.ts';

export type CriterionRow = { id: string; title: string; description: string; position: number; active: boolean };

/** The checklist as coordinators keep it. */
export function CriteriaListPage(props: { rows: CriterionRow[] }) {
  return (
    <>
      <h1>Critères du label Case numérique</h1>
      <p>Un lieu qui demande le label donne une preuve pour chaque critère en vigueur. Un critère retiré n’est plus demandé, mais les preuves déjà données restent lisibles.</p>
      <p>
        <LinkButton href="/label/criteres/nouveau">Ajouter un critère</LinkButton>
      </p>
      {props.rows.length === 0 ? (
        <p>Aucun critère pour l’instant. Ajoutez le premier avec le bouton « Ajouter un critère ».</p>
      ) : (
        <Table
          caption="Critères"
          captionHidden
          firstCellIsHeader
          head={['Critère', 'Ce qui est attendu', { text: 'Ordre', numeric: true }, 'État', 'Action']}
          rows={props.rows.map((r) => [
            r.title,
            r.description,
            r.position,
            r.active ? <Tag colour="green">En vigueur</Tag> : <Tag colour="grey">Retiré</Tag>,
            <a href={`/label/criteres/${r.id}/modifier`} aria-label={`Modifier le critère « ${r.title} »`}>
              Modifier
            </a>,
          ])}
        />
      )}
    </>
  );
}

export type CriterionFormValues = { title: string; description: string; position: string; active: string };

/** Adding or changing one criterion. */
export function CriterionFormPage(props: { heading: string; action: string; submitLabel: string; values: CriterionFormValues; errors: FieldErrors }) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, criterionFieldOrder)} />
      <h1>{props.heading}</h1>
      <form method="post" action={props.action} novalidate>
        <TextInput id="title" name="title" label="Nom du critère" hint="Par exemple : Horaires d’ouverture publiés et respectés" value={props.values.title} error={props.errors.title} />
        <Textarea id="description" name="description" label="Ce qui est attendu comme preuve" optional hint="Dites simplement quoi envoyer : un texte, une photo, un document." value={props.values.description} error={props.errors.description} />
        <TextInput id="position" name="position" label="Numéro d’ordre" hint="Les critères sont rangés du plus petit numéro au plus grand." inputmode="numeric" width={4} value={props.values.position} error={props.errors.position} />
        <Radios
          id="active"
          name="active"
          label="Ce critère est-il en vigueur ?"
          inline
          items={[
            { value: 'oui', label: 'Oui' },
            { value: 'non', label: 'Non, il est retiré' },
          ]}
          value={props.values.active}
          error={props.errors.active}
        />
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href="/label/criteres">Revenir aux critères sans enregistrer</a>
      </p>
    </>
  );
}
