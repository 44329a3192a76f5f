import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JSX } from 'hono/jsx/jsx-runtime';
import {
  DevComponentsPage,
  ErrorSummary,
  Layout,
  Pagination,
  Radios,
  Table,
  TextInput,
  allExamples,
  pageWindow,
  stylesheet,
  stylesheetHref,
} from './index.ts';
import type { DisplayPrefs } from '../platform/http/env.ts';

const render = async (element: JSX.Element | null): Promise<string> => (element === null ? '' : String(await element));
const display: DisplayPrefs = { textSize: 'large', spacing: 'wide', contrast: 'high', font: 'atkinson', theme: 'dark' };

describe('form fields', () => {
  it('wires the label, the hint and the error to the input', async () => {
    const html = await render(
      <TextInput id="telephone" name="telephone" label="Téléphone" hint="6 chiffres" error="Entrez 6 chiffres" value="12" />,
    );
    assert.match(html, /<label class="r-label" for="telephone">Téléphone<\/label>/);
    assert.match(html, /id="telephone-hint"/);
    assert.match(html, /<p id="telephone-error" class="r-error-message"><span class="r-visually-hidden">Erreur :<\/span> Entrez 6 chiffres<\/p>/);
    assert.match(html, /aria-describedby="telephone-hint telephone-error"/);
    assert.match(html, /aria-invalid="true"/);
    assert.match(html, /value="12"/);
  });

  it('leaves out aria-describedby and aria-invalid when there is neither hint nor error', async () => {
    const html = await render(<TextInput id="nom" name="nom" label="Nom" />);
    assert.doesNotMatch(html, /aria-describedby|aria-invalid/);
  });

  it('gives the field id to the first radio so an error summary link reaches it', async () => {
    const html = await render(
      <Radios id="choix" name="choix" label="Votre choix" value="b" items={[{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }]} />,
    );
    assert.match(html, /<legend[^>]*>Votre choix<\/legend>/);
    assert.match(html, /id="choix" name="choix" value="a"/);
    assert.match(html, /id="choix-2" name="choix" value="b" checked=""/);
  });
});

describe('error summary', () => {
  it('renders nothing without errors', async () => {
    assert.equal(await render(ErrorSummary({ errors: [] })), '');
  });

  it('is an alert, focusable, marked for autofocus, with links to the fields', async () => {
    const html = await render(<ErrorSummary errors={[{ href: '#email', text: 'Entrez votre adresse e-mail' }]} />);
    assert.match(html, /role="alert" tabindex="-1"/);
    assert.match(html, /data-autofocus=""/);
    assert.match(html, /Il y a un problème/);
    assert.match(html, /<a href="#email">Entrez votre adresse e-mail<\/a>/);
  });
});

describe('pagination', () => {
  it('shows first, last, current and neighbours, with gaps', () => {
    assert.deepEqual(pageWindow(6, 12), [1, null, 5, 6, 7, null, 12]);
    assert.deepEqual(pageWindow(1, 3), [1, 2, 3]);
    assert.deepEqual(pageWindow(3, 5), [1, 2, 3, 4, 5]);
  });

  it('marks the current page and renders nothing for a single page', async () => {
    const html = await render(<Pagination page={2} pageCount={3} hrefFor={(p) => `/lieux?page=${p}`} />);
    assert.match(html, /aria-label="Pagination"/);
    assert.match(html, /href="\/lieux\?page=2" aria-label="Page 2" aria-current="page"/);
    assert.equal(await render(Pagination({ page: 1, pageCount: 1, hrefFor: String })), '');
  });
});

describe('table', () => {
  it('has a caption and a focusable scrolling region named by it', async () => {
    const html = await render(<Table caption="Sessions ouvertes" head={['Appareil']} rows={[['Téléphone']]} />);
    assert.match(html, /role="region" aria-labelledby="table-sessions-ouvertes-caption" tabindex="0"/);
    assert.match(html, /<caption id="table-sessions-ouvertes-caption"/);
    assert.match(html, /<th scope="col"/);
  });
});

describe('layout', () => {
  const layout = (props: { hasErrors?: boolean; user?: { name: string } | null }) =>
    render(
      <Layout
        title="Lieux"
        hasErrors={props.hasErrors}
        currentPath="/lieux/12"
        nav={[{ href: '/', label: 'Accueil' }, { href: '/lieux', label: 'Lieux' }]}
        user={props.user ?? null}
        flash={{ kind: 'warning', text: 'Attention au cyclone' }}
        display={display}
      >
        <h1>Lieux</h1>
      </Layout>,
    );

  it('renders a French document with the display preferences on <html>', async () => {
    const html = await layout({});
    assert.ok(html.startsWith('<!doctype html><html lang="fr"'));
    assert.match(html, /data-text-size="large" data-spacing="wide" data-contrast="high" data-font="atkinson" data-theme="dark"/);
    assert.match(html, /<title>Lieux — Relais<\/title>/);
    assert.match(html, new RegExp(`href="${stylesheetHref().replaceAll('.', '\\.')}"`));
    assert.match(html, /<a href="#contenu" class="r-skip-link">Aller au contenu<\/a>/);
    assert.match(html, /<main id="contenu" class="r-main" tabindex="-1">/);
  });

  it('starts the title with "Erreur : " when the page has errors', async () => {
    assert.match(await layout({ hasErrors: true }), /<title>Erreur : Lieux — Relais<\/title>/);
  });

  it('marks the section of the current page in the navigation', async () => {
    const html = await layout({});
    assert.match(html, /<nav class="r-nav" aria-label="Navigation principale">/);
    assert.match(html, /href="\/lieux" aria-current="true"/);
    assert.doesNotMatch(html, /href="\/" aria-current/);
  });

  it('shows the flash message as an alert when it is a warning', async () => {
    assert.match(await layout({}), /class="r-notification r-notification--warning" role="alert"/);
  });

  it('offers sign-in to anonymous people and sign-out to signed-in people', async () => {
    assert.match(await layout({}), /href="\/connexion"/);
    const signedIn = await layout({ user: { name: 'Marie Wamytan' } });
    assert.match(signedIn, /Marie Wamytan/);
    assert.match(signedIn, /href="\/compte"/);
    assert.match(signedIn, /<form class="r-header__form" method="post" action="\/deconnexion">/);
    assert.doesNotMatch(signedIn, /href="\/connexion"/);
  });
});

describe('development page', () => {
  it('renders every example with ids unique across the page', async () => {
    const html = await render(<DevComponentsPage examples={allExamples()} />);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    assert.deepEqual(duplicates, []);
    assert.equal((html.match(/<h1>/g) ?? []).length, 1);
  });

  it('has examples for every component folder', () => {
    for (const group of allExamples()) assert.ok(group.examples.length > 0, group.component);
  });
});

describe('stylesheet', () => {
  it('concatenates base.css then every component stylesheet, named by a 10-digit hash', () => {
    const { css, hash } = stylesheet();
    assert.match(hash, /^[0-9a-f]{10}$/);
    assert.ok(css.startsWith('/* base.css */'));
    for (const group of allExamples()) assert.ok(css.includes(`/* components/${group.component}/`), group.component);
    assert.equal(stylesheetHref(), `/static/relais.${hash}.css`);
  });
});
