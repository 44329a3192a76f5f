import { Button, Details, ErrorSummary, FileUpload, NotificationBanner, Table } from '../../../../ui/index.ts';

export type ImportRowView = { row: number; name: string; commune: string; outcome: string; messages: string[] };
export type UnmappedView = { field: string; value: string; rows: string };

export type ImportUploadView = { error?: string | undefined };

/** The first step: choose the file. */
export function ImportUploadPage(props: ImportUploadView) {
  return (
    <>
      <ErrorSummary errors={props.error ? [{ href: '#fichier', text: props.error }] : []} />
      <h1>Importer des lieux</h1>
      <p>Vous pouvez importer un fichier au format du standard national des lieux de médiation numérique (CSV ou JSON), ou le fichier du recensement des lieux de Nouvelle-Calédonie de 2023–2024.</p>
      <p>Rien n’est enregistré tout de suite : vous verrez d’abord un rapport, lieu par lieu. Vous confirmerez ensuite.</p>
      <p>Si vous importez le même fichier une seconde fois, les lieux sont mis à jour, jamais créés en double.</p>
      <form method="post" action="/gestion/lieux/import" enctype="multipart/form-data" novalidate>
        <FileUpload id="fichier" name="fichier" label="Fichier des lieux" hint="Un fichier CSV ou JSON de 5 Mo au plus." accept=".csv,.json,text/csv,application/json" error={props.error} />
        <input type="hidden" name="etape" value="verifier" />
        <Button>Vérifier le fichier</Button>
      </form>
      <p>
        <a href="/gestion/lieux">Revenir à la gestion des lieux</a>
      </p>
    </>
  );
}

export type ImportReportView = {
  fileName: string;
  formatLabel: string;
  content: string;
  summary: string;
  rows: ImportRowView[];
  errorCount: number;
  errorList: { href: string; text: string }[];
  postcodeRows: string;
  unmapped: UnmappedView[];
  canApply: boolean;
};

/** The dry run's report, then the confirmation (or what to fix). */
export function ImportReportPage(props: ImportReportView) {
  return (
    <>
      <ErrorSummary errors={props.errorList} />
      <h1>Rapport d’import</h1>
      <p>
        Fichier « {props.fileName} » : {props.formatLabel}.
      </p>
      <p>{props.summary}</p>
      {props.canApply ? (
        <NotificationBanner kind="info" title="Rien n’est encore enregistré">
          <p>Relisez le rapport, puis confirmez l’import en bas de la page.</p>
        </NotificationBanner>
      ) : (
        <NotificationBanner kind="warning" title="Import impossible">
          <p>
            {props.errorCount === 1 ? 'Une ligne est en erreur' : `${props.errorCount} lignes sont en erreur`}. Corrigez le fichier, puis envoyez-le de nouveau. Rien n’a été
            enregistré.
          </p>
        </NotificationBanner>
      )}
      {props.postcodeRows && (
        <p>
          Code postal 98800 (celui de Nouméa) pour un lieu d’une autre commune, corrigé : à vérifier pour {props.postcodeRows}.
        </p>
      )}
      <Table
        id="lignes"
        caption="Lieux du fichier"
        captionSize="m"
        firstCellIsHeader
        head={['Ligne', 'Lieu', 'Commune', 'Résultat', 'Remarques']}
        rows={props.rows.map((r) => [
          String(r.row),
          r.name,
          r.commune,
          r.outcome,
          r.messages.length === 0 ? (
            ''
          ) : (
            <ul id={`ligne-${r.row}`}>
              {r.messages.map((m) => (
                <li>{m}</li>
              ))}
            </ul>
          ),
        ])}
      />
      {props.unmapped.length > 0 && (
        <Details summary={`Valeurs non reconnues (${props.unmapped.length}), gardées telles quelles`}>
          <p>Ces valeurs ne correspondent à aucune valeur du standard national. Elles sont gardées sur la fiche du lieu, pour que rien ne se perde.</p>
          <Table
            id="non-reconnues"
            caption="Valeurs non reconnues"
            captionSize="s"
            head={['Rubrique', 'Valeur', 'Lignes']}
            rows={props.unmapped.map((u) => [u.field, u.value, u.rows])}
          />
        </Details>
      )}
      {props.canApply ? (
        <form method="post" action="/gestion/lieux/import" novalidate>
          <input type="hidden" name="etape" value="appliquer" />
          <input type="hidden" name="nomFichier" value={props.fileName} />
          <input type="hidden" name="contenu" value={props.content} />
          <Button>Confirmer l’import</Button>
        </form>
      ) : null}
      <p>
        <a href="/gestion/lieux/import">Choisir un autre fichier</a>
      </p>
    </>
  );
}

export type OpenDataView = { files: { href: string; title: string; description: string }[]; count: number };

/** What the open data offers, in plain words. */
export function OpenDataPage(props: OpenDataView) {
  return (
    <>
      <h1>Données ouvertes des lieux</h1>
      <p>La liste des lieux d’inclusion numérique de Nouvelle-Calédonie est libre. Tout le monde peut la télécharger et la réutiliser.</p>
      <p>Les fichiers suivent le standard national des lieux de médiation numérique (version 1.0.2). Ils sont mis à jour à chaque changement.</p>
      <p>{props.count === 1 ? 'Il y a 1 lieu.' : `Il y a ${props.count} lieux.`}</p>
      <ul>
        {props.files.map((f) => (
          <li>
            <a href={f.href} download={f.title}>
              {f.title}
            </a>{' '}
            : {f.description}
          </li>
        ))}
      </ul>
      <p>Licence : Licence Ouverte / Open Licence version 2.0 (Etalab).</p>
    </>
  );
}
