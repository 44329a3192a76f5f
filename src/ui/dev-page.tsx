import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ComponentExamples } from './types.ts';

export type DevComponentsPageProps = { examples: ComponentExamples[] };

/**
 * The content of the development page `/dev/composants`: every example of every component, to look at and to
 * check with axe. The caller wraps it in `Layout`.
 *
 * @example
 * <Layout title="Composants de l'interface" …><DevComponentsPage examples={allExamples()} /></Layout>
 */
export function DevComponentsPage({ examples }: DevComponentsPageProps): JSX.Element {
  return (
    <>
      <h1>Composants de l'interface</h1>
      <p class="r-lead">
        Chaque composant de Relais, avec ses exemples. Cette page sert aux développeurs et aux tests d'accessibilité.
      </p>
      <nav aria-label="Composants">
        <ul class="r-dev-toc">
          {examples.map((group) => (
            <li>
              <a href={`#composant-${group.component}`}>{group.component}</a>
            </li>
          ))}
        </ul>
      </nav>
      {examples.map((group) => (
        <section aria-labelledby={`composant-${group.component}`}>
          <h2 id={`composant-${group.component}`}>{group.component}</h2>
          {group.examples.map((example) => (
            <>
              <h3>{example.name}</h3>
              <div class="r-dev-example">{example.render()}</div>
            </>
          ))}
        </section>
      ))}
    </>
  );
}
