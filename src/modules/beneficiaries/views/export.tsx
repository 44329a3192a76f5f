import { SummaryList, Table } from '../../../ui/index.ts';
import type { BeneficiaryExport } from '../beneficiaries.export.ts';

const orDash = (v: string | number | null) => (v === null || v === '' ? '—' : String(v));

/** Everything held about the person, to read on screen or print and hand over. */
export function ExportPage(props: { id: string; name: string; data: BeneficiaryExport; dates: { exported: string; consent: string } }) {
  const d = props.data;
  return (
    <>
      <h1>Données gardées sur {props.name}</h1>
      <p>
        Document fait le {props.dates.exported} par « {d.structureQuiSuit} ». <a href={`/beneficiaires/${props.id}/export.json`}>Télécharger ces données (fichier JSON)</a>
      </p>
      <h2>Fiche</h2>
      <SummaryList
        rows={[
          { key: 'Prénom', value: d.fiche.prenom },
          { key: 'Nom', value: d.fiche.nom },
          { key: 'Téléphone', value: orDash(d.fiche.telephone) },
          { key: 'Année de naissance', value: orDash(d.fiche.anneeDeNaissance) },
          { key: 'Commune', value: orDash(d.fiche.commune) },
          { key: 'Genre', value: d.fiche.genre },
          { key: 'Situation', value: d.fiche.situation },
        ]}
      />
      <h2>Accord donné</h2>
      <p>Le {props.dates.consent} (texte version {d.consentement.version}) :</p>
      <blockquote>
        <p>{d.consentement.texte}</p>
      </blockquote>
      <h2>Aide reçue</h2>
      {d.accompagnements.length === 0 ? (
        <p>Aucun accompagnement enregistré.</p>
      ) : (
        <Table
          caption="Accompagnements"
          captionHidden
          head={['Date', 'Type', 'Thèmes', 'Démarche', 'Aidant', { text: 'Durée (min)', numeric: true }]}
          rows={d.accompagnements.map((a) => [a.date, a.titre ? `${a.type} : ${a.titre}` : a.type, a.themes.join(', ') || '—', orDash(a.demarche), a.aidant, a.dureeMinutes])}
        />
      )}
      <h2>Mandats</h2>
      {d.mandats.length === 0 ? (
        <p>Aucun mandat.</p>
      ) : (
        d.mandats.map((m, i) => (
          <section aria-labelledby={`mandat-${i}`}>
            <h3 id={`mandat-${i}`}>
              Mandat {i + 1} : {m.categories.join(', ')} ({m.etat})
            </h3>
            <p>{m.consentement.texte}</p>
            <p>
              Accord : {m.consentement.maniere}
              {m.consentement.papierSigne ? ` (${m.consentement.papierSigne})` : ''}.
            </p>
            {m.utilisations.length === 0 ? (
              <p>Jamais utilisé.</p>
            ) : (
              <ul>
                {m.utilisations.map((u) => (
                  <li>
                    {u.le} — {u.categorie} : {u.demarche} ({u.par})
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))
      )}
      <p>{d.motsDePasse}</p>
      <h2>Qui a lu ou changé la fiche</h2>
      {d.historiqueDeLaFiche.length === 0 ? (
        <p>Rien pour l’instant.</p>
      ) : (
        <Table caption="Historique de la fiche" captionHidden head={['Quand', 'Qui', 'Quoi']} rows={d.historiqueDeLaFiche.map((e) => [e.le.slice(0, 16).replace('T', ' '), e.par, e.quoi])} />
      )}
      <p>
        <a href={`/beneficiaires/${props.id}`}>Revenir à la fiche</a>
      </p>
    </>
  );
}
