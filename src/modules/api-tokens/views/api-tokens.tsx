import { apiScopeLabels, apiScopes, type ApiScope } from '../api-tokens.commands.ts';
import type { ApiTokenRow, ApiTokenStatus } from '../api-tokens.queries.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { formatDateLong, formatDateTime } from '../../../platform/format.ts';
import { Button, Checkboxes, DateInput, ErrorSummary, LinkButton, NotificationBanner, Pagination, SummaryList, Table, Tag, TextInput } from '../../../ui/index.ts';

const statusTags: Record<ApiTokenStatus, { text: string; colour: 'green' | 'grey' | 'red' }> = {
  active: { text: 'Actif', colour: 'green' },
  revoked: { text: 'Révoqué', colour: 'red' },
  expired: { text: 'Expiré', colour: 'grey' },
};

function scopeLabel(scope: string): string {
  const known = apiScopes.find((s) => s === scope);
  return known ? apiScopeLabels[known] : scope;
}

/** The expiry as people read it: the last day the token works (it stops at the following midnight, local time). */
export function expiryText(expiresAt: Date | null): string {
  if (!expiresAt) return 'Jamais';
  return `Jusqu’au ${formatDateLong(new Date(expiresAt.getTime() - 1))} inclus`;
}

function StatusTag(props: { status: ApiTokenStatus }) {
  const tag = statusTags[props.status];
  return <Tag colour={tag.colour}>{tag.text}</Tag>;
}

export function ApiTokensPage(props: { rows: ApiTokenRow[]; page: number; pageCount: number; total: number }) {
  return (
    <>
      <h1>Jetons d’API</h1>
      <p>
        Un jeton d’API permet à un logiciel partenaire de lire ou d’envoyer des données à Relais, avec les seuls droits choisis. Les partenaires
        trouvent la marche à suivre dans la <a href="/api/v1/docs">documentation de l’API</a>.
      </p>
      <LinkButton href="/admin/jetons/nouveau">Créer un jeton</LinkButton>
      {props.rows.length === 0 ? (
        <p>Aucun jeton pour l’instant. Créez-en un quand un partenaire a besoin d’accéder aux données par l’API.</p>
      ) : (
        <>
          <Table
            caption={props.total > 1 ? `${props.total} jetons` : '1 jeton'}
            firstCellIsHeader
            head={['Nom', 'Début du jeton', 'Droits', 'Créé le', 'Dernière utilisation', 'Expiration', 'État', 'Action']}
            rows={props.rows.map((t) => [
              t.name,
              <code>{t.prefix}…</code>,
              <ul class="r-list--plain">
                {t.scopes.map((s) => (
                  <li>{scopeLabel(s)}</li>
                ))}
              </ul>,
              formatDateTime(t.createdAt),
              t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Jamais utilisé',
              expiryText(t.expiresAt),
              <StatusTag status={t.status} />,
              t.status === 'revoked' ? (
                ''
              ) : (
                <a href={`/admin/jetons/${t.id}/revoquer`}>
                  Révoquer<span class="r-visually-hidden"> le jeton « {t.name} »</span>
                </a>
              ),
            ])}
          />
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={(p) => `/admin/jetons?page=${p}`} />
        </>
      )}
    </>
  );
}

export const newApiTokenFieldOrder = ['name', 'scopes', 'expiresOn'] as const;

export function NewApiTokenPage(props: { name: string; scopes: string[]; expiresOn: string; errors: FieldErrors; today: string }) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, newApiTokenFieldOrder)} />
      <h1>Créer un jeton d’API</h1>
      <form method="post" action="/admin/jetons/nouveau" novalidate>
        <TextInput
          id="name"
          name="name"
          label="Nom du jeton"
          hint="Pour savoir plus tard qui s’en sert, par exemple « Tableau de bord CAFAT »."
          value={props.name}
          error={props.errors.name}
          attributes={{ maxlength: 100 }}
        />
        <Checkboxes
          id="scopes"
          name="scopes"
          label="Droits du jeton"
          hint="Donnez seulement les droits dont le logiciel partenaire a besoin."
          items={apiScopes.map((s: ApiScope) => ({ value: s, label: apiScopeLabels[s], hint: s }))}
          values={props.scopes}
          error={props.errors.scopes}
        />
        <DateInput
          id="expiresOn"
          name="expiresOn"
          label="Date d’expiration"
          hint="Le jeton fonctionne jusqu’à la fin de ce jour, heure de Nouméa. Laissez vide pour un jeton sans expiration. Par exemple : 31/12/2026."
          optional
          min={props.today}
          value={props.expiresOn}
          error={props.errors.expiresOn}
        />
        <Button type="submit">Créer le jeton</Button>
      </form>
    </>
  );
}

/** The only time the token is shown: the page says so, and the response is not cached. */
export function ApiTokenCreatedPage(props: { name: string; token: string; scopes: ApiScope[]; expiresAt: Date | null }) {
  return (
    <>
      <h1>Jeton « {props.name} » créé</h1>
      <NotificationBanner kind="warning" title="Copiez ce jeton maintenant">
        <p>Il ne sera plus jamais affiché : Relais n’en garde qu’une empreinte. Si vous le perdez, révoquez-le et créez-en un autre.</p>
      </NotificationBanner>
      <TextInput id="token" name="token" label="Jeton d’API" value={props.token} spellcheck={false} attributes={{ readonly: true, autocomplete: 'off' }} />
      <p>Transmettez-le au partenaire par un moyen sûr (pas dans un e-mail en clair). Le logiciel l’envoie dans l’en-tête :</p>
      <pre class="r-pre">
        <code>Authorization: Bearer {props.token}</code>
      </pre>
      <SummaryList
        rows={[
          { key: 'Droits', value: props.scopes.map((s) => apiScopeLabels[s]).join(', ') },
          { key: 'Expiration', value: expiryText(props.expiresAt) },
        ]}
      />
      <p>
        <a href="/admin/jetons">Revenir à la liste des jetons</a>
      </p>
    </>
  );
}

export function RevokeApiTokenPage(props: { token: ApiTokenRow }) {
  const t = props.token;
  return (
    <>
      <h1>Révoquer le jeton « {t.name} » ?</h1>
      <p>Le logiciel qui utilise ce jeton ne pourra plus accéder à l’API, tout de suite et définitivement. Cette action est inscrite au journal.</p>
      <SummaryList
        rows={[
          { key: 'Début du jeton', value: <code>{t.prefix}…</code> },
          { key: 'Droits', value: t.scopes.map(scopeLabel).join(', ') },
          { key: 'Dernière utilisation', value: t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Jamais utilisé' },
          { key: 'État', value: <StatusTag status={t.status} /> },
        ]}
      />
      <form method="post" action={`/admin/jetons/${t.id}/revoquer`}>
        <Button type="submit" variant="warning">
          Révoquer le jeton
        </Button>
      </form>
      <p>
        <a href="/admin/jetons">Annuler et revenir à la liste</a>
      </p>
    </>
  );
}
