CREATE TYPE "public"."place_access_mode" AS ENUM('se_presenter', 'telephoner', 'contacter_par_mail', 'rdv_en_ligne', 'pas_de_public', 'mail_prescription');--> statement-breakpoint
CREATE TYPE "public"."place_accessibility_feature" AS ENUM('entree_plain_pied', 'toilettes_accessibles', 'stationnement_reserve', 'boucle_magnetique', 'loupe_grand_ecran', 'lecteur_ecran', 'personnel_langue_signes', 'documents_falc');--> statement-breakpoint
CREATE TYPE "public"."place_equipment_feature" AS ENUM('wifi', 'impression', 'numerisation');--> statement-breakpoint
CREATE TYPE "public"."place_fee" AS ENUM('gratuit', 'gratuit_sous_condition', 'payant');--> statement-breakpoint
CREATE TYPE "public"."place_itinerance" AS ENUM('itinerant', 'fixe');--> statement-breakpoint
CREATE TYPE "public"."place_language" AS ENUM('francais', 'anglais', 'drehu', 'nengone', 'iaai', 'paici', 'ajie', 'xaracuu', 'wallisien', 'futunien', 'tahitien', 'bichelamar', 'vietnamien', 'indonesien');--> statement-breakpoint
CREATE TYPE "public"."place_national_scheme" AS ENUM('aidants_connect', 'bibliotheques_numerique_reference', 'certification_pix', 'conseillers_numeriques', 'emmaus_connect', 'france_services', 'grande_ecole_numerique', 'croix_rouge', 'point_acces_caf', 'promeneurs_du_net', 'relais_numerique_emmaus');--> statement-breakpoint
CREATE TYPE "public"."place_public" AS ENUM('jeunes', 'etudiants', 'familles_enfants', 'seniors', 'femmes');--> statement-breakpoint
CREATE TYPE "public"."place_service" AS ENUM('aide_demarches', 'outils_quotidien', 'insertion_professionnelle', 'usage_securise', 'parentalite_education', 'loisirs_creations', 'comprehension_monde', 'acces_internet_materiel', 'materiel_prix_solidaire');--> statement-breakpoint
CREATE TYPE "public"."place_specific_support" AS ENUM('surdite', 'handicaps_moteurs', 'handicaps_mentaux', 'illettrisme', 'langues_anglais', 'langues_autres', 'deficience_visuelle');--> statement-breakpoint
CREATE TYPE "public"."place_support_mode" AS ENUM('en_autonomie', 'accompagnement_individuel', 'atelier_collectif', 'a_distance');--> statement-breakpoint
CREATE TYPE "public"."place_training_label" AS ENUM('mon_espace_sante', 'duplex', 'arnia_mednum_bfc', 'collectif_reemploi_normandie', 'etapes_numeriques', 'fabriques_territoire', 'eclaireurs_numerique', 'mes_papiers', 'ordi_3_0', 'sud_labs');--> statement-breakpoint
CREATE TYPE "public"."place_typology" AS ENUM('ASSO', 'BIB', 'CCAS', 'CCONS', 'MQ', 'MUNI', 'OF', 'PIJ_BIJ', 'TIERS_LIEUX', 'DEPT', 'LA_POSTE', 'ENTREPRISE', 'AUTRE');--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"ridet" text,
	"commune_code" text NOT NULL,
	"province" "province" NOT NULL,
	"postcode" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"address_complement" text,
	"locality" text,
	"latitude" double precision,
	"longitude" double precision,
	"typologies" "place_typology"[] DEFAULT '{}' NOT NULL,
	"phone" text,
	"emails" text[] DEFAULT '{}' NOT NULL,
	"websites" text[] DEFAULT '{}' NOT NULL,
	"opening_hours" text,
	"opening_hours_text" text,
	"summary" text,
	"description" text,
	"source" text,
	"itinerance" "place_itinerance"[] DEFAULT '{}' NOT NULL,
	"parent_structure" text,
	"services" "place_service"[] DEFAULT '{}' NOT NULL,
	"publics" "place_public"[] DEFAULT '{}' NOT NULL,
	"specific_supports" "place_specific_support"[] DEFAULT '{}' NOT NULL,
	"fees" "place_fee"[] DEFAULT '{}' NOT NULL,
	"national_schemes" "place_national_scheme"[] DEFAULT '{}' NOT NULL,
	"training_labels" "place_training_label"[] DEFAULT '{}' NOT NULL,
	"other_labels" text[] DEFAULT '{}' NOT NULL,
	"access_modes" "place_access_mode"[] DEFAULT '{}' NOT NULL,
	"support_modes" "place_support_mode"[] DEFAULT '{}' NOT NULL,
	"acceslibre_url" text,
	"appointment_url" text,
	"is_advice_counter" boolean DEFAULT false NOT NULL,
	"fixed_computers" integer,
	"laptops" integer,
	"tablets" integer,
	"equipment" "place_equipment_feature"[] DEFAULT '{}' NOT NULL,
	"capacity" integer,
	"transport_lines" text,
	"languages" "place_language"[] DEFAULT '{}' NOT NULL,
	"accessibility" "place_accessibility_feature"[] DEFAULT '{}' NOT NULL,
	"managed_by" uuid,
	"unmapped" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"import_key" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"merged_into" uuid
);
--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_managed_by_organisations_id_fk" FOREIGN KEY ("managed_by") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "places_import_key_unique" ON "places" USING btree ("import_key");--> statement-breakpoint
CREATE INDEX "places_commune_idx" ON "places" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "places_province_idx" ON "places" USING btree ("province");--> statement-breakpoint
CREATE INDEX "places_managed_by_idx" ON "places" USING btree ("managed_by");