import { Button, NotificationBanner, Pagination, Select, SummaryList, Table, Tag } from '../../../ui/index.ts';
import { formatNumber, plural } from '../../../platform/format.ts';
import type { OutboxChannel, OutboxStatus } from '../outbox.schema.ts';
import { outboxChannelLabels, outboxStatusColours, outboxStatusLabels } from './labels.ts';

/** Which channels leave Relais; a channel without transport keeps its messages on this page. */
export type TransportsView = { email: boolean; sms: boolean };

export type OutboxRow = { id: string; createdAt: string; channel: OutboxChannel; recipient: string; subject: string; status: OutboxStatus; attempts: number };

export type OutboxView = {
  transports: TransportsView;
  counts: Record<OutboxStatus, number>;
  filters: { status: string; channel: string };
  rows: OutboxRow[];
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
};

function TransportsNotice(props: { transports: TransportsView }) {
  const { email, sms } = props.transports;
  if (!email && !sms) {
    return (
      <NotificationBanner kind="warning" role="region" id="transports" title="Aucun transport configuré : les messages restent ici">
        <p>
          Ni serveur d’e-mail (SMTP_URL) ni passerelle SMS (SMS_GATEWAY_URL) ne sont configurés. Relais n’envoie rien : ouvrez un message pour le lire
          et le transmettre vous-même, ou demandez à l’exploitant de configurer un transport.
        </p>
      </NotificationBanner>
    );
  }
  return (
    <NotificationBanner kind="info" role="region" id="transports" title="Transports configurés">
      <ul>
        <li>{email ? 'E-mail : les messages partent par le serveur SMTP configuré.' : 'E-mail : aucun serveur SMTP configuré, les e-mails restent ici.'}</li>
        <li>{sms ? 'SMS : les messages partent par la passerelle SMS configurée.' : 'SMS : aucune passerelle configurée, les SMS restent ici.'}</li>
      </ul>
    </NotificationBanner>
  );
}

/** The outbox: every message Relais sends, what became of it, and whether it can leave at all. */
export function OutboxPage(props: OutboxView) {
  const filtered = props.filters.status !== '' || props.filters.channel !== '';
  return (
    <>
      <h1>Boîte d’envoi</h1>
      <TransportsNotice transports={props.transports} />
      <p>
        {plural(props.counts.queued, 'message en attente', 'messages en attente')}, {plural(props.counts.failed, 'en échec', 'en échec')},{' '}
        {plural(props.counts.sent, 'envoyé', 'envoyés')}. Un message est marqué en échec après 5 tentatives.
      </p>
      <form method="get" action="/admin/boite-envoi" role="search" aria-label="Filtrer les messages">
        <Select
          id="status"
          name="status"
          label="État"
          placeholder="Tous les états"
          items={(['queued', 'sent', 'failed'] as const).map((s) => ({ value: s, label: outboxStatusLabels[s] }))}
          value={props.filters.status}
        />
        <Select
          id="channel"
          name="channel"
          label="Canal"
          placeholder="Tous les canaux"
          items={(['email', 'sms'] as const).map((ch) => ({ value: ch, label: outboxChannelLabels[ch] }))}
          value={props.filters.channel}
        />
        <Button variant="secondary">Filtrer</Button>
      </form>
      {props.rows.length === 0 ? (
        <>
          <p>{filtered ? 'Aucun message ne correspond à ces filtres.' : 'Aucun message pour l’instant. Les invitations, les liens de mot de passe et les rappels apparaîtront ici.'}</p>
          {filtered && (
            <p>
              <a href="/admin/boite-envoi">Voir tous les messages</a>
            </p>
          )}
        </>
      ) : (
        <>
          <Table
            caption="Messages, du plus récent au plus ancien"
            captionHidden
            head={['Date', 'Canal', 'Destinataire', 'Objet', 'État', { text: 'Tentatives', numeric: true }]}
            rows={props.rows.map((m) => [
              <a href={`/admin/boite-envoi/${m.id}`}>{m.createdAt}</a>,
              outboxChannelLabels[m.channel],
              m.recipient,
              m.subject,
              <Tag colour={outboxStatusColours[m.status]}>{outboxStatusLabels[m.status]}</Tag>,
              formatNumber(m.attempts),
            ])}
          />
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
        </>
      )}
    </>
  );
}

export type OutboxMessageView = {
  createdAt: string;
  sentAt: string | null;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  purpose: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  bodyText: string;
  bodyHtml: string | null;
};

/** One message as it was (or will be) sent. The HTML version is shown as source, never rendered. */
export function OutboxMessagePage(props: OutboxMessageView) {
  return (
    <>
      <h1>{props.subject ?? `${outboxChannelLabels[props.channel]} à ${props.recipient}`}</h1>
      <SummaryList
        rows={[
          { key: 'Canal', value: outboxChannelLabels[props.channel] },
          { key: 'Destinataire', value: props.recipient },
          { key: 'Objet', value: props.subject ?? 'Aucun' },
          { key: 'Motif', value: props.purpose },
          { key: 'État', value: <Tag colour={outboxStatusColours[props.status]}>{outboxStatusLabels[props.status]}</Tag> },
          { key: 'Tentatives', value: formatNumber(props.attempts) },
          { key: 'Créé le', value: props.createdAt },
          { key: 'Envoyé le', value: props.sentAt ?? 'Pas encore envoyé' },
          { key: 'Dernière erreur', value: props.lastError ?? 'Aucune' },
        ]}
      />
      <h2>Texte du message</h2>
      {/* r-pre wraps long lines (white-space: pre-wrap): links in the text stay readable at 320 px. */}
      <pre class="r-pre">{props.bodyText}</pre>
      {props.bodyHtml !== null && (
        <>
          <h2>Version HTML</h2>
          <p>Le code HTML envoyé, affiché tel quel.</p>
          <pre class="r-pre">{props.bodyHtml}</pre>
        </>
      )}
      <p>
        <a href="/admin/boite-envoi">Revenir à la boîte d’envoi</a>
      </p>
    </>
  );
}
