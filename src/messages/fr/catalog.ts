// Catalog import and store (`segur catalog …`, and any command reading a CATALOG).
export const catalog: Record<string, string> = {
  'catalog/not-a-zip':
    '{file} n’est pas un classeur Excel (.xlsx) : ce n’est pas une archive zip (un CSV ou un texte renommé en .xlsx ?). Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx.',
  'catalog/ole-container':
    '{file} est un conteneur OLE : un ancien classeur .xls ou un classeur .xlsx chiffré par mot de passe. Ouvrez-le dans Excel ou LibreOffice, retirez le mot de passe s’il y en a un et enregistrez-le au format .xlsx.',
  'catalog/empty-file': '{file} est vide : ce n’est pas un classeur .xlsx.',
  'catalog/encrypted': '{file} contient des parties chiffrées : retirez le chiffrement et enregistrez-le au format .xlsx.',
  'catalog/zip-unreadable': 'Archive {file} illisible (détail technique : {reason}). Le fichier est peut-être tronqué ou corrompu ; ré-enregistrez-le au format .xlsx.',
  'catalog/zip-truncated': 'Archive {file} tronquée : la fin de l’archive zip manque (téléchargement ou copie interrompu ?). Récupérez le fichier complet ou ré-enregistrez-le au format .xlsx.',
  'catalog/zip-corrupt': 'Archive {file} corrompue : sa structure zip (en-têtes, répertoire central) est invalide. Ré-enregistrez le classeur au format .xlsx depuis Excel ou LibreOffice.',
  'catalog/zip-entry-corrupt': 'Archive {file} corrompue : l’entrée « {entry} » ne se décompresse pas. Ré-enregistrez le classeur au format .xlsx depuis Excel ou LibreOffice.',
  'catalog/zip-unsupported': 'Archive {file} illisible : elle utilise une fonction zip non prise en charge (méthode de compression, archive en plusieurs volumes ou chiffrement fort). Ré-enregistrez le classeur au format .xlsx depuis Excel ou LibreOffice.',
  'catalog/zip-crc-mismatch': 'Archive {file} refusée : le contenu de l’entrée « {entry} » ne correspond pas à sa somme de contrôle CRC-32 (fichier altéré ou corrompu).',
  'catalog/zip-name-mismatch': 'Archive {file} refusée : l’entrée « {entry} » du répertoire central porte le nom « {localName} » dans son en-tête local ; deux outils n’y liraient pas le même fichier.',
  'catalog/zip-unsafe-name': 'Archive {file} refusée : l’entrée « {entry} » a un chemin absolu ou qui sort de l’archive (« .. »), jamais présent dans un classeur Excel.',
  'catalog/zip-name-encoding': 'Archive {file} refusée : le nom d’une entrée, déclaré en UTF-8, contient un octet invalide en UTF-8 (0x{byte}, octet n° {offset} du nom, après « {entry} »).',
  'catalog/zip-duplicate-entry': 'Archive {file} refusée : deux entrées portent le même nom « {entry} » (à la casse ou à la normalisation Unicode près) ; les outils n’en extraient pas tous la même copie.',
  'catalog/zip-too-many-entries':
    '{file} refusé : l’archive déclare {count} éléments (maximum {max}). Un classeur REM n’en a que quelques dizaines : ce fichier n’est pas un REM (bombe zip ?).',
  'catalog/zip-too-large':
    '{file} refusé avant décompression : l’archive déclare plus de {maxMb} Mo une fois décompressée (bombe zip ?). Si le classeur est légitime, relancez avec --max-uncompressed-mb <Mo>.',
  'catalog/xml-too-large':
    '{file} refusé avant décompression : les parties XML à lire (feuilles, textes partagés…) dépassent {maxMb} Mo une fois décompressées (à la partie {part}). Un REM n’en a que quelques Mo ; si le classeur est légitime, relancez avec --max-uncompressed-mb <Mo>.',
  'catalog/not-a-workbook': '{file} est une archive zip mais pas un classeur Excel (pas de xl/workbook.xml). Enregistrez le REM au format .xlsx.',
  'catalog/xml-doctype':
    '{file} refusé : la partie {part} contient une déclaration DOCTYPE (entités XML), jamais présente dans un classeur Excel. Le fichier n’a pas été lu plus loin ; ré-enregistrez-le depuis Excel ou LibreOffice.',
  'catalog/xml-invalid': '{file} : XML invalide dans la partie {part}, ligne {line}, colonne {column} ({detail}). Ré-enregistrez le classeur depuis Excel ou LibreOffice.',
  'catalog/part-invalid-bytes':
    '{file} : la partie {part} contient un octet invalide en {encoding}, ligne {line}, colonne {column} (octet n° {offset}). Le classeur n’a pas été lu (aucun caractère remplacé) ; ré-enregistrez-le depuis Excel ou LibreOffice.',
  'catalog/part-unknown-encoding': '{file} : la partie {part} déclare l’encodage « {encoding} », non pris en charge (UTF-8, UTF-16, ISO-8859-1, ISO-8859-15, windows-1252). Ré-enregistrez le classeur depuis Excel ou LibreOffice.',
  'catalog/limit-cells':
    '{file} refusé : la lecture de la feuille « {sheet} » dépasse {max} cellules (cellules fusionnées recopiées comprises). Un REM en compte bien moins : ce classeur n’est pas un REM, ou ses plages fusionnées se recouvrent.',
  'catalog/limit-rows': '{file} refusé : la feuille « {sheet} » a plus de {max} lignes remplies. Un REM en compte bien moins : ce classeur n’est pas un REM.',
  'catalog/limit-merged-ranges': '{file} refusé : la feuille « {sheet} » déclare plus de {max} plages de cellules fusionnées. Un REM en compte bien moins : ce classeur n’est pas un REM.',
  'catalog/limit-column-ranges': '{file} refusé : la feuille « {sheet} » déclare plus de {max} plages de colonnes (Excel n’a que 16 384 colonnes).',
  'catalog/limit-cell-text':
    '{file} refusé : la cellule {cell} de la feuille « {sheet} » dépasse {max} caractères, la limite d’Excel pour une cellule. Ce classeur n’a pas été écrit par Excel ; ré-enregistrez-le depuis Excel ou LibreOffice.',
  'catalog/limit-shared-string-text':
    '{file} refusé : le texte partagé n° {index} de {part} dépasse {max} caractères, la limite d’Excel pour une cellule. Ce classeur n’a pas été écrit par Excel ; ré-enregistrez-le depuis Excel ou LibreOffice.',
  'catalog/limit-shared-strings': '{file} refusé : la partie {part} déclare plus de {max} textes partagés. Un REM en compte bien moins : ce classeur n’est pas un REM.',
  'catalog/limit-requirements':
    '{file}, feuille « {sheet} », ligne {row} : plus de {max} exigences. Un REM publié en compte quelques centaines : ce classeur n’est pas un REM (ou la colonne d’identifiant n’est pas la bonne).',
  'catalog/limit-scenarios':
    '{file}, feuille « {sheet} », ligne {row} : plus de {max} scénarios. Un REM publié en compte bien moins : ce classeur n’est pas un REM (ou la colonne « N° scénario » n’est pas la bonne).',
  'catalog/limit-proofs':
    '{file}, feuille « {sheet} », ligne {row} : plus de {max} preuves. Un REM publié en compte bien moins : ce classeur n’est pas un REM (ou les colonnes « N° preuve » ne sont pas les bonnes).',
  'catalog/limit-text':
    '{file}, feuille « {sheet} », ligne {row} : les textes du catalogue (énoncés, scénarios, preuves…) dépassent {max} caractères au total. Un REM publié en compte bien moins : ce classeur n’est pas un REM (un long texte partagé répété sur des milliers de lignes ?).',
  'catalog/file-limit-requirements': 'Catalogue {file} refusé : plus de {max} exigences. Un REM publié en compte quelques centaines ; régénérez le catalogue avec « segur catalog import ».',
  'catalog/file-limit-scenarios': 'Catalogue {file} refusé : plus de {max} scénarios. Un REM publié en compte bien moins ; régénérez le catalogue avec « segur catalog import ».',
  'catalog/file-limit-proofs': 'Catalogue {file} refusé : plus de {max} preuves. Un REM publié en compte bien moins ; régénérez le catalogue avec « segur catalog import ».',
  'catalog/file-limit-text':
    'Catalogue {file} refusé : ses textes (identifiants, énoncés, scénarios, preuves…, chaque alias YAML compté autant de fois qu’il est utilisé) dépassent {max} caractères au total. Un REM publié en compte bien moins ; régénérez le catalogue avec « segur catalog import ».',
  'catalog/yaml-too-large':
    '{file} : le catalogue ferait {size} octets de YAML, au-delà des {max} octets que segur relit ; il n’a pas été écrit. Un REM publié en fait bien moins : ce classeur n’est pas un REM.',
  'catalog/no-header':
    'Aucune feuille de {file} n’a d’en-tête de REM reconnaissable (il faut au moins une colonne d’identifiant, « ID » ou « N° exigence », et une colonne d’énoncé, « Exigence »). En-têtes vus (première ligne non vide de chaque feuille) :\n{seen}\nPour une mise en page inconnue, décrivez les colonnes dans un fichier passé à --columns (voir « segur catalog import --help »).',
  'catalog/sheet-not-found': 'La feuille « {sheet} » n’existe pas dans {file}. Feuilles présentes : {sheets}.',
  'catalog/columns-syntax': 'Fichier de correspondance des colonnes {file} illisible (ligne {line}) : {detail}.',
  'catalog/columns-invalid':
    'Fichier de correspondance des colonnes {file} invalide : « {path} » : {detail}.\nFormat attendu : « columns: » suivi de lignes « En-tête du classeur: champ » (champs : id, statement, chapter, function, scenarioId, scenario, proofId1, proof1…, ignore).',
  'catalog/row-without-id':
    '{file}, feuille « {sheet} », ligne {row} : un numéro de scénario ou de preuve sans identifiant d’exigence. Renseignez l’ID de l’exigence sur cette ligne (ou fusionnez la cellule avec celle du dessus).',
  'catalog/conflicting-requirement':
    '{file}, feuille « {sheet} » : l’exigence {id} a deux valeurs différentes dans la colonne « {column} », ligne {firstRow} et ligne {row}. Corrigez le classeur pour que toutes les lignes de l’exigence concordent.',
  'catalog/conflicting-scenario':
    '{file}, feuille « {sheet} » : le scénario {scenario} a deux textes différents, ligne {firstRow} et ligne {row}. Corrigez le classeur pour qu’ils concordent.',
  'catalog/conflicting-proof':
    '{file}, feuille « {sheet} » : la preuve {proof} a deux textes différents, ligne {firstRow} et ligne {row}. Corrigez le classeur pour qu’ils concordent.',
  'catalog/proof-without-scenario':
    '{file}, feuille « {sheet} », ligne {row} : la preuve {proof} n’est rattachée à aucun scénario (colonne « N° scénario » vide). Renseignez le numéro du scénario sur cette ligne.',
  'catalog/bad-nature':
    '{file}, feuille « {sheet} », ligne {row} : nature d’exigence « {value} » inconnue (attendu EXIGENCE ou PRECONISATION). Les colonnes de cette ligne sont peut-être décalées.',
  'catalog/bad-conditional':
    '{file}, feuille « {sheet} », ligne {row} : valeur « {value} » inattendue pour « Exigence conditionnelle » (attendu OUI, NON ou vide).',
  'catalog/no-requirements': '{file}, feuille « {sheet} » : aucune exigence sous l’en-tête de la ligne {row}.',
  'catalog/not-a-catalog-file':
    '« {ref} » n’est pas un catalogue REM : donnez un identifiant de rem-catalogs/ (segur catalog list), un catalogue .yaml ou .json, ou un classeur REM .xlsx.',
  'catalog/import-would-replace':
    '{file} existe déjà et vient d’un autre classeur : deux REM portent le même nom de fichier. Choisissez un autre fichier avec --out, ou remplacez ce catalogue avec --force.',
  'catalog/unknown-id':
    'Catalogue « {id} » introuvable : cherché dans {local} (le dossier courant), puis {bundled} (celui de segur). Catalogues disponibles : {available}. Importez le REM avec « segur catalog import REM.xlsx » depuis le dossier où vous lancez segur, ou donnez le chemin d’un fichier .yaml, .json ou .xlsx.',
  'catalog/yaml-too-many-entries': '{file}, ligne {line} : plus de {max} clés et éléments de liste. Le catalogue d’un REM de 2 000 lignes en compte environ 30 000, une correspondance de colonnes quelques dizaines : ce fichier n’est ni l’un ni l’autre.',
  'catalog/yaml-large-not-plain': '{file}, ligne {line} : ce catalogue de plus de {max} caractères sort ici du YAML simple (ancre, alias, étiquette, clé répétée ou qui n’est pas un texte, second document, tabulation en début de ligne, caractère de contrôle, texte entre guillemets sur plusieurs lignes, erreur de syntaxe). Un catalogue de cette taille doit être celui qu’écrit « segur catalog import » : régénérez-le, ou corrigez cette ligne.',
  'catalog/yaml-too-deep': '{file}, ligne {line} : plus de {max} niveaux d’imbrication. Un catalogue ou une correspondance de colonnes n’en a que quelques-uns : ce fichier n’en est pas un.',
  'catalog/yaml-multiple-documents': '{file}, ligne {line} : un second document YAML (« --- ») commence ici ; le fichier ne doit en contenir qu’un.',
  'catalog/file-syntax': 'Catalogue {file} illisible (ligne {line}) : {detail}. Régénérez-le avec « segur catalog import ».',
  'catalog/file-invalid':
    'Catalogue {file} invalide : champ « {path} » : {detail}. Régénérez-le avec « segur catalog import ».',
  'catalog/bad-show-format': 'Format « {value} » inconnu pour catalog show : utilisez tty ou json.',
  'catalog/bad-max-uncompressed': 'Valeur « {value} » invalide pour --max-uncompressed-mb : donnez un nombre de Mo positif.',

  'catalog/imported': 'Catalogue {id} écrit dans {file} : {requirements, plural, one {# exigence} other {# exigences}}, {scenarios, plural, one {# scénario} other {# scénarios}}, {proofs, plural, one {# preuve} other {# preuves}}.',
  'catalog/explain-sheet': 'Feuille « {sheet} », en-tête en ligne {row}.',
  'catalog/explain-sheet-hidden-forced': '  Cette feuille est {state} dans Excel : lue parce que --sheet (ou « sheet: » de --columns) la désigne.',
  'catalog/explain-sheet-hidden-fallback': '  Cette feuille est {state} dans Excel : lue parce qu’aucune feuille visible n’a d’en-tête de REM.',
  'catalog/explain-state-hidden': 'masquée',
  'catalog/explain-state-veryHidden': 'très masquée',
  'catalog/explain-state-visible': 'visible',
  'catalog/explain-hidden-sheets-skipped': 'Feuilles masquées ignorées (une feuille visible a un en-tête de REM ; --sheet pour en lire une) : {sheets}.',
  'catalog/explain-column-hidden': ' [colonne masquée dans Excel]',
  'catalog/explain-columns': 'Colonnes lues :',
  'catalog/explain-column': '  {column} → {field}',
  'catalog/explain-ignored': 'Colonnes ignorées :',
  'catalog/explain-ignored-reviewer': '  {column} (colonne de relecture ANS)',
  'catalog/explain-ignored-unused': '  {column} (non reprise dans le catalogue)',
  'catalog/explain-ignored-unknown': '  {column} (en-tête inconnu ; --columns pour l’utiliser)',
  'catalog/explain-ignored-duplicate': '  {column} (doublon d’une colonne déjà lue)',
  'catalog/explain-ignored-mapped-ignore': '  {column} (ignorée par --columns)',
  'catalog/explain-assumptions': 'Hypothèses :',
  'catalog/explain-nature-absent': '  pas de colonne « Nature de l’exigence » : toutes les exigences sont supposées de nature EXIGENCE.',
  'catalog/explain-nature-empty': '  {count, plural, one {# exigence sans nature renseignée : supposée} other {# exigences sans nature renseignée : supposées}} de nature EXIGENCE.',
  'catalog/explain-proof-text-without-number': '  {count, plural, one {# texte de preuve sans « N° preuve » ignoré} other {# textes de preuve sans « N° preuve » ignorés}} (cases de gabarit).',
  'catalog/explain-scenario-text-without-number': '  {count, plural, one {# texte de scénario sans « N° scénario » ignoré} other {# textes de scénario sans « N° scénario » ignorés}}.',
  'catalog/explain-rows-skipped': '  {count, plural, one {# ligne sans identifiant d’exigence ignorée} other {# lignes sans identifiant d’exigence ignorées}}.',
  'catalog/explain-hidden-rows':
    '  {count} ligne(s) masquée(s) dans Excel (filtre, groupe replié ou masquage manuel) lue(s) comme les autres : {rows}. Supprimez-les du classeur si elles ne font pas partie du REM.',
  'catalog/explain-control-characters':
    '  {count} cellule(s) contenaient des caractères de contrôle (saut de ligne manuel de Word, caractères invisibles collés) : remplacés par des sauts de ligne ou des espaces.',
  'catalog/explain-map-unmatched': '  entrées de --columns sans colonne correspondante dans l’en-tête : {headers}.',
  'catalog/explain-counts': 'Résultat : {requirements, plural, one {# exigence} other {# exigences}}, {scenarios, plural, one {# scénario} other {# scénarios}}, {proofs, plural, one {# preuve} other {# preuves}} ({rows, plural, one {# ligne lue} other {# lignes lues}}).',

  'catalog/list-empty': 'Aucun catalogue dans rem-catalogs/. Importez un REM avec « segur catalog import REM.xlsx ».',
  'catalog/list-line': '{id}  {requirements, plural, one {# exigence} other {# exigences}}, {scenarios, plural, one {# scénario} other {# scénarios}}, {proofs, plural, one {# preuve} other {# preuves}}  {title}  ({origin})',
  'catalog/list-problem': '{id}  illisible : {problem}',
  'catalog/list-origin-local': 'rem-catalogs/',
  'catalog/list-origin-bundled': 'fourni avec segur',
  'catalog/show-header': '{title} ({id}) — source {file}, feuille « {sheet} »',
  'catalog/show-profiles': 'Profils : {profiles}',
  'catalog/show-counts': '{requirements, plural, one {# exigence} other {# exigences}}, {scenarios, plural, one {# scénario} other {# scénarios}}, {proofs, plural, one {# preuve} other {# preuves}}{profile}',
  'catalog/show-profile': ' pour le profil {profile}',
  'catalog/show-requirement': '{id}  [{nature}{conditional}]  {chapter} — {function}',
  'catalog/show-conditional': ', conditionnelle',
  'catalog/show-scenario': '  {id}  {text}',
  'catalog/show-proof': '    {id}  {text}',
};
