import { Button, LinkButton, Pagination, Table, TextInput } from '../../../ui/index.ts';

export type BeneficiaryRow = { id: string; name: string; birthYear: string; communeName: string; phone: string; href: string; chooseHref: string | null };

export type ListPageProps = {
  q: string;
  rows: BeneficiaryRow[];
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** Picker mode: the page a choice goes back to (the activity form). */
  returnTo: string | null;
  canCreate: boolean;
  followsForSomeone: boolean;
};

/** /beneficiaires: the files of the structures the helper works for, searched by name or phone; also the picker. */
export function ListPage(props: ListPageProps) {
  const heading = props.returnTo ? 'Choisir une personne suivie' : 'Personnes suivies';
  return (
    <>
      <h1>{heading}</h1>
      <p>Une personne suivie a donné son accord pour que votre structure garde une fiche à son nom. Sans son accord, l’aide est enregistrée sans nom : elle reste anonyme.</p>
      {!props.followsForSomeone && <p>Vous ne suivez des personnes pour aucune structure : seuls les aidants et les coordinateurs de la structure qui suit une personne voient sa fiche.</p>}
      <form method="get" action="/beneficiaires" role="search" aria-label="Chercher une personne suivie">
        {props.returnTo && <input type="hidden" name="retour" value={props.returnTo} />}
        <TextInput id="q" name="q" type="search" label="Chercher par nom ou téléphone" hint="Les accents et les petites fautes ne comptent pas, par exemple : kasarerou" value={props.q} width={30} autocomplete="off" spellcheck={false} />
        <Button variant="secondary">Chercher</Button>
      </form>
      {props.canCreate && (
        <p>
          <LinkButton href="/beneficiaires/nouvelle">Nouvelle personne suivie</LinkButton>{' '}
          <a href="/beneficiaires/doublons">Doublons possibles</a>
        </p>
      )}
      {props.rows.length === 0 ? (
        <p>{props.q ? `Aucune personne suivie ne correspond à « ${props.q} ». Vérifiez l’orthographe, ou créez sa fiche avec son accord.` : 'Aucune personne suivie pour l’instant. Créez la première fiche avec le bouton « Nouvelle personne suivie », avec l’accord de la personne.'}</p>
      ) : (
        <>
          <p>{props.total === 1 ? '1 personne' : `${props.total} personnes`}</p>
          <Table
            caption="Personnes suivies"
            captionHidden
            firstCellIsHeader
            head={['Nom', 'Année de naissance', 'Commune', 'Téléphone', 'Action']}
            rows={props.rows.map((r) => [
              <a href={r.href}>{r.name}</a>,
              r.birthYear,
              r.communeName,
              r.phone,
              r.chooseHref ? (
                <a href={r.chooseHref}>
                  Choisir<span class="r-visually-hidden"> {r.name}</span>
                </a>
              ) : (
                <a href={r.href}>
                  Ouvrir la fiche<span class="r-visually-hidden"> de {r.name}</span>
                </a>
              ),
            ])}
          />
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
        </>
      )}
    </>
  );
}
