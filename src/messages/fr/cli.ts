export const cli: Record<string, string> = {
  'cli/usage': 'Ligne de commande invalide : {detail}\nConsultez « segur --help ».',
  'cli/unknown-command': 'Commande inconnue « {name} ». Consultez « segur --help » pour la liste des commandes.',
  'cli/unknown-command-suggestion': 'Commande inconnue « {name} » : vouliez-vous dire « {suggestion} » ? Consultez « segur --help » pour la liste des commandes.',
  'cli/unknown-option': 'Option inconnue « {name} ». Consultez « segur --help » ou l’aide de la commande.',
  'cli/unknown-option-suggestion': 'Option inconnue « {name} » : vouliez-vous dire « {suggestion} » ? Consultez l’aide de la commande (--help).',
  'cli/missing-argument': 'Argument manquant « {name} ». Consultez l’aide de la commande (--help).',
  'cli/option-missing-value': 'L’option « {name} » attend une valeur.',
  'cli/missing-option': 'Option obligatoire « {name} » absente : « {command} » ne peut pas s’en passer. Consultez « {command} --help ».',
  'cli/excess-arguments':
    'Trop d’arguments pour « {command} » ({expected, plural, one {# attendu} other {# attendus}}) : « {extra} » en trop. Un chemin avec des espaces s’écrit entre guillemets.',
  'cli/internal':
    'Erreur interne inattendue : {detail}\nRelancez avec --debug pour voir la pile d’appels, et signalez-la avec la commande lancée.',
  'cli/bad-lang': 'Langue « {value} » inconnue pour --lang : utilisez fr ou en.',
  'cli/bad-lang-env': 'Langue « {value} » inconnue dans la variable SEGUR_LANG : utilisez fr ou en.',
  'cli/bad-date':
    'Date « {value} » invalide pour --date : donnez une date ISO 8601 qui existe, par exemple 2026-03-14 ou 2026-03-14T09:30:00Z.',
  'cli/bad-source-date-epoch':
    'SOURCE_DATE_EPOCH vaut « {value} » : ce doit être un nombre entier de secondes depuis le 1er janvier 1970 (par exemple $(git log -1 --format=%ct)). Corrigez la variable ou retirez-la.',
  'cli/bad-csv-separator': 'Séparateur CSV « {value} » inconnu : utilisez « ; », « , » ou tab.',
  'cli/bad-fail-level': 'Niveau « {value} » inconnu pour --fail-level : utilisez error ou warning.',
  'cli/bad-max-warnings': 'Valeur « {value} » invalide pour --max-warnings : donnez un nombre entier positif ou nul.',
  'cli/output-format-unknown':
    'Impossible de déduire le format de {file} de son extension : ajoutez --format (par exemple --format json -o {file}).',
  'cli/output-ambiguous':
    '-o/--output {file} ne peut désigner le fichier que d’un seul format donné sans fichier (--format json -o {file}) ; pour plusieurs sorties, écrivez --format FORMAT:FICHIER pour chacune.',
  'io/output-not-writable':
    'Impossible d’écrire le fichier de sortie {file} : {reason}\nVérifiez que le dossier existe et que vous avez le droit d’y écrire.',
  'io/input-unreadable': 'Impossible de lire {file} : {reason}',
};
