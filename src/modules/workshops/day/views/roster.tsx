import { Button, Checkboxes, Details, ErrorSummary, Fieldset, LinkButton, NotificationBanner, Radios, Select, SummaryList, Table, Tag, TextInput, Textarea, type TagColour } from '../../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../../platform/http/forms.ts';
import { walkInFieldOrder } from '../day.forms.ts';

/** What every workshop-day page says about its session. */
export type SessionHeading = { title: string; programme: string; when: string; where: string; trainers: string };

export function SessionFacts({ session }: { session: SessionHeading }) {
  return (
    <SummaryList
      rows={[
        { key: 'Programme', value: session.programme },
        { key: 'Quand', value: session.when },
        { key: 'Où', value: session.where },
        { key: 'Formateurs', value: session.trainers || 'Aucun formateur désigné' },
      ]}
    />
  );
}

export type RosterLineView = {
  key: string;
  fieldName: string;
  name: string;
  detail: string;
  needs: string[];
  status: string;
  statusLabel: string;
  statusColour: TagColour;
};

export type RosterPageProps = {
  sessionId: string;
  session: SessionHeading;
  lines: RosterLineView[];
  statusItems: { value: string; label: string }[];
  closed: { at: string; attended: number; activityNote: string } | null;
  sensitiveShown: boolean;
  can: { close: boolean };
  errors: FieldErrors;
  stylesheet: string;
};

/** The roster on screen: one line per registrant and walk-in, marked present, late or absent. */
export function RosterPage(props: RosterPageProps) {
  const base = `/gestion/seances/${props.sessionId}/emargement`;
  return (
    <>
      <link rel="stylesheet" href={props.stylesheet} />
      <ErrorSummary errors={errorLinks(props.errors, props.lines.map((l) => l.fieldName))} />
      <h1>Liste d’émargement : {props.session.title}</h1>
      <SessionFacts session={props.session} />
      {props.closed ? (
        <NotificationBanner kind="success" title="Liste clôturée" role="region" id="etat-liste">
          <p>
            Clôturée le {props.closed.at} : {props.closed.attended} participants. {props.closed.activityNote}
          </p>
          <p>Pour corriger une erreur, rouvrez la liste : l’atelier déjà enregistré sera mis à jour à la clôture suivante.</p>
        </NotificationBanner>
      ) : null}
      <div class="w-actions">
        <a href={`${base}/imprimer`}>Imprimer la liste</a>
        {props.closed ? (
          <LinkButton href={`${base}/rouvrir`} variant="secondary">
            Rouvrir la liste pour corriger
          </LinkButton>
        ) : (
          <a href={`${base}/sans-inscription`}>Ajouter une personne venue sans inscription</a>
        )}
      </div>
      {props.lines.length === 0 ? (
        <p>Personne n’est inscrit à cette séance. Ajoutez les personnes venues sans inscription, puis clôturez la liste.</p>
      ) : props.closed ? (
        <Table
          caption="Participants"
          head={['Nom', 'Commune et précisions', 'Présence']}
          firstCellIsHeader
          rows={props.lines.map((l) => [l.name, l.detail, <Tag colour={l.statusColour}>{l.statusLabel}</Tag>])}
        />
      ) : (
        <form method="post" action={base} novalidate>
          <h2>Qui est venu ?</h2>
          {props.sensitiveShown ? null : <p class="r-hint">Les besoins d’aide des participants sont visibles par les formateurs de la séance et les coordinateurs du programme.</p>}
          {props.lines.map((l) => (
            <div class="w-roster-line">
              <Radios
                id={l.fieldName}
                name={l.fieldName}
                label={l.name}
                legendSize="s"
                hint={[l.detail, ...(l.needs.length ? [`Besoins : ${l.needs.join(', ')}`] : [])].filter(Boolean).join('. ')}
                items={props.statusItems}
                value={l.status}
                error={props.errors[l.fieldName]}
                inline
              />
            </div>
          ))}
          <Button>Enregistrer la présence</Button>
        </form>
      )}
      {!props.closed && props.can.close ? (
        <>
          <h2>Clôturer la liste</h2>
          <p>Quand la séance est finie et la présence enregistrée, clôturez la liste. L’atelier est alors enregistré une seule fois dans les accompagnements.</p>
          <LinkButton href={`${base}/cloturer`} variant="secondary">
            Clôturer la liste
          </LinkButton>
        </>
      ) : null}
    </>
  );
}

export type PrintableRosterProps = { session: SessionHeading; lines: { name: string; detail: string; status: string }[]; blankLines: number; stylesheet: string; backHref: string };

/** The roster on paper: names, boxes to tick, a column to sign, and blank lines for walk-ins. */
export function PrintableRosterPage(props: PrintableRosterProps) {
  const box = <span class="w-box" aria-hidden="true"></span>;
  return (
    <>
      <link rel="stylesheet" href={props.stylesheet} />
      <h1>Liste d’émargement : {props.session.title}</h1>
      <p>
        {props.session.when}. {props.session.where}.
        <br />
        Formateurs : {props.session.trainers || '—'}
      </p>
      <p class="w-no-print">
        Imprimez cette page avec la commande d’impression de votre navigateur. <a href={props.backHref}>Revenir à la liste à l’écran</a>
      </p>
      <div class="w-roster-print">
        <Table
          caption="Participants : cochez une case par personne"
          head={['Nom', 'Commune et précisions', 'Présent', 'En retard', 'Absent', 'Signature']}
          firstCellIsHeader
          rows={[
            ...props.lines.map((l) => [l.name, l.detail, l.status === 'present' ? '✓' : box, l.status === 'late' ? '✓' : box, l.status === 'absent' ? '✓' : box, <span class="w-sign"> </span>]),
            ...Array.from({ length: props.blankLines }, (_, i) => [<span class="r-visually-hidden">Ligne libre {i + 1}</span>, ' ', box, box, box, ' ']),
          ]}
        />
      </div>
    </>
  );
}

export type WalkInValues = { name: string; communeCode: string; status: string; accessNeeds: string[]; accessNeedsText: string };

export function WalkInPage(props: {
  sessionId: string;
  session: SessionHeading;
  values: WalkInValues;
  errors: FieldErrors;
  communes: { value: string; label: string }[];
  statusItems: { value: string; label: string }[];
  needItems: { value: string; label: string }[];
}) {
  const base = `/gestion/seances/${props.sessionId}/emargement`;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, walkInFieldOrder)} />
      <h1>Ajouter une personne venue sans inscription</h1>
      <p>Séance « {props.session.title} », {props.session.when}.</p>
      <form method="post" action={`${base}/sans-inscription`} novalidate>
        <TextInput id="name" name="name" label="Nom et prénom" value={props.values.name} error={props.errors.name} autocomplete="off" spellcheck={false} />
        <Select id="communeCode" name="communeCode" label="Commune où vit la personne" items={props.communes} value={props.values.communeCode} placeholder="Choisissez une commune" error={props.errors.communeCode} />
        <Radios id="status" name="status" label="Présence" items={props.statusItems} value={props.values.status} error={props.errors.status} inline />
        <Details summary="Besoins d’aide (facultatif)" open={props.values.accessNeeds.length > 0 || props.values.accessNeedsText !== ''}>
          <p>Ces réponses sont sensibles : seuls les formateurs de la séance et les coordinateurs du programme les voient. Elles sont effacées avec celles des inscrits.</p>
          <Checkboxes id="accessNeeds" name="accessNeeds" label="Qu’est-ce qui aiderait cette personne à participer ?" items={props.needItems} values={props.values.accessNeeds} error={props.errors.accessNeeds} />
          <Textarea id="accessNeedsText" name="accessNeedsText" label="Précisions" value={props.values.accessNeedsText} error={props.errors.accessNeedsText} optional rows={2} />
        </Details>
        <div class="r-button-group">
          <Button>Ajouter à la liste</Button>
          <a href={base}>Revenir sans ajouter</a>
        </div>
      </form>
    </>
  );
}

export type CloseCount = { field: string; label: string; value: string };

export function ClosePage(props: {
  sessionId: string;
  session: SessionHeading;
  counts: { present: number; late: number; absent: number; unmarked: number; walkIns: number };
  record: { rows: { key: string; value: string }[] };
  problem: string | null;
  breakdown: { legend: string; items: CloseCount[] }[];
  errors: FieldErrors;
}) {
  const base = `/gestion/seances/${props.sessionId}/emargement`;
  const attended = props.counts.present + props.counts.late;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, props.breakdown.flatMap((b) => b.items.map((i) => i.field)))} />
      <h1>Clôturer la liste d’émargement</h1>
      <p>Séance « {props.session.title} », {props.session.when}.</p>
      <SummaryList
        rows={[
          { key: 'Présents', value: String(props.counts.present) },
          { key: 'En retard', value: String(props.counts.late) },
          { key: 'Absents', value: String(props.counts.absent + props.counts.unmarked) + (props.counts.unmarked > 0 ? ` (dont ${props.counts.unmarked} sans réponse, comptés absents)` : '') },
          { key: 'Venus sans inscription', value: String(props.counts.walkIns) },
        ]}
      />
      {props.problem ? (
        <NotificationBanner kind="warning" title="La liste ne peut pas être clôturée" role="region" id="probleme">
          <p>{props.problem}</p>
          <p>
            <a href={base}>Revenir à la liste</a>
          </p>
        </NotificationBanner>
      ) : (
        <form method="post" action={`${base}/cloturer`} novalidate>
          <h2>L’atelier qui sera enregistré</h2>
          <SummaryList rows={[...props.record.rows, { key: 'Participants', value: String(attended) }]} />
          <Details summary="Répartition des participants (facultatif)" open={Object.keys(props.errors).length > 0}>
            <p>Si vous les connaissez, donnez le nombre de participants par genre, par âge et par situation. Laissez vide sinon.</p>
            {props.breakdown.map((group) => (
              <Fieldset legend={group.legend} legendSize="s">
                {group.items.map((i) => (
                  <TextInput id={i.field} name={i.field} label={i.label} value={i.value} error={props.errors[i.field]} inputmode="numeric" width={3} optional />
                ))}
              </Fieldset>
            ))}
          </Details>
          <div class="r-button-group">
            <Button>Clôturer et enregistrer l’atelier</Button>
            <a href={base}>Revenir à la liste</a>
          </div>
        </form>
      )}
    </>
  );
}

export function ReopenPage(props: { sessionId: string; session: SessionHeading }) {
  const base = `/gestion/seances/${props.sessionId}/emargement`;
  return (
    <>
      <h1>Rouvrir la liste d’émargement ?</h1>
      <p>Séance « {props.session.title} », {props.session.when}.</p>
      <p>Vous pourrez corriger la présence et ajouter des personnes. L’atelier déjà enregistré ne sera pas compté deux fois : il sera mis à jour quand vous clôturerez la liste de nouveau.</p>
      <form method="post" action={`${base}/rouvrir`}>
        <div class="r-button-group">
          <Button variant="warning">Rouvrir la liste</Button>
          <a href={base}>Non, revenir</a>
        </div>
      </form>
    </>
  );
}
