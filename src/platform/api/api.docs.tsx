import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiScopeLabels } from '../../modules/api-tokens/index.ts';
import { Table } from '../../ui/index.ts';
import type { AppEnv } from '../http/env.ts';
import { page } from '../http/render.tsx';

/** The OpenAPI 3.1 document as @hono/zod-openapi generates it. */
export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
type PathItem = NonNullable<OpenApiDocument['paths']>[string];
type Operation = NonNullable<PathItem['get']>;
type Schema = NonNullable<NonNullable<OpenApiDocument['components']>['schemas']>[string];
type SchemaObject = Exclude<Schema, { $ref: string; summary?: string }>;

function isReference(schema: Schema): schema is Extract<Schema, { $ref: string }> {
  return '$ref' in schema && typeof schema.$ref === 'string';
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** One endpoint, read from the document: what the page shows. */
type Endpoint = {
  method: string;
  path: string;
  operation: Operation;
  scopes: string[];
};

function endpointsOf(document: OpenApiDocument): Endpoint[] {
  const list: Endpoint[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const scopes = (operation.security ?? document.security ?? []).flatMap((requirement) => Object.values(requirement).flat());
      list.push({ method: method.toUpperCase(), path, operation, scopes });
    }
  }
  return list;
}

/** Follows `#/components/schemas/X` references. */
function resolve(document: OpenApiDocument, schema: Schema | undefined): SchemaObject | undefined {
  if (!schema) return undefined;
  if (isReference(schema)) {
    const name = schema.$ref.split('/').pop() ?? '';
    return resolve(document, document.components?.schemas?.[name]);
  }
  return schema;
}

function typeOf(document: OpenApiDocument, schema: Schema | undefined): string {
  const s = resolve(document, schema);
  if (!s) return '';
  if ('enum' in s && Array.isArray(s.enum)) return `code parmi : ${s.enum.map(String).join(', ')}`;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const french: Record<string, string> = { string: 'texte', integer: 'entier', number: 'nombre', boolean: 'booléen', object: 'objet', array: 'liste', null: 'null' };
  return types.map((t) => french[t] ?? t).join(' ou ') || 'texte';
}

function bodySchemaOf(document: OpenApiDocument, operation: Operation) {
  const body = operation.requestBody;
  if (!body || '$ref' in body) return undefined;
  return resolve(document, body.content['application/json']?.schema);
}

/** An example body made of each field's documented example. */
function exampleBody(document: OpenApiDocument, operation: Operation): Record<string, unknown> | null {
  const schema = bodySchemaOf(document, operation);
  if (!schema?.properties) return null;
  const example: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    const resolved = resolve(document, property);
    if (resolved && 'example' in resolved) example[name] = resolved.example;
  }
  return example;
}

function curlFor(document: OpenApiDocument, baseUrl: string, endpoint: Endpoint): string {
  const lines = [`curl${endpoint.method === 'GET' ? '' : ` -X ${endpoint.method}`} '${baseUrl}${endpoint.path}'`];
  if (endpoint.scopes.length > 0) lines.push(`  -H 'Authorization: Bearer relais_…'`);
  const body = exampleBody(document, endpoint.operation);
  if (body) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d '${JSON.stringify(body).replace(/'/g, "'\\''")}'`);
  }
  return lines.join(' \\\n');
}

function anchor(endpoint: Endpoint): string {
  return `${endpoint.method}-${endpoint.path}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function EndpointSection(props: { document: OpenApiDocument; baseUrl: string; endpoint: Endpoint }) {
  const { document, endpoint } = props;
  const op = endpoint.operation;
  const parameters = (op.parameters ?? []).flatMap((p) => ('$ref' in p ? [] : [p]));
  const body = bodySchemaOf(document, op);
  const required = new Set(body?.required ?? []);
  const responses = Object.entries(op.responses ?? {}).flatMap(([status, response]: [string, unknown]) =>
    typeof response === 'object' && response !== null && 'description' in response && typeof response.description === 'string' ? [[status, response.description]] : [],
  );
  const id = anchor(endpoint);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        <code>
          {endpoint.method} {endpoint.path}
        </code>{' '}
        — {op.summary}
      </h3>
      {op.description && <p>{op.description}</p>}
      <p>
        <strong>Authentification :</strong>{' '}
        {endpoint.scopes.length === 0 ? 'aucune, adresse publique.' : `jeton d’API avec le droit ${endpoint.scopes.map((s) => `« ${s} »`).join(' et ')}.`}
      </p>
      {parameters.length > 0 && (
        <Table
          id={`${id}-parametres`}
          caption="Paramètres de l’adresse"
          captionSize="s"
          head={['Paramètre', 'Type', 'Description']}
          firstCellIsHeader
          rows={parameters.map((p) => [<code>{p.name}</code>, p.required ? `${typeOf(document, p.schema)}, obligatoire` : `${typeOf(document, p.schema)}, facultatif`, p.description ?? ''])}
        />
      )}
      {body?.properties && (
        <Table
          id={`${id}-corps`}
          caption="Champs du corps JSON"
          captionSize="s"
          head={['Champ', 'Type', 'Description']}
          firstCellIsHeader
          rows={Object.entries(body.properties).map(([name, property]) => [
            <code>{name}</code>,
            `${typeOf(document, property)}, ${required.has(name) ? 'obligatoire' : 'facultatif'}`,
            resolve(document, property)?.description ?? '',
          ])}
        />
      )}
      <Table
        id={`${id}-reponses`}
        caption="Réponses"
        captionSize="s"
        head={['Code', 'Signification']}
        firstCellIsHeader
        rows={responses.map(([status, description]) => [status ?? '', description ?? ''])}
      />
      <p>Exemple :</p>
      <pre class="r-pre">
        <code>{curlFor(document, props.baseUrl, endpoint)}</code>
      </pre>
    </section>
  );
}

/**
 * The readable documentation of the API, written from the OpenAPI document so that it says what the code does.
 * @example <ApiDocsPage document={openApiDocument(baseUrl)} baseUrl={baseUrl} />
 */
export function ApiDocsPage(props: { document: OpenApiDocument; baseUrl: string }) {
  const { document } = props;
  const endpoints = endpointsOf(document);
  const tags = [...new Set(endpoints.flatMap((e) => e.operation.tags ?? ['Autres']))];
  const usedScopes = new Set(endpoints.flatMap((e) => e.scopes));
  return (
    <>
      <h1>Documentation de l’API</h1>
      <p>{document.info.description}</p>
      <p>
        Version {document.info.version}. Adresse de base : <code>{props.baseUrl}/api/v1</code>. Description complète au format OpenAPI{' '}
        {document.openapi} : <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      <h2>Sommaire</h2>
      <ul>
        {endpoints.map((e) => (
          <li>
            <a href={`#${anchor(e)}`}>
              <code>
                {e.method} {e.path}
              </code>
            </a>{' '}
            — {e.operation.summary}
          </li>
        ))}
      </ul>
      <h2>S’authentifier</h2>
      <p>
        Un administrateur crée un jeton d’API sur la page « Jetons d’API » de Relais, en choisissant ses droits. Le jeton n’est montré qu’une fois :
        gardez-le comme un mot de passe. Envoyez-le à chaque requête dans l’en-tête :
      </p>
      <pre class="r-pre">
        <code>Authorization: Bearer relais_…</code>
      </pre>
      <p>
        Sans jeton, ou avec un jeton inconnu, révoqué ou expiré, l’API répond <code>401</code>. Avec un jeton qui n’a pas le droit demandé,
        elle répond <code>403</code>.
      </p>
      <h2>Droits des jetons</h2>
      <Table
        caption="Droits (scopes) qu’un jeton peut recevoir"
        captionHidden
        head={['Droit', 'Permet de', 'Utilisé par cette version de l’API']}
        firstCellIsHeader
        rows={Object.entries(apiScopeLabels).map(([scope, label]) => [<code>{scope}</code>, label, usedScopes.has(scope) ? 'Oui' : 'Non (autres adresses de Relais)'])}
      />
      <h2>Erreurs</h2>
      <p>
        Toutes les erreurs sont en JSON, avec un code stable (<code>error</code>) et une explication en français (<code>message</code>). Quand des
        données sont refusées (<code>422</code>), <code>champs</code> donne un message par champ :
      </p>
      <pre class="r-pre">
        <code>
          {JSON.stringify(
            { error: 'donnees_invalides', message: 'Les données envoyées ne sont pas valides.', champs: { nom: 'Entrez le nom de l’organisation' } },
            null,
            2,
          )}
        </code>
      </pre>
      <Table
        caption="Codes de réponse"
        head={['Code', 'Signification']}
        firstCellIsHeader
        rows={[
          ['400', 'Le corps n’est pas du JSON valide.'],
          ['401', 'Jeton absent, inconnu, révoqué ou expiré.'],
          ['403', 'Le jeton n’a pas le droit demandé.'],
          ['404', 'Cette adresse n’existe pas.'],
          ['409', 'Conflit avec une donnée existante (même nom, même RIDET…).'],
          ['415', 'Le corps n’est pas envoyé en JSON.'],
          ['422', 'Données refusées : voir champs.'],
        ]}
      />
      {tags.map((tag) => (
        <>
          <h2>{tag}</h2>
          {endpoints
            .filter((e) => (e.operation.tags ?? ['Autres']).includes(tag))
            .map((e) => (
              <EndpointSection document={document} baseUrl={props.baseUrl} endpoint={e} />
            ))}
        </>
      ))}
    </>
  );
}

/** Renders the documentation inside the site's layout. */
export function renderApiDocs(c: Context<AppEnv>, document: OpenApiDocument, baseUrl: string): Response | Promise<Response> {
  return page(c, { title: 'Documentation de l’API' }, <ApiDocsPage document={document} baseUrl={baseUrl} />);
}
