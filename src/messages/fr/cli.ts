export const cli: Record<string, string> = {
  'cli/usage': 'Ligne de commande invalide : {detail}\nConsultez « segur --help ».',
  'cli/unknown-command': 'Commande inconnue « {name} ». Consultez « segur --help » pour la liste des commandes.',
  'cli/unknown-option': 'Option inconnue « {name} ». Consultez « segur --help » ou l’aide de la commande.',
  'cli/missing-argument': 'Argument manquant « {name} ». Consultez l’aide de la commande (--help).',
  'cli/option-missing-value': 'L’option « {name} » attend une valeur.',
  'cli/excess-arguments': 'Trop d’arguments : {detail}',
  'cli/internal':
    'Erreur interne inattendue : {detail}\nRelancez avec --debug pour voir la pile d’appels, et signalez-la avec la commande lancée.',
  'cli/bad-lang': 'Langue « {value} » inconnue : utilisez fr ou en.',
  'io/output-not-writable':
    'Impossible d’écrire le fichier de sortie {file} : {reason}\nVérifiez que le dossier existe et que vous avez le droit d’y écrire.',
  'io/input-unreadable': 'Impossible de lire {file} : {reason}',
};
