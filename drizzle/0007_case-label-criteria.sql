-- The Case numérique label's first checklist, as the government's digital unit drafted it. Coordinators change it
-- from /label/criteres; a criterion is retired there, never deleted.
INSERT INTO "label_criteria" ("id", "title", "description", "position", "active") VALUES
('01a200cb-1ba5-725e-8af6-bd7b7630c158', 'Horaires d’ouverture publiés et respectés', 'Les horaires sont affichés à l’entrée et en ligne, et le lieu est ouvert aux heures annoncées. Joignez une photo de l’affichage ou décrivez où les horaires sont publiés.', 10, true),
('01a200cb-1ba7-77f3-b8d5-897daa672014', 'Animateur numérique formé', 'Au moins une personne formée à la médiation numérique accueille le public (Conseiller numérique, Pass numérique, formation de la cellule numérique…). Joignez l’attestation de formation.', 20, true),
('01a200cb-1ba7-77f3-b8d5-8eb60babcc37', 'Équipement minimum : postes, wifi, impression', 'Au moins deux postes en libre accès, un wifi gratuit pour le public, et une imprimante avec scanner. Dites combien de postes et ce qui est disponible.', 30, true),
('01a200cb-1ba7-77f3-b8d5-9149e10e900b', 'Accessibilité du lieu', 'Entrée de plain-pied ou rampe, aide pour les personnes en situation de handicap (loupe, grand écran, documents faciles à lire). Décrivez ce qui existe et ce qui est prévu.', 40, true),
('01a200cb-1ba7-77f3-b8d5-9426f8e863ca', 'Programme d’ateliers', 'Un programme d’ateliers collectifs au moins une fois par mois (premiers pas, démarches en ligne, sécurité…). Joignez le programme des trois prochains mois.', 50, true),
('01a200cb-1ba7-77f3-b8d5-99f3f3be2272', 'Accueil gratuit des publics éloignés du numérique', 'L’accompagnement est gratuit pour les personnes qui ont des difficultés avec le numérique, sans condition. Décrivez comment vous les accueillez et comment ils vous connaissent.', 60, true)
ON CONFLICT ("id") DO NOTHING;
