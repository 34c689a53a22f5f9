// Manifest, bundle, `segur init` and `segur check` run messages (exit 2 errors and terminal report words).
const where = '{file}, ligne {line}, colonne {column}';

export const bundle: Record<string, string> = {
  'manifest/not-found':
    'Aucun manifeste {file} : « {dir} » n’est pas un dossier de preuves. Créez-le avec « segur init {dir} --rem CATALOGUE ».',
  'manifest/other-name':
    'Aucun manifeste {file}, mais il y a {found} : segur ne lit que le nom segur.yaml. Renommez {name} en segur.yaml (son contenu peut rester tel quel : YAML, ou JSON, qui est du YAML valide).',
  'manifest/unreadable': 'Impossible de lire le manifeste {file} : {reason}',
  'manifest/outside-bundle': 'Le manifeste {file} est un lien vers un fichier hors du dossier de preuves : refusé (le manifeste fait partie du dossier déposé).',
  'manifest/too-many-entries': 'Le manifeste {file} compte plus de {max} clés et éléments de liste ({count} lus) : ce n’est pas un manifeste réaliste, refusé avant tout contrôle.',
  'manifest/large-not-plain': '{file}, ligne {line}, colonne {column} : ce manifeste de plus de {max} caractères sort ici du YAML simple (ancre, alias, étiquette, clé répétée ou qui n’est pas un texte, second document, tabulation en début de ligne, caractère de contrôle, texte entre guillemets sur plusieurs lignes, erreur de syntaxe). Un manifeste de cette taille doit rester du YAML simple, comme celui qu’écrit « segur init » : corrigez cette ligne.',
  'manifest/too-deep': '{file}, ligne {line}, colonne {column} : plus de {max} niveaux d’imbrication ; un manifeste en a cinq : ce fichier n’en est pas un.',
  'manifest/multiple-documents': '{file}, ligne {line} : un second document YAML (après « --- ») ; un manifeste n’en contient qu’un.',
  'bundle/too-many-files': 'Le dossier de preuves rattache plus de {max} fichiers aux preuves (au moins {count}) : un REM en demande quelques centaines ; contrôle refusé avant toute lecture.',
  'manifest/too-large': 'Le manifeste {file} fait {size} octets (maximum {max}) : ce n’est pas un manifeste segur.yaml.',
  'manifest/yaml-syntax': `${where} : YAML invalide ({detail}). Corrigez la syntaxe (indentation, deux-points, guillemets).`,
  'manifest/yaml-tag': `${where} : {field} porte l’étiquette YAML « {tag} » : ce fichier ne contient que du texte, des nombres, des listes et des dictionnaires. Retirez l’étiquette (par exemple « status: conforme »).`,
  'manifest/reserved-key': `${where} : la clé « {key} » est réservée (JavaScript la perdrait au chargement) : ce n’est pas un identifiant du REM.`,
  'manifest/duplicate-key': `${where} : la clé « {key} » apparaît deux fois au même niveau. Regroupez ses deux entrées.`,
  'manifest/not-a-mapping': '{file} : le manifeste doit être un dictionnaire (clés schema, rem, profile, requirements…).',
  'manifest/unknown-key': `${where} : clé « {key} » inconnue dans {field}. Clés permises : {allowed}.`,
  'manifest/unknown-key-suggestion': `${where} : clé « {key} » inconnue dans {field} : vouliez-vous dire « {suggestion} » ? Clés permises : {allowed}.`,
  'manifest/missing-field': `${where} : champ obligatoire « {key} » absent dans {field}.`,
  'manifest/expected-text': `${where} : {field} doit être un texte.`,
  'manifest/expected-text-quote': `${where} : {field} doit être un texte, or YAML lit {written} comme un nombre ou un booléen. Écrivez-le entre guillemets : "{written}".`,
  'manifest/expected-mapping': `${where} : {field} doit être un dictionnaire (clé: valeur).`,
  'manifest/expected-list': `${where} : {field} doit être une liste (lignes « - path: … »).`,
  'manifest/expected-number': `${where} : {field} doit être un nombre.`,
  'manifest/expected-boolean': `${where} : {field} doit valoir true ou false.`,
  'manifest/expected-text-or-list': `${where} : {field} doit être un texte ou une liste de textes.`,
  'manifest/wrong-type': `${where} : {field} n’a pas le bon type (attendu : {expected}).`,
  'manifest/bad-value': `${where} : {field} vaut « {value} » ; valeurs permises : {allowed}.`,
  'manifest/bad-sha256': `${where} : {field} doit être une empreinte SHA-256 (64 caractères hexadécimaux).`,
  'manifest/empty-value': `${where} : {field} ne doit pas être vide.`,
  'manifest/bad-profile': `${where} : {field} doit être un nom de profil ou une liste de noms de profils.`,
  'manifest/invalid': `${where} : {field} est invalide ({detail}).`,
  'manifest/no-rem':
    '{file} : aucun catalogue REM indiqué. Ajoutez « rem: IDENTIFIANT_OU_FICHIER » au manifeste, ou passez --rem CATALOGUE.',
  'manifest/unknown-profile': 'Profil « {profile} » absent du catalogue {catalog}. Profils disponibles : {available}.',
  'bundle/not-a-directory': 'Le dossier de preuves « {dir} » est introuvable ou n’est pas un dossier ({reason}).',
  'init/manifest-exists':
    '{file} existe déjà : segur init ne remplace jamais un manifeste. Modifiez-le, ou supprimez-le pour repartir de zéro.',
  'init/manifest-reserved-key':
    'Le manifeste {file} aurait une clé « {key} », que « segur check » refuse (un identifiant d’exigence ou de preuve du catalogue) : rien n’a été écrit. Corrigez le catalogue.',
  'init/manifest-too-large':
    'Le manifeste {file} ferait {size} octets, au-delà des {max} octets que « segur check » accepte : rien n’a été écrit. Limitez-le à un profil (--profile) ; un REM publié donne un manifeste bien plus petit.',
  'init/manifest-too-many-entries':
    'Le manifeste {file} compterait {count} clés et éléments de liste, au-delà des {max} que « segur check » accepte : rien n’a été écrit. Limitez-le à un profil (--profile) ; un REM publié en donne bien moins.',
  'init/not-writable': 'Impossible de créer le dossier de preuves {dir} : {reason}',
  'init/done':
    'Manifeste {file} créé : {requirements, plural, one {# exigence} other {# exigences}} du profil {profiles}, {folders, plural, one {# dossier de preuves} other {# dossiers de preuves}}.',
  'check/unknown-format': 'Format de rapport « {format} » inconnu. Formats disponibles : {available}.',
  'check/binary-format-needs-path': 'Le format {format} est binaire : donnez un fichier, par exemple --format {format}:rapport.{format}.',
  'check/stdout-taken': 'Un seul format peut s’écrire sur la sortie standard ; donnez un fichier aux autres (--format FORMAT:FICHIER).',
  'check/format-empty-path': '--format {format}: sans nom de fichier après les deux-points : donnez-en un (--format {format}:rapport.{format}), ou retirez les deux-points pour écrire sur la sortie standard.',
  'check/same-output-twice': 'Deux formats demandés dans le même fichier {file} : le second écraserait le premier. Donnez un fichier à chacun.',
  'check/output-inside-bundle':
    'Le rapport {file} serait écrit dans le dossier de preuves {dir}, qui n’est jamais modifié : choisissez un fichier hors de ce dossier.',
  'check/progress': 'Contrôle des preuves : {done}/{total} fichiers',
  'tty/title': 'Dossier {bundle} — REM {catalog} ({profiles})',
  'tty/summary':
    'Exigences : {requirements} — conforme : {conforme} · non conforme : {nonConforme} · incomplet : {incomplet} · non applicable : {nonApplicable} — erreurs : {errors} · avertissements : {warnings}',
  'tty/bundle-findings': 'Manifeste et dossier',
  'tty/verdict-conforme': 'conforme',
  'tty/verdict-non-conforme': 'non conforme',
  'tty/verdict-incomplet': 'incomplet',
  'tty/verdict-non-applicable': 'non applicable',
  'tty/preconisation': 'préconisation',
};
