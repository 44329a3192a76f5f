import { Button, ErrorSummary, Radios } from '../../../ui/index.ts';
import type { DisplayPrefs } from '../../../platform/http/env.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';

export function DisplaySettingsPage(props: { current: DisplayPrefs; errors?: FieldErrors }) {
  const errors = props.errors ?? {};
  return (
    <>
      <h1>Paramètres d’affichage</h1>
      {Object.keys(errors).length > 0 && <ErrorSummary errors={errorLinks(errors, ['textSize', 'spacing', 'contrast', 'font', 'theme'])} />}
      <p>Choisissez comment Relais s’affiche sur cet appareil. Votre choix est gardé dans un cookie, sur cet appareil seulement.</p>
      <form method="post" action="/affichage" novalidate>
        <Radios
          id="textSize"
          name="textSize"
          label="Taille du texte"
          value={props.current.textSize}
          error={errors.textSize}
          items={[
            { value: 'normal', label: 'Normale' },
            { value: 'large', label: 'Grande' },
            { value: 'xlarge', label: 'Très grande' },
          ]}
        />
        <Radios
          id="spacing"
          name="spacing"
          label="Espacement des lignes"
          value={props.current.spacing}
          error={errors.spacing}
          items={[
            { value: 'normal', label: 'Normal' },
            { value: 'wide', label: 'Large' },
          ]}
        />
        <Radios
          id="contrast"
          name="contrast"
          label="Contraste"
          value={props.current.contrast}
          error={errors.contrast}
          items={[
            { value: 'normal', label: 'Normal' },
            { value: 'high', label: 'Renforcé' },
          ]}
        />
        <Radios
          id="font"
          name="font"
          label="Police de caractères"
          value={props.current.font}
          error={errors.font}
          items={[
            { value: 'system', label: 'Police de l’appareil' },
            { value: 'atkinson', label: 'Atkinson Hyperlegible', hint: 'Conçue pour les personnes malvoyantes.' },
            { value: 'opendyslexic', label: 'OpenDyslexic', hint: 'Conçue pour certaines personnes dyslexiques.' },
          ]}
        />
        <Radios
          id="theme"
          name="theme"
          label="Couleurs"
          value={props.current.theme}
          error={errors.theme}
          items={[
            { value: 'auto', label: 'Comme mon appareil' },
            { value: 'light', label: 'Fond clair' },
            { value: 'dark', label: 'Fond sombre' },
          ]}
        />
        <Button type="submit">Enregistrer mes paramètres</Button>
      </form>
    </>
  );
}
